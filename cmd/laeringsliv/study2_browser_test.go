package main

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// TestBrowserTeacherEditsRequirementLinksAgendaAndAppliesOnBehalf: a programme teacher sees the
// requirements link (not the admissions one), edits AK1, finds the demo's IPE session and
// workshop linked from the start-up gathering and offered in the gathering form, and applies
// for prior learning for a participant on a phone, who sees it as theirs; axe on each page.
func TestBrowserTeacherEditsRequirementLinksAgendaAndAppliesOnBehalf(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleParticipant))
	login, p := newParticipant(t, m, home, "Kari Fagarbeider", "kari.fagarbeider@example.no")
	teacher := teachers(t, m)[0]
	ctx := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, ctx, m.URL(), teacher, "/")
	prog := "/programmes/" + itoa(home.ProgrammeID)

	browsertest.Navigate(t, ctx, m.URL()+prog)
	browsertest.AssertAxe(t, ctx, "programme page")
	if n := eval[int](t, ctx, `document.querySelectorAll('main a[href$="/requirements"]').length*10 + document.querySelectorAll('main a[href$="/admissions"]').length`); n != 10 {
		t.Fatalf("programme links for a teacher: %d, want the requirements only", n)
	}
	ak1 := requirementByCode(t, m, home.ProgrammeID, "AK1")
	clickAndWait(t, ctx, `main a[href$="/requirements"]`)
	clickAndWait(t, ctx, `main a[href$="/requirements/`+itoa(ak1.ID)+`/edit"]`)
	browsertest.AssertAxe(t, ctx, "requirement edit page")
	eval[bool](t, ctx, `(document.querySelector('#f-title').value = '', true)`)
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-title"), "Refleksjonslogg fra utviklingsprosjektet"))
	clickAndWait(t, ctx, `main form button[type=submit]`)
	if got := requirementByCode(t, m, home.ProgrammeID, "AK1"); got.Title != "Refleksjonslogg fra utviklingsprosjektet" || got.Assessors != ak1.Assessors {
		t.Fatalf("saved %+v", got)
	}

	browsertest.Navigate(t, ctx, m.URL()+"/workplaces/"+itoa(home.ID)+"/gatherings")
	if n := eval[int](t, ctx, `document.querySelectorAll('main a[href*="/ipe/"], main a[href*="/reading/"]').length`); n < 2 {
		t.Fatalf("the start-up agenda links %d sessions and workshops, want 2", n)
	}
	browsertest.Navigate(t, ctx, m.URL()+"/workplaces/"+itoa(home.ID)+"/gatherings/new")
	browsertest.AssertAxe(t, ctx, "gathering form with agenda links")
	if n := eval[int](t, ctx, `document.querySelectorAll('#f-ipe_session option, #f-workshop option').length`); n < 4 {
		t.Fatalf("link choices %d", n)
	}

	pctx := b.NewTab(t, norwegian(browsertest.Phone))
	signIn(t, pctx, m.URL(), teacher, "/")
	browsertest.Navigate(t, pctx, m.URL()+"/workplaces/"+itoa(home.ID)+"/prior-learning/on-behalf")
	browsertest.AssertAxe(t, pctx, "prior learning on a participant's behalf")
	do(t, pctx, chromedp.SetValue(chromedp.CSS("#f-person_id"), strconv.FormatInt(p.ID, 10)),
		chromedp.Click(chromedp.CSS("#f-trade_certificate")),
		chromedp.SendKeys(chromedp.CSS("#f-certificate_title"), "Fagbrev helsearbeiderfaget"),
		chromedp.SendKeys(chromedp.CSS("#f-issuer0"), "Vikstrand kommune"),
		chromedp.SendKeys(chromedp.CSS("#f-from0"), "01.08.2010"),
		chromedp.SendKeys(chromedp.CSS("#f-pct0"), "80"),
		chromedp.Click(chromedp.CSS("#f-relevant0")))
	clickAndWait(t, pctx, `main form button[type=submit]`)
	apps, err := m.DB.FindPriorLearnings(context.Background(), laeringsliv.PriorLearningFilter{PersonID: p.ID})
	if err != nil || len(apps) != 1 {
		t.Fatalf("applications %v, %v", apps, err)
	}

	sctx := b.NewTab(t, norwegian(browsertest.Phone))
	signIn(t, sctx, m.URL(), login, "/")
	browsertest.Navigate(t, sctx, m.URL()+"/workplaces/"+itoa(home.ID)+"/prior-learning")
	if txt := mainText(t, sctx); !strings.Contains(txt, "Søkt av "+teacher.Name) || !strings.Contains(txt, "Vikstrand kommune") {
		t.Fatalf("the participant does not see the application filed for them:\n%s", txt)
	}
	browsertest.AssertAxe(t, sctx, "participant's prior-learning page with a teacher's application")
}
