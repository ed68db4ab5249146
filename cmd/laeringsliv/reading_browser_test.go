package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/demo"
)

// readingWorkplace adds a workplace with eight participants, all with the demo password, and
// makes the demo teacher its teacher, so that a workshop has exactly two groups of four.
func readingWorkplace(t *testing.T, m *Main) (*laeringsliv.Workplace, []*laeringsliv.Person) {
	t.Helper()
	ctx := context.Background()
	teacher, err := m.DB.FindPersonByEmail(ctx, loginFor(t, m, laeringsliv.RoleTeacher).Email)
	must(t, err)
	hash, err := m.DB.PasswordHash(ctx, teacher.ID)
	must(t, err)
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleParticipant))
	wp := &laeringsliv.Workplace{ProgrammeID: home.ProgrammeID, Name: "Lesetun", Municipality: "Fjordvik", ServiceKind: laeringsliv.ServiceNursingHome}
	must(t, m.DB.CreateWorkplace(ctx, wp))
	must(t, m.DB.CreateMembership(ctx, &laeringsliv.Membership{PersonID: teacher.ID, Role: laeringsliv.RoleTeacher, WorkplaceID: wp.ID}))
	var people []*laeringsliv.Person
	for i := range 8 {
		p := &laeringsliv.Person{InstitutionID: m.Institution.ID, Name: fmt.Sprintf("Leser %d", i+1),
			Email: fmt.Sprintf("leser%d@lesetun.example", i+1), ShiftTeam: []string{"Helg A", "Helg B"}[i%2]}
		must(t, m.DB.CreatePerson(ctx, p))
		must(t, m.DB.SetPasswordHash(ctx, p.ID, hash))
		must(t, m.DB.CreateMembership(ctx, &laeringsliv.Membership{PersonID: p.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: wp.ID}))
		people = append(people, p)
	}
	return wp, people
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// waitFor polls a JavaScript condition until it holds or the time is up. A page that is being
// replaced (the script reloads it when the step changes) counts as not yet.
func waitFor(t *testing.T, ctx context.Context, js, what string) {
	t.Helper()
	// Generous: the suite runs browser tests in parallel on two shared cores; a wait that
	// succeeds takes milliseconds, so only a real failure pays the whole deadline.
	deadline := time.Now().Add(45 * time.Second)
	js = `(() => { try { return !!(` + js + `); } catch (e) { return false; } })()`
	for {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && v {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited for %s; page says:\n%s", what, mainText(t, ctx))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestBrowserReadingWorkshop runs a workshop with eight participants in two groups (kept by
// shift team) through its steps. Two members of one group type in the shared text at the same
// moment; both edits survive on both screens. Axe checks every screen.
func TestBrowserReadingWorkshop(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	wp, people := readingWorkplace(t, m)
	base := m.URL()

	teacher := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, teacher, base, loginFor(t, m, laeringsliv.RoleTeacher), "/")
	browsertest.Navigate(t, teacher, base+"/programmes/"+itoa(wp.ProgrammeID)+"/syllabus")
	browsertest.AssertAxe(t, teacher, "syllabus")
	browsertest.Navigate(t, teacher, base+"/workplaces/"+itoa(wp.ID)+"/reading")
	browsertest.AssertAxe(t, teacher, "workshop list")
	do(t, teacher, chromedp.SendKeys(chromedp.CSS("#f-title"), "Leseverksted i Lesetun"))
	clickAndWait(t, teacher, `main form button[type=submit]`)
	wsPath := path(t, teacher)
	browsertest.AssertAxe(t, teacher, "facilitator, prepare")

	ws, err := m.DB.FindWorkshops(context.Background(), laeringsliv.WorkshopFilter{WorkplaceID: wp.ID})
	must(t, err)
	groups, err := m.DB.FindReadingGroups(context.Background(), ws[0].ID)
	must(t, err)
	if len(groups) != 2 || len(groups[0].MemberIDs) != 4 || len(groups[1].MemberIDs) != 4 {
		t.Fatalf("groups %+v", groups)
	}
	byID := map[int64]*laeringsliv.Person{}
	for _, p := range people {
		byID[p.ID] = p
	}
	// Two members of group 1 on their phones; the other six answer through the store.
	var tabs []context.Context
	for _, id := range groups[0].MemberIDs[:2] {
		ctx := b.NewTab(t, norwegian(browsertest.Phone))
		p := byID[id]
		signIn(t, ctx, base, loginLike(p), "/")
		browsertest.Navigate(t, ctx, base+wsPath)
		tabs = append(tabs, ctx)
	}
	a, bb := tabs[0], tabs[1]
	browsertest.AssertAxe(t, a, "participant, prepare")
	for _, g := range groups {
		for _, id := range g.MemberIDs {
			if id == groups[0].MemberIDs[0] || id == groups[0].MemberIDs[1] {
				continue
			}
			must(t, m.DB.SaveAnswer(context.Background(), &laeringsliv.Answer{WorkshopID: ws[0].ID, PersonID: id,
				Interesting: "Svar fra " + byID[id].Name, Connects: "Praksis"}))
		}
	}

	next := func(want string) {
		t.Helper()
		clickAndWait(t, teacher, `form[action$="/phase"] button`)
		waitFor(t, teacher, `document.querySelector("[aria-current=step]").textContent.trim() === `+jsString(want), "step "+want)
	}
	next("Hver for seg")
	waitFor(t, a, `document.querySelector("[aria-current=step]").textContent.trim() === "Hver for seg"`, "A's page to follow")
	do(t, a, chromedp.SendKeys(chromedp.CSS("#f-interesting"), "ALFA-INTERESSANT"))
	waitFor(t, a, `document.querySelector("[data-save-status]").textContent !== ""`, "the draft to be saved")
	browsertest.AssertAxe(t, a, "participant, individual")
	if strings.Contains(mainText(t, bb), "ALFA-INTERESSANT") {
		t.Fatal("B sees A's answer before the share step")
	}

	// B types in the last second before the facilitator moves on: the page's final save, made
	// in the individual step, is accepted in the share step's grace window, and A sees it.
	do(t, bb, chromedp.SendKeys(chromedp.CSS("#f-interesting"), "BETA-SISTE"))
	next("Del i gruppa")
	waitFor(t, bb, `document.querySelector("main").innerText.includes("ALFA-INTERESSANT")`, "B to see A's answer")
	waitFor(t, a, `document.querySelector("main").innerText.includes("BETA-SISTE")`, "A to see B's last-second answer")
	browsertest.AssertAxe(t, bb, "participant, share")
	browsertest.AssertAxe(t, teacher, "facilitator, share")

	next("Bli enige")
	for _, ctx := range tabs {
		waitFor(t, ctx, `!!document.querySelector("form[data-presentation] textarea")`, "the shared text")
	}
	browsertest.AssertAxe(t, a, "participant, agree")
	browsertest.AssertAxe(t, teacher, "facilitator, agree")
	// Both type at the same moment.
	var wg sync.WaitGroup
	for i, ctx := range tabs {
		text := []string{"Alfa skriver dette.", "Beta skriver dette."}[i]
		wg.Go(func() {
			if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("form[data-presentation] textarea"), text)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	both := `(v => v.includes("Alfa skriver dette.") && v.includes("Beta skriver dette."))(document.querySelector("form[data-presentation] textarea").value)`
	for _, ctx := range tabs {
		waitFor(t, ctx, both, "both edits on each screen")
	}
	// The facilitator's page follows every group's text live, not only the first.
	waitFor(t, teacher, `(v => v.includes("Alfa skriver dette.") && v.includes("Beta skriver dette."))(document.querySelector("#f-presentation-`+itoa(groups[0].ID)+`").value)`, "group 1's text on the facilitator's page")
	g2 := itoa(groups[1].ID)
	// The facilitator sends an edit of group 2 without its editor (as a member's phone would);
	// the editor on the page takes it from the stream.
	eval[bool](t, teacher, `(fetch(location.pathname + "/groups/`+g2+`/edits", {method: "POST", credentials: "same-origin",
		headers: {"Accept": "application/json", "Content-Type": "application/json"}, body: JSON.stringify({base: 0, start: 0, end: 0, text: "GRUPPE-TO"})}), true)`)
	waitFor(t, teacher, `document.querySelector("#f-presentation-`+g2+`").value === "GRUPPE-TO"`, "group 2's text on the facilitator's page")
	g, err := m.DB.FindReadingGroups(context.Background(), ws[0].ID)
	must(t, err)
	if !strings.Contains(g[0].Presentation, "Alfa skriver dette.") || !strings.Contains(g[0].Presentation, "Beta skriver dette.") {
		t.Fatalf("stored text %q lost an edit", g[0].Presentation)
	}

	next("Plenum")
	browsertest.AssertAxe(t, teacher, "facilitator, plenum step")
	browsertest.Navigate(t, teacher, base+wsPath+"/plenum")
	browsertest.AssertAxe(t, teacher, "plenum side by side")
	if !strings.Contains(mainText(t, teacher), "Beta skriver dette.") {
		t.Error("the plenum lacks the group's text")
	}
	browsertest.Navigate(t, teacher, base+wsPath+"/plenum?group=1")
	browsertest.AssertAxe(t, teacher, "plenum one by one")
	browsertest.Navigate(t, teacher, base+wsPath+"/summary")
	browsertest.AssertAxe(t, teacher, "summary")
	if txt := mainText(t, teacher); !strings.Contains(txt, "Leser") || !strings.Contains(txt, "Alfa skriver dette.") {
		t.Errorf("summary lacks members or presentation:\n%s", txt)
	}
}

// loginLike is the demo login of a person given the demo password.
func loginLike(p *laeringsliv.Person) demo.Login {
	return demo.Login{Role: laeringsliv.RoleParticipant, Name: p.Name, Email: p.Email, Password: demo.Password}
}
