package main

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// A leader forms reading groups of people who share shifts, from the demo's rota: the
// proposal shows each group's shared hours, the leader moves one person to another group by
// hand, recounts and saves, and the workshop holds the groups as the leader left them.
func TestBrowserRotaLeaderFormsGroupsByShifts(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	leader := loginFor(t, m, laeringsliv.RoleLeader)
	wp := homeWorkplace(t, m, leader)
	tab := b.NewTab(t, norwegian(browsertest.Laptop))
	signIn(t, tab, m.URL(), leader, "/")
	browsertest.Navigate(t, tab, m.URL()+"/workplaces/"+itoa(wp.ID)+"/reading")
	do(t, tab, chromedp.SendKeys(chromedp.CSS("#f-title"), "Leseverksted etter vaktene"),
		chromedp.Click(chromedp.CSS("#f-grouping-shared_shifts")))
	clickAndWait(t, tab, `main form[action$="/reading"] button[type=submit]`)
	if text := mainText(t, tab); !strings.Contains(text, "Grupper etter felles vakter") {
		t.Fatalf("no proposal; the page says:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "groups by shared shifts")
	hours := sharedHours(t, tab)
	groups := eval[int](t, tab, `document.querySelectorAll("li[data-group]").length`)
	if groups < 2 || len(hours) != groups || slices.Max(hours) <= 0 {
		t.Fatalf("%d groups with shared hours %v", groups, hours)
	}
	t.Logf("proposal: %d groups, shared hours %v", groups, hours)
	shot(t, tab, "rota-groups-proposal")

	// Move the first member of group 1 into group 2 and recount.
	sel := eval[string](t, tab, `document.querySelector('li[data-group="1"] select').id`)
	moved, err := strconv.ParseInt(strings.TrimPrefix(sel, "f-member-"), 10, 64)
	must(t, err)
	do(t, tab, chromedp.SetValue(chromedp.CSS("#"+sel), "2"))
	clickAndWait(t, tab, `button[name=step][value=recount]`)
	if n := eval[int](t, tab, `document.querySelectorAll('li[data-group="2"] #`+sel+`').length`); n != 1 {
		t.Fatalf("after the recount, person %d is not listed in group 2:\n%s", moved, mainText(t, tab))
	}
	after := sharedHours(t, tab)
	t.Logf("after moving one person by hand: shared hours %v", after)
	browsertest.AssertAxe(t, tab, "groups by shared shifts, recounted")

	clickAndWait(t, tab, `button[name=step][value=save]`)
	if p := path(t, tab); !strings.HasPrefix(p, "/workplaces/"+itoa(wp.ID)+"/reading/") {
		t.Fatalf("saving led to %s:\n%s", p, mainText(t, tab))
	}
	browsertest.AssertAxe(t, tab, "workshop with groups by shared shifts")
	ws, err := m.DB.FindWorkshops(ctx, laeringsliv.WorkshopFilter{WorkplaceID: wp.ID})
	must(t, err)
	var saved *laeringsliv.Workshop
	for _, w := range ws {
		if w.Grouping == laeringsliv.GroupingSharedShifts {
			saved = w
		}
	}
	if saved == nil {
		t.Fatal("no workshop with groups by shared shifts was saved")
	}
	stored, err := m.DB.FindReadingGroups(ctx, saved.ID)
	must(t, err)
	if len(stored) != groups || !slices.Contains(stored[1].MemberIDs, moved) {
		t.Fatalf("saved groups %+v; want %d groups with person %d in group 2", stored, groups, moved)
	}
}

// sharedHours reads each group's shared hours from the proposal, in group order.
func sharedHours(t *testing.T, ctx context.Context) []float64 {
	t.Helper()
	var out []float64
	for _, s := range eval[[]string](t, ctx, `[...document.querySelectorAll(".app-shared-hours")].map(e => e.textContent)`) {
		v, err := strconv.ParseFloat(strings.Replace(strings.Fields(s)[0], ",", ".", 1), 64)
		if err != nil {
			t.Fatalf("shared hours %q: %v", s, err)
		}
		out = append(out, v)
	}
	return out
}

// A participant records time on a phone: a mistyped entry comes back with the message beside
// the field and what was typed kept; the corrected entry is listed and can be deleted. The
// leader then sees the workplace's months, without the entry's text.
func TestBrowserParticipantRecordsTime(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	part := loginFor(t, m, laeringsliv.RoleParticipant)
	wp := homeWorkplace(t, m, part)
	tab := b.NewTab(t, norwegian(browsertest.Phone390))
	signIn(t, tab, m.URL(), part, "/")
	browsertest.Navigate(t, tab, m.URL()+"/workplaces/"+itoa(wp.ID))
	clickAndWait(t, tab, `main a[href="/workplaces/`+itoa(wp.ID)+`/time"]`)
	browsertest.AssertAxe(t, tab, "time records on a phone")
	if sw := eval[int](t, tab, `document.documentElement.scrollWidth`); sw > 390 {
		t.Errorf("the time page is %d px wide on a 390 px phone: %q", sw, eval[[]string](t, tab, widerThanScreen))
	}
	const note = "Leste kapittel 4 på bussen"
	do(t, tab, chromedp.SendKeys(chromedp.CSS("#f-minutes"), "en time"),
		chromedp.Click(chromedp.CSS("#f-source-own")), chromedp.SendKeys(chromedp.CSS("#f-note"), note))
	clickAndWait(t, tab, `main form button[type=submit]`)
	if text := mainText(t, tab); !strings.Contains(text, "Skriv minutter som et tall") {
		t.Fatalf("no message for the mistyped minutes:\n%s", text)
	}
	if got := eval[string](t, tab, `document.querySelector("#f-note").value`); got != note {
		t.Errorf("the note typed was not kept: %q", got)
	}
	if !eval[bool](t, tab, `document.querySelector("#f-source-own").checked`) {
		t.Error("the choice of own time was not kept")
	}
	browsertest.AssertAxe(t, tab, "time record refused")
	do(t, tab, chromedp.SetValue(chromedp.CSS("#f-minutes"), "1:15"))
	clickAndWait(t, tab, `main form button[type=submit]`)
	if text := mainText(t, tab); !strings.Contains(text, note) || !strings.Contains(text, "75 min") {
		t.Fatalf("the entry is not listed:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "time record saved")
	shot(t, tab, "time-records-phone")
	before := eval[int](t, tab, `document.querySelectorAll(".app-time-record").length`)
	clickAndWait(t, tab, `.app-time-record form button[type=submit]`)
	if after := eval[int](t, tab, `document.querySelectorAll(".app-time-record").length`); after != before-1 {
		t.Errorf("after deleting, %d entries, want %d", after, before-1)
	}

	leaderTab := b.NewTab(t, norwegian(browsertest.Phone390))
	signIn(t, leaderTab, m.URL(), loginFor(t, m, laeringsliv.RoleLeader), "/")
	lwp := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleLeader))
	browsertest.Navigate(t, leaderTab, m.URL()+"/workplaces/"+itoa(lwp.ID)+"/time/shares")
	if text := mainText(t, leaderTab); !strings.Contains(text, "Andel fritid") || strings.Contains(text, note) {
		t.Fatalf("the leader's sums:\n%s", text)
	}
	browsertest.AssertAxe(t, leaderTab, "where the hours came from")
	shot(t, leaderTab, "time-shares-phone")
}
