package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// TestBrowserNewProgrammeFromDemo: a researcher starts a new programme on a new topic from
// the demo's, sees every part on its new dates in a preview that saves nothing, creates it,
// and finds the copied gatherings (moved, weekdays kept), work requirements, syllabus, reading
// workshops, IPE questions and handbook skeleton on the new programme's pages; no person
// comes along but the researcher.
func TestBrowserNewProgrammeFromDemo(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	base := m.URL()
	progs, err := m.DB.FindProgrammes(ctx, m.Institution.ID)
	must(t, err)
	if len(progs) != 1 {
		t.Fatalf("demo programmes: %d", len(progs))
	}
	src := progs[0]
	tpl, err := laeringsliv.ExportTemplate(ctx, m.DB, src, false)
	must(t, err)
	from, err := laeringsliv.ParseTemplateDay(tpl.StartsOn, "starts_on")
	must(t, err)
	const newStart = "2027-09-08"
	to, err := laeringsliv.ParseTemplateDay(newStart, "start")
	must(t, err)
	shift := laeringsliv.ShiftForStart(from, to)
	if shift%7 != 0 || shift <= 0 {
		t.Fatalf("shift %d", shift)
	}
	old := programmeParts(t, m, src.ID)
	if len(old.gatherings) == 0 || len(old.requirements) == 0 || len(old.texts) == 0 || len(old.workshops) == 0 ||
		len(old.questions) == 0 || len(old.chapters) == 0 {
		t.Fatalf("the demo programme lacks a part: %+v", old)
	}

	tab := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, tab, base, loginFor(t, m, laeringsliv.RoleTeacher), "/")
	browsertest.Navigate(t, tab, base+"/programmes/"+itoa(src.ID))
	clickAndWait(t, tab, "#new-cohort")
	browsertest.AssertAxe(t, tab, "new cohort")
	if !eval[bool](t, tab, `document.querySelector('input[name=source][value="programme:`+itoa(src.ID)+`"]').checked`) {
		t.Fatal("the demo programme is not chosen as the source")
	}
	for _, part := range []string{"gatherings", "requirements", "syllabus", "reading", "ipe", "handbook"} {
		if !eval[bool](t, tab, `document.querySelector('#f-part-`+part+`').checked`) {
			t.Fatalf("part %s is not chosen by default", part)
		}
	}
	do(t, tab, chromedp.SendKeys(chromedp.CSS("#f-name"), "Heltidskultur"),
		chromedp.SetValue(chromedp.CSS("#f-start"), newStart))
	clickAndWait(t, tab, `main form[action$="preview"] button[type=submit]`)
	browsertest.AssertAxe(t, tab, "new cohort preview")
	preview := mainText(t, tab)
	if !strings.Contains(preview, "Ingenting er lagret ennå") || !strings.Contains(preview, "Heltidskultur") ||
		!strings.Contains(preview, "(også på Nynorsk, Engelsk)") {
		t.Fatalf("preview (the demo's first chapter is in nn and en too):\n%s", preview)
	}
	for _, g := range old.gatherings {
		if want := moved(g.Start(), shift).Format("02.01.2006"); !strings.Contains(preview, want) {
			t.Errorf("the preview does not show %q moved to %s", g.Title, want)
		}
	}
	if again, _ := m.DB.FindProgrammes(ctx, m.Institution.ID); len(again) != 1 {
		t.Fatal("the preview saved a programme")
	}

	clickAndWait(t, tab, "#cohort-create")
	newPath := path(t, tab)
	browsertest.AssertAxe(t, tab, "new programme")
	if !strings.Contains(mainText(t, tab), "Det nye programmet er opprettet") {
		t.Fatalf("after creating, %s says:\n%s", newPath, mainText(t, tab))
	}
	progs, err = m.DB.FindProgrammes(ctx, m.Institution.ID)
	must(t, err)
	var made *laeringsliv.Programme
	for _, p := range progs {
		if p.ID != src.ID {
			made = p
		}
	}
	if made == nil || newPath != "/programmes/"+itoa(made.ID) || made.Name != "Heltidskultur" {
		t.Fatalf("new programme %+v at %s", made, newPath)
	}
	got := programmeParts(t, m, made.ID)
	checkCopied(t, old, got, shift)
	checkCopiedPages(t, tab, base, made, got)
	h, err := m.DB.FindProgrammeHandbook(ctx, made.ID)
	must(t, err)
	if nn, err := m.DB.FindTranslations(ctx, h.ID, "nn"); err != nil || nn[got.chapters[0].ID] == nil {
		t.Errorf("the new handbook's first chapter has no nn version: %v, %v", nn, err)
	}
}

// moved is t moved by days in Norway's wall-clock time.
func moved(t time.Time, days int) time.Time {
	l := t.In(laeringsliv.Norway())
	return time.Date(l.Year(), l.Month(), l.Day()+days, l.Hour(), l.Minute(), 0, 0, laeringsliv.Norway())
}

// parts is what a programme holds that a new cohort copies.
type parts struct {
	workplaces   []*laeringsliv.Workplace
	gatherings   []*laeringsliv.Gathering // of every workplace, by workplace name and start
	requirements []*laeringsliv.WorkRequirement
	texts        []*laeringsliv.SyllabusText
	workshops    []*laeringsliv.Workshop
	questions    []*laeringsliv.IPESession
	chapters     []*laeringsliv.HandbookChapter
	members      int // memberships in the workplaces
}

func programmeParts(t *testing.T, m *Main, programmeID int64) parts {
	t.Helper()
	ctx := context.Background()
	var p parts
	var err error
	p.workplaces, err = m.DB.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{ProgrammeID: programmeID})
	must(t, err)
	for _, w := range p.workplaces {
		gs, err := m.DB.FindGatherings(ctx, w.ID)
		must(t, err)
		p.gatherings = append(p.gatherings, gs...)
		ws, err := m.DB.FindWorkshops(ctx, laeringsliv.WorkshopFilter{WorkplaceID: w.ID})
		must(t, err)
		p.workshops = append(p.workshops, ws...)
		qs, err := m.DB.FindIPESessions(ctx, w.ID)
		must(t, err)
		for _, q := range qs {
			if q.Kind != laeringsliv.IPEKindEvaluateIdea { // belongs to its innovation, not copied
				p.questions = append(p.questions, q)
			}
		}
		ms, err := m.DB.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: w.ID})
		must(t, err)
		p.members += len(ms)
	}
	p.requirements, err = m.DB.FindRequirements(ctx, programmeID)
	must(t, err)
	p.texts, err = m.DB.FindSyllabusTexts(ctx, programmeID)
	must(t, err)
	h, err := m.DB.FindProgrammeHandbook(ctx, programmeID)
	must(t, err)
	p.chapters, err = m.DB.FindChapters(ctx, h.ID)
	must(t, err)
	return p
}

func checkCopied(t *testing.T, old, got parts, shift int) {
	t.Helper()
	if len(got.workplaces) != len(old.workplaces) || len(got.gatherings) != len(old.gatherings) ||
		len(got.requirements) != len(old.requirements) || len(got.texts) != len(old.texts) ||
		len(got.workshops) != len(old.workshops) || len(got.questions) != len(old.questions) ||
		len(got.chapters) != len(old.chapters) {
		t.Fatalf("copied %d/%d workplaces, %d/%d gatherings, %d/%d requirements, %d/%d texts, %d/%d workshops, %d/%d questions, %d/%d chapters",
			len(got.workplaces), len(old.workplaces), len(got.gatherings), len(old.gatherings), len(got.requirements), len(old.requirements),
			len(got.texts), len(old.texts), len(got.workshops), len(old.workshops), len(got.questions), len(old.questions),
			len(got.chapters), len(old.chapters))
	}
	for i, g := range old.gatherings {
		n := got.gatherings[i]
		if want := moved(g.Start(), shift); !n.Start().Equal(want) || n.Title != g.Title || len(n.Days) != len(g.Days) ||
			n.Start().In(laeringsliv.Norway()).Weekday() != g.Start().In(laeringsliv.Norway()).Weekday() {
			t.Errorf("gathering %q starts %v, want %v on the same weekday", g.Title, n.Start(), want)
		}
	}
	for i, c := range old.chapters {
		if got.chapters[i].Title != c.Title || strings.Contains(got.chapters[i].Body, "{{") {
			t.Errorf("chapter %q copied as %q with body %q", c.Title, got.chapters[i].Title, got.chapters[i].Body)
		}
	}
	if got.members != 0 {
		t.Errorf("%d memberships copied into the new workplaces", got.members)
	}
}

// checkCopiedPages opens the new programme's pages and finds each copied part there.
func checkCopiedPages(t *testing.T, tab context.Context, base string, p *laeringsliv.Programme, got parts) {
	t.Helper()
	wp := got.workplaces[0]
	pages := []struct {
		path  string
		wants []string
	}{
		{"/workplaces/" + itoa(wp.ID) + "/gatherings", nil},
		{"/programmes/" + itoa(p.ID) + "/requirements", nil},
		{"/programmes/" + itoa(p.ID) + "/syllabus", nil},
		{"/workplaces/" + itoa(wp.ID) + "/reading", nil},
		{"/workplaces/" + itoa(wp.ID) + "/ipe", nil},
		{"/programmes/" + itoa(p.ID) + "/handbook", nil},
	}
	for _, g := range got.gatherings {
		if g.WorkplaceID == wp.ID {
			pages[0].wants = append(pages[0].wants, g.Start().In(laeringsliv.Norway()).Format("02.01.2006"))
		}
	}
	for _, r := range got.requirements {
		pages[1].wants = append(pages[1].wants, r.Code)
	}
	for _, s := range got.texts {
		pages[2].wants = append(pages[2].wants, s.Title)
	}
	for _, w := range got.workshops {
		if w.WorkplaceID == wp.ID {
			pages[3].wants = append(pages[3].wants, w.Title)
		}
	}
	for _, q := range got.questions {
		if q.WorkplaceID == wp.ID {
			pages[4].wants = append(pages[4].wants, q.Question)
		}
	}
	for _, c := range got.chapters {
		pages[5].wants = append(pages[5].wants, c.Title)
	}
	for _, pg := range pages {
		if status := open(t, tab, base+pg.path); status != 200 {
			t.Fatalf("%s: status %d", pg.path, status)
		}
		text := mainText(t, tab)
		if len(pg.wants) == 0 {
			t.Errorf("%s: nothing copied to look for", pg.path)
		}
		for _, w := range pg.wants {
			if !strings.Contains(text, w) {
				t.Errorf("%s does not show %q:\n%s", pg.path, w, text)
			}
		}
	}
	browsertest.AssertAxe(t, tab, "new programme's handbook")
}
