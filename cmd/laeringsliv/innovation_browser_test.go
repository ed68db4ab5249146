package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// TestBrowserInnovationLeader walks a leader from the workplace page through the pipeline:
// record an innovation, move it along, and add an all-hands meeting to the timeline.
func TestBrowserInnovationLeader(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	leader := loginFor(t, m, laeringsliv.RoleLeader)
	home := homeWorkplace(t, m, leader)
	wp := m.URL() + "/workplaces/" + itoa(home.ID)
	ctx := b.NewTab(t, norwegian(browsertest.Phone))
	signIn(t, ctx, m.URL(), leader, "/")

	browsertest.Navigate(t, ctx, wp)
	clickAndWait(t, ctx, `main a[href$="/innovations"]`)
	if got := path(t, ctx); !strings.HasSuffix(got, "/innovations") {
		t.Fatalf("pipeline link led to %s", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".app-pipeline-column").length`); n != len(laeringsliv.InnovationStatuses()) {
		t.Errorf("pipeline has %d columns; want %d", n, len(laeringsliv.InnovationStatuses()))
	}
	browsertest.AssertAxe(t, ctx, "pipeline (nb, phone)")

	clickAndWait(t, ctx, `main a[href$="/innovations/new"]`)
	if !strings.Contains(mainText(t, ctx), "ny kontekst") {
		t.Errorf("the innovation form does not show the project's definition:\n%s", mainText(t, ctx))
	}
	browsertest.AssertAxe(t, ctx, "new innovation (nb, phone)")
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-title"), "Faste samtaler ved vaktskifte"),
		chromedp.Click(chromedp.CSS("#f-size-large")))
	clickAndWait(t, ctx, `main form button[type=submit]`)
	if got := path(t, ctx); !strings.Contains(got, "/innovations/") {
		t.Fatalf("after saving, landed on %s:\n%s", got, mainText(t, ctx))
	}
	do(t, ctx, chromedp.SetValue(chromedp.CSS("#f-status"), "trying"))
	clickAndWait(t, ctx, `main form button[type=submit]`)
	if n := eval[int](t, ctx, `document.querySelectorAll("#history ~ .app-timeline li").length`); n != 2 {
		t.Errorf("history has %d steps; want 2 (idea, being tried):\n%s", n, mainText(t, ctx))
	}
	if !strings.Contains(mainText(t, ctx), leader.Name) {
		t.Errorf("history does not say who moved it:\n%s", mainText(t, ctx))
	}
	browsertest.AssertAxe(t, ctx, "innovation with history (nb, phone)")

	browsertest.Navigate(t, ctx, wp+"/timeline")
	before := eval[int](t, ctx, `document.querySelectorAll(".app-timeline > li").length`)
	browsertest.AssertAxe(t, ctx, "timeline (nb, phone)")
	do(t, ctx, chromedp.SetValue(chromedp.CSS("#f-kind"), "all_hands"),
		chromedp.SetValue(chromedp.CSS("#f-occurred_at"), "2017-03-14"),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Allmøte om turnus"))
	clickAndWait(t, ctx, `main form button[type=submit]`)
	if after := eval[int](t, ctx, `document.querySelectorAll(".app-timeline > li").length`); after != before+1 {
		t.Errorf("timeline has %d entries after adding one to %d:\n%s", after, before, mainText(t, ctx))
	}
	for _, p := range []string{"/participation", "/prequalification"} {
		browsertest.Navigate(t, ctx, wp+p)
		browsertest.AssertAxe(t, ctx, p+" (nb, phone)")
	}
	if status := open(t, ctx, wp+"/fieldbook"); status != 403 {
		t.Errorf("a leader opened the field book: status %d", status)
	}
}

// TestBrowserInnovationResearcher walks a researcher (teacher) through the field book and the
// reports page, and prints the reports.
func TestBrowserInnovationResearcher(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	teacher := loginFor(t, m, laeringsliv.RoleTeacher)
	wp := workplaces(t, m)[0]
	ctx := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, ctx, m.URL(), teacher, "/")

	browsertest.Navigate(t, ctx, m.URL()+"/workplaces/"+itoa(wp.ID))
	clickAndWait(t, ctx, `main a[href$="/fieldbook"]`)
	browsertest.AssertAxe(t, ctx, "field book (nb)")
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-body"), "Stor entusiasme på allmøtet."))
	clickAndWait(t, ctx, `main form button[type=submit]`)
	if !strings.Contains(mainText(t, ctx), "Stor entusiasme") {
		t.Errorf("the new note is not in the field book:\n%s", mainText(t, ctx))
	}
	browsertest.AssertAxe(t, ctx, "field book with a note (nb)")

	browsertest.Navigate(t, ctx, m.URL()+"/programmes/"+itoa(wp.ProgrammeID))
	clickAndWait(t, ctx, `main a[href$="/reports"]`)
	if n := eval[int](t, ctx, `document.querySelectorAll("main svg.app-chart, main table").length`); n < 2 {
		t.Errorf("the reports page lacks its chart or table:\n%s", mainText(t, ctx))
	}
	browsertest.AssertAxe(t, ctx, "reports (nb)")
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	const rendered = `[...document.querySelectorAll(%q)].some(e => e.getClientRects().length > 0)`
	for _, sel := range []string{"header.app-header", "nav", ".app-no-print"} {
		if eval[bool](t, ctx, fmt.Sprintf(rendered, sel)) {
			t.Errorf("in print, %s is rendered on the reports page", sel)
		}
	}
	for _, sel := range []string{"main table", "main svg.app-chart"} {
		if !eval[bool](t, ctx, fmt.Sprintf(rendered, sel)) {
			t.Errorf("in print, %s is hidden on the reports page", sel)
		}
	}
	// Table 1, the evidence per gathering, and the funder's progress report, printed.
	assertPrinted(t, ctx, "reports, Table 1", "#table1", "#table1 ~ .app-report table tbody tr", "#table1 ~ .app-report svg.app-chart")
	setMedia(t, ctx, "")
	clickAndWait(t, ctx, `main a[href$="/reports/progress"]`)
	browsertest.AssertAxe(t, ctx, "progress report (nb)")
	assertPrinted(t, ctx, "progress report", "main h1", "main table tbody tr")
}

// setMedia emulates a CSS media type; "" goes back to the screen.
func setMedia(t *testing.T, ctx context.Context, media string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		t.Fatal(err)
	}
}

// assertPrinted emulates print media on the current page, runs axe there, and checks that the
// selectors show while the header, the navigation and everything marked no-print do not.
func assertPrinted(t *testing.T, ctx context.Context, what string, show ...string) {
	t.Helper()
	setMedia(t, ctx, "print")
	const rendered = `[...document.querySelectorAll(%q)].some(e => e.getClientRects().length > 0)`
	for _, sel := range []string{"header.app-header", "nav", ".app-no-print"} {
		if eval[bool](t, ctx, fmt.Sprintf(rendered, sel)) {
			t.Errorf("in print, %s is rendered on the %s page", sel, what)
		}
	}
	for _, sel := range show {
		if !eval[bool](t, ctx, fmt.Sprintf(rendered, sel)) {
			t.Errorf("in print, %s is hidden on the %s page", sel, what)
		}
	}
	browsertest.AssertAxe(t, ctx, what+" (nb, print)")
}
