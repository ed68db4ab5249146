package main

// Browser tests of the study programme: a participant writes and submits AK1 on a phone, a
// group hands in AK3 with a video, two teachers approve it jointly, and a participant applies
// for prior-learning assessment and the admissions officer decides. Every page is checked with
// axe.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/demo"
)

// newParticipant adds a participant with no work yet to a workplace and returns the login.
func newParticipant(t *testing.T, m *Main, w *laeringsliv.Workplace, name, email string) (demo.Login, *laeringsliv.Person) {
	t.Helper()
	ctx := context.Background()
	p := &laeringsliv.Person{InstitutionID: m.Institution.ID, Name: name, Email: email, Profession: laeringsliv.ProfessionHealthWorker}
	if err := m.DB.CreatePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	h, err := hashPassword(demo.Password)
	if err == nil {
		err = m.DB.SetPasswordHash(ctx, p.ID, h)
	}
	if err == nil {
		err = m.DB.CreateMembership(ctx, &laeringsliv.Membership{PersonID: p.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: w.ID})
	}
	if err != nil {
		t.Fatal(err)
	}
	return demo.Login{Role: laeringsliv.RoleParticipant, Name: name, Email: email, Password: demo.Password}, p
}

// requirementByCode returns the demo programme's requirement with code.
func requirementByCode(t *testing.T, m *Main, programmeID int64, code string) *laeringsliv.WorkRequirement {
	t.Helper()
	reqs, err := m.DB.FindRequirements(context.Background(), programmeID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reqs {
		if r.Code == code {
			return r
		}
	}
	t.Fatalf("no requirement %s", code)
	return nil
}

func TestBrowserParticipantWritesAndSubmitsAK1OnPhone(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleParticipant))
	login, _ := newParticipant(t, m, home, "Siri Nattevakt", "siri.nattevakt@example.no")
	ak1 := requirementByCode(t, m, home.ProgrammeID, "AK1")
	ctx := b.NewTab(t, norwegian(browsertest.Phone))
	signIn(t, ctx, m.URL(), login, "/")

	browsertest.Navigate(t, ctx, m.URL()+"/workplaces/"+itoa(home.ID)+"/study")
	browsertest.AssertAxe(t, ctx, "study page")
	shot(t, ctx, "study-phone")
	clickAndWait(t, ctx, `a[href$="/requirements/`+itoa(ak1.ID)+`"]`)
	browsertest.AssertAxe(t, ctx, "AK1 page")

	// Typing is saved without pressing anything: the shift may start at any moment.
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-text"), "Jeg valgte idéen om faste overlappingsmøter. Det som fremmer endringen er …"))
	waitFor(t, ctx, `document.getElementById("draft-state").textContent.startsWith("Lagret")`, "the draft to be saved")
	browsertest.Navigate(t, ctx, m.URL()+"/workplaces/"+itoa(home.ID)+"/requirements/"+itoa(ak1.ID))
	if got := eval[string](t, ctx, `document.getElementById("f-text").value`); !strings.Contains(got, "overlappingsmøter") {
		t.Fatalf("the typed text was not saved as a draft: %q", got)
	}
	shot(t, ctx, "ak1-draft-phone")
	clickAndWait(t, ctx, `form[action$="/submit"] button`)
	if txt := mainText(t, ctx); !strings.Contains(txt, "Levert, venter på vurdering") {
		t.Fatalf("after submitting:\n%s", txt)
	}
	browsertest.AssertAxe(t, ctx, "AK1 submitted")
}

func TestBrowserGroupSubmitsAK3AndTeachersApproveJointly(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleParticipant))
	ak3 := requirementByCode(t, m, home.ProgrammeID, "AK3")
	writer, _ := newParticipant(t, m, home, "Ola Helgevakt", "ola.helgevakt@example.no")
	mate, mateP := newParticipant(t, m, home, "Kari Helgevakt", "kari.helgevakt@example.no")

	video := filepath.Join(t.TempDir(), "AK3 presentasjon.mov")
	if err := os.WriteFile(video, smallMovie(200<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := b.NewTab(t, norwegian(browsertest.Phone))
	signIn(t, ctx, m.URL(), writer, "/")
	page := m.URL() + "/workplaces/" + itoa(home.ID) + "/requirements/" + itoa(ak3.ID)
	browsertest.Navigate(t, ctx, page)
	do(t, ctx, chromedp.Click(chromedp.CSS("#m-"+itoa(mateP.ID))),
		chromedp.SendKeys(chromedp.CSS("#f-text"), "Innovasjonsarbeidet: hva virket, hva virket ikke, og veien videre."),
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{video}))
	browsertest.AssertAxe(t, ctx, "AK3 page with a file chosen")
	clickAndWait(t, ctx, `#draft-form button[type=submit]`) // the script uploads with progress, then reloads
	waitFor(t, ctx, `document.body.innerText.includes("AK3 presentasjon.mov")`, "the uploaded video in the list")
	clickAndWait(t, ctx, `form[action$="/submit"] button`)
	if txt := mainText(t, ctx); !strings.Contains(txt, "Levert, venter på vurdering") || !strings.Contains(txt, "Kari Helgevakt") {
		t.Fatalf("after submitting for the group:\n%s", txt)
	}

	// The other member sees the group's submission.
	ctx2 := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, ctx2, m.URL(), mate, "/")
	browsertest.Navigate(t, ctx2, page)
	if txt := mainText(t, ctx2); !strings.Contains(txt, "AK3 presentasjon.mov") {
		t.Fatalf("the group member does not see the submission:\n%s", txt)
	}

	subs, err := m.DB.FindSubmissions(context.Background(), laeringsliv.SubmissionFilter{RequirementID: ak3.ID, PersonID: mateP.ID})
	if err != nil || len(subs) != 1 {
		t.Fatalf("submissions %v, %v", subs, err)
	}
	for i, teacher := range teachers(t, m) {
		tctx := b.NewTab(t, norwegian(browsertest.Desktop))
		signIn(t, tctx, m.URL(), teacher, "/")
		browsertest.Navigate(t, tctx, m.URL()+"/workplaces/"+itoa(home.ID)+"/assessment")
		if i == 0 {
			browsertest.AssertAxe(t, tctx, "assessment matrix")
			shot(t, tctx, "assessment-matrix")
		}
		clickAndWait(t, tctx, `a[href$="/submissions/`+itoa(subs[0].ID)+`"]`)
		browsertest.AssertAxe(t, tctx, "assess page")
		do(t, tctx, chromedp.Click(chromedp.CSS("#v-approved")), chromedp.SendKeys(chromedp.CSS("#f-feedback"), "Godt presentert."))
		clickAndWait(t, tctx, `main form button[type=submit]`)
		sub, err := m.DB.FindSubmission(context.Background(), subs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		want := laeringsliv.StatusSubmitted
		if i == 1 {
			want = laeringsliv.StatusApproved
		}
		if sub.Status != want {
			t.Fatalf("after teacher %d: %s, want %s", i+1, sub.Status, want)
		}
	}
}

func TestBrowserPriorLearningApplicationAndDecision(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleParticipant))
	login, p := newParticipant(t, m, home, "Per Fagarbeider", "per.fagarbeider@example.no")
	ctx := b.NewTab(t, norwegian(browsertest.Phone))
	signIn(t, ctx, m.URL(), login, "/")
	browsertest.Navigate(t, ctx, m.URL()+"/workplaces/"+itoa(home.ID)+"/prior-learning")
	browsertest.AssertAxe(t, ctx, "prior-learning page")
	do(t, ctx, chromedp.Click(chromedp.CSS("#f-trade_certificate")),
		chromedp.SendKeys(chromedp.CSS("#f-certificate_title"), "Fagbrev helsearbeiderfaget"),
		chromedp.SendKeys(chromedp.CSS("#f-issuer0"), "Vikstrand kommune"),
		chromedp.SendKeys(chromedp.CSS("#f-from0"), "01.08.2009"),
		chromedp.SendKeys(chromedp.CSS("#f-pct0"), "75 %"),
		chromedp.SendKeys(chromedp.CSS("#f-tasks0"), "Stell, pleie og miljøarbeid"),
		chromedp.Click(chromedp.CSS("#f-relevant0")))
	clickAndWait(t, ctx, `main form button[type=submit]`)
	if txt := mainText(t, ctx); !strings.Contains(txt, "Venter på vedtak") {
		t.Fatalf("after applying:\n%s", txt)
	}
	apps, err := m.DB.FindPriorLearnings(context.Background(), laeringsliv.PriorLearningFilter{PersonID: p.ID})
	if err != nil || len(apps) != 1 {
		t.Fatalf("applications %v, %v", apps, err)
	}

	officer := loginFor(t, m, laeringsliv.RoleAdmissions)
	octx := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, octx, m.URL(), officer, "/")
	browsertest.Navigate(t, octx, m.URL()+"/programmes/"+itoa(home.ProgrammeID)+"/admissions")
	browsertest.AssertAxe(t, octx, "admissions list")
	clickAndWait(t, octx, `a[href$="/admissions/`+itoa(apps[0].ID)+`"]`)
	if txt := mainText(t, octx); !strings.Contains(txt, "oppfyller regelen") {
		t.Fatalf("the rules' suggestion is not shown:\n%s", txt)
	}
	browsertest.AssertAxe(t, octx, "decision page")
	do(t, octx, chromedp.Click(chromedp.CSS("#o-approved")),
		chromedp.SendKeys(chromedp.CSS("#f-rationale"), "Fagbrev og mer enn fem årsverk relevant arbeid."))
	clickAndWait(t, octx, `main form button[type=submit]`)

	browsertest.Navigate(t, ctx, m.URL()+"/workplaces/"+itoa(home.ID)+"/prior-learning")
	txt := mainText(t, ctx)
	if !strings.Contains(txt, "Fagbrev og mer enn fem årsverk relevant arbeid.") || !strings.Contains(txt, officer.Name) {
		t.Fatalf("the applicant does not see the decision and who made it:\n%s", txt)
	}
	browsertest.AssertAxe(t, ctx, "prior-learning page with a decision")
}

// teachers returns the demo's two teachers' logins.
func teachers(t *testing.T, m *Main) []demo.Login {
	t.Helper()
	ctx := context.Background()
	ms, err := m.DB.FindMemberships(ctx, laeringsliv.MembershipFilter{ProgrammeID: workplaces(t, m)[0].ProgrammeID})
	if err != nil {
		t.Fatal(err)
	}
	var out []demo.Login
	for _, ms := range ms {
		if ms.Role != laeringsliv.RoleTeacher {
			continue
		}
		p, err := m.DB.FindPerson(ctx, ms.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, demo.Login{Role: laeringsliv.RoleTeacher, Name: p.Name, Email: p.Email, Password: demo.Password})
	}
	if len(out) != 2 {
		t.Fatalf("demo teachers: %d", len(out))
	}
	return out
}

// smallMovie is a QuickTime file with a movie header and size bytes of media, as a phone
// would record.
func smallMovie(size int) []byte {
	box := func(typ string, body []byte) []byte {
		n := 8 + len(body)
		return append([]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n), typ[0], typ[1], typ[2], typ[3]}, body...)
	}
	out := box("ftyp", []byte("qt  \x00\x00\x02\x00qt  "))
	out = append(out, box("moov", box("mvhd", make([]byte, 100)))...)
	return append(out, box("mdat", make([]byte, size))...)
}
