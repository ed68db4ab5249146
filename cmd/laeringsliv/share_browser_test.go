package main

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/demo"
)

// TestBrowserShareAndAdoptInnovation: a leader of one workplace shares an innovation after
// seeing the preview of what the others will see; a leader of another workplace of the same
// institution finds it among what the other workplaces share, asks about it and adopts it; the
// origin's innovation page then shows where it spread, naming the workplace and nobody in it.
func TestBrowserShareAndAdoptInnovation(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	leaderA := loginFor(t, m, laeringsliv.RoleLeader)
	home := homeWorkplace(t, m, leaderA)
	other, leaderB := otherLeader(t, m, home)
	const title = "Bildebasert dagsplan for beboerne"
	innovation := findInnovation(t, m, home, title)

	// A: the innovation page offers sharing; the preview shows exactly the copy, no names.
	a := b.NewTab(t, norwegian(browsertest.Phone))
	signIn(t, a, m.URL(), leaderA, "/")
	browsertest.Navigate(t, a, m.URL()+"/workplaces/"+itoa(home.ID)+"/innovations/"+itoa(innovation.ID))
	clickAndWait(t, a, `main a[href*="/shares/new?kind=innovation"]`)
	preview := mainText(t, a)
	if !strings.Contains(preview, title) || !strings.Contains(preview, home.Name) || strings.Contains(preview, leaderA.Name) {
		t.Fatalf("the preview does not show the copy as the others will see it:\n%s", preview)
	}
	browsertest.AssertAxe(t, a, "share preview (nb, phone)")
	clickAndWait(t, a, `main form[action$="/shares"] button[type=submit]`)
	if got := path(t, a); !strings.Contains(got, "/shared/") {
		t.Fatalf("after sharing, landed on %s:\n%s", got, mainText(t, a))
	}
	browsertest.AssertAxe(t, a, "shared item, origin (nb, phone)")

	// B: finds it from the workplace page, asks, adopts.
	bctx := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, bctx, m.URL(), leaderB, "/")
	browsertest.Navigate(t, bctx, m.URL()+"/workplaces/"+itoa(other.ID))
	clickAndWait(t, bctx, `main a[href$="/shared"]`)
	browsertest.AssertAxe(t, bctx, "from the other workplaces (nb)")
	if !strings.Contains(mainText(t, bctx), title) {
		t.Fatalf("the shared innovation is not among the others' shares:\n%s", mainText(t, bctx))
	}
	href := eval[string](t, bctx, `[...document.querySelectorAll('main a[href*="/shared/"]')].find(a => a.textContent.trim() === "`+title+`").getAttribute("href")`)
	clickAndWait(t, bctx, `main a[href="`+href+`"]`)
	do(t, bctx, chromedp.SendKeys(chromedp.CSS("#f-body"), "Hvordan lagde dere bildene?"))
	clickAndWait(t, bctx, `main form[action$="/comments"] button[type=submit]`)
	if !strings.Contains(mainText(t, bctx), "Hvordan lagde dere bildene?") || strings.Contains(mainText(t, bctx), leaderB.Name) {
		t.Fatalf("the question is not shown, or shown with its writer's name:\n%s", mainText(t, bctx))
	}
	browsertest.AssertAxe(t, bctx, "shared item with a question (nb)")
	clickAndWait(t, bctx, `main form[action$="/adopt"] button[type=submit]`)
	if got := path(t, bctx); !strings.HasPrefix(got, "/workplaces/"+itoa(other.ID)+"/innovations/") {
		t.Fatalf("after adopting, landed on %s:\n%s", got, mainText(t, bctx))
	}
	if !strings.Contains(mainText(t, bctx), home.Name) {
		t.Errorf("the adopted innovation does not name its origin:\n%s", mainText(t, bctx))
	}
	browsertest.AssertAxe(t, bctx, "adopted innovation (nb)")

	// A: the question is there to answer, and the innovation shows where it spread.
	browsertest.Navigate(t, a, m.URL()+"/workplaces/"+itoa(home.ID)+"/innovations/"+itoa(innovation.ID))
	spread := eval[string](t, a, `document.querySelector("#spread + ul") ? document.querySelector("#spread + ul").innerText : ""`)
	if !strings.Contains(spread, other.Name) || strings.Contains(mainText(t, a), leaderB.Name) {
		t.Fatalf("the origin does not show where it spread (or names a person): %q\n%s", spread, mainText(t, a))
	}
	browsertest.AssertAxe(t, a, "innovation that spread (nb, phone)")
	clickAndWait(t, a, `main a[href*="/shared/"]`)
	if !strings.Contains(mainText(t, a), "Hvordan lagde dere bildene?") {
		t.Errorf("the origin does not see the question:\n%s", mainText(t, a))
	}
}

// otherLeader returns another workplace of the demo than home and the login of its leader.
func otherLeader(t *testing.T, m *Main, home *laeringsliv.Workplace) (*laeringsliv.Workplace, demo.Login) {
	t.Helper()
	ctx := context.Background()
	ws := workplaces(t, m)
	for k := len(ws) - 1; k >= 0; k-- { // from the last: the second site adopted the demo's share already
		w := ws[k]
		if w.ID == home.ID {
			continue
		}
		ms, err := m.DB.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: w.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, mb := range ms {
			if mb.Role == laeringsliv.RoleLeader {
				p, err := m.DB.FindPerson(ctx, mb.PersonID)
				if err != nil {
					t.Fatal(err)
				}
				return w, demo.Login{Role: laeringsliv.RoleLeader, Name: p.Name, Email: p.Email, Password: demo.Password}
			}
		}
	}
	t.Fatal("no leader of another workplace in the demo")
	return nil, demo.Login{}
}

func findInnovation(t *testing.T, m *Main, w *laeringsliv.Workplace, title string) *laeringsliv.Innovation {
	t.Helper()
	list, err := m.DB.FindInnovations(context.Background(), laeringsliv.InnovationFilter{WorkplaceID: w.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range list {
		if i.Title == title {
			return i
		}
	}
	t.Fatalf("no innovation %q in %s", title, w.Name)
	return nil
}
