package sqlstore_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// newCohort stores a cohort of the built-in Heltidskultur template, started by the org's person.
func newCohort(t *testing.T, db *sqlstore.DB, o *org, tpl *laeringsliv.ProgrammeTemplate, shift int) *laeringsliv.Cohort {
	t.Helper()
	c, err := tpl.Cohort(o.inst.ID, laeringsliv.CohortOptions{ShiftDays: shift, Parts: laeringsliv.AllCohortParts(),
		TeacherID: o.person.ID, MakeTeacher: true})
	must(t, err)
	must(t, db.CreateCohort(ctx, c))
	return c
}

func exportJSON(t *testing.T, db *sqlstore.DB, programmeID int64, withText bool) []byte {
	t.Helper()
	p, err := db.FindProgramme(ctx, programmeID)
	must(t, err)
	tpl, err := laeringsliv.ExportTemplate(ctx, db, p, withText)
	must(t, err)
	data, err := json.MarshalIndent(tpl, "", "  ")
	must(t, err)
	return data
}

func TestCreateCohort(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		tpl, err := laeringsliv.FindBuiltinTemplate("heltidskultur")
		must(t, err)
		c := newCohort(t, db, o, tpl, 7)
		p := c.Programme
		if p.ID == 0 || p.Name != "Heltidskultur" || p.InstitutionID != o.inst.ID {
			t.Fatalf("programme %+v", p)
		}
		wps, err := db.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{ProgrammeID: p.ID})
		must(t, err)
		if len(wps) != 1 {
			t.Fatalf("workplaces %+v", wps)
		}
		gs, err := db.FindGatherings(ctx, wps[0].ID)
		must(t, err)
		if len(gs) != 3 || gs[0].Start().In(laeringsliv.Norway()).Format("2006-01-02 15:04") != "2027-01-19 09:00" || len(gs[0].Agenda) != 4 {
			t.Fatalf("gatherings %+v", gs[0])
		}
		reqs, err := db.FindRequirements(ctx, p.ID)
		must(t, err)
		texts, err := db.FindSyllabusTexts(ctx, p.ID)
		must(t, err)
		if len(reqs) != 3 || reqs[0].Code != "AK1" || len(texts) != 4 {
			t.Fatalf("requirements %d, texts %d", len(reqs), len(texts))
		}
		wss, err := db.FindWorkshops(ctx, laeringsliv.WorkshopFilter{WorkplaceID: wps[0].ID})
		must(t, err)
		if len(wss) != 2 {
			t.Fatalf("workshops %+v", wss)
		}
		for _, ws := range wss {
			groups, err := db.FindReadingGroups(ctx, ws.ID)
			must(t, err)
			if len(groups) != 3 || groups[0].TextID == 0 || len(groups[0].MemberIDs) != 0 || ws.GatheringID == 0 {
				t.Fatalf("workshop %+v groups %+v", ws, groups[0])
			}
		}
		sessions, err := db.FindIPESessions(ctx, wps[0].ID)
		must(t, err)
		if len(sessions) != 3 || sessions[0].Phase != laeringsliv.IPEPhaseDraft || sessions[0].GatheringID == 0 {
			t.Fatalf("ipe sessions %+v", sessions)
		}
		h, err := db.FindProgrammeHandbook(ctx, p.ID)
		must(t, err)
		chs, err := db.FindChapters(ctx, h.ID)
		must(t, err)
		if len(chs) != 4 || chs[0].Title != "Hvorfor heltid?" || chs[0].Body != "## Hva vi mener med heltidskultur\n\n## Hva deltid betyr for brukerne\n\n## Hva deltid betyr for de ansatte\n\n" {
			t.Fatalf("chapters %+v", chs[0])
		}
		// People: only the person who started it, as its teacher; none in its workplace.
		ms, err := db.FindMemberships(ctx, laeringsliv.MembershipFilter{ProgrammeID: p.ID})
		must(t, err)
		if len(ms) != 1 || ms[0].PersonID != o.person.ID || ms[0].Role != laeringsliv.RoleTeacher {
			t.Errorf("memberships in the new programme: %+v", ms)
		}
		if ms, err := db.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: wps[0].ID}); err != nil || len(ms) != 0 {
			t.Errorf("memberships in the new workplace: %+v, %v", ms, err)
		}
	})
}

func TestCohortRoundTrip(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		tpl, err := laeringsliv.FindBuiltinTemplate("beredskap-og-smittevern")
		must(t, err)
		a := newCohort(t, db, o, tpl, 0)
		for _, withText := range []bool{false, true} {
			first := exportJSON(t, db, a.Programme.ID, withText)
			parsed, err := laeringsliv.ParseTemplate(first)
			must(t, err)
			b := newCohort(t, db, o, parsed, 0)
			if second := exportJSON(t, db, b.Programme.ID, withText); !bytes.Equal(first, second) {
				t.Fatalf("export → import → export differs:\n%s\n---\n%s", first, second)
			}
		}
	})
}

func TestCreateCohortSavesNothingOnFailure(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		before, err := db.FindProgrammes(ctx, o.inst.ID)
		must(t, err)
		tpl, err := laeringsliv.FindBuiltinTemplate("heltidskultur")
		must(t, err)
		// The chapters come last; an author who does not exist fails them after all else.
		c, err := tpl.Cohort(o.inst.ID, laeringsliv.CohortOptions{Parts: laeringsliv.AllCohortParts(), TeacherID: 999999})
		must(t, err)
		if err := db.CreateCohort(ctx, c); err == nil {
			t.Fatal("a cohort with an unknown author was stored")
		}
		after, err := db.FindProgrammes(ctx, o.inst.ID)
		must(t, err)
		if len(after) != len(before) {
			t.Fatalf("a failed cohort left %d programmes behind", len(after)-len(before))
		}
		c, err = tpl.Cohort(o.inst.ID, laeringsliv.CohortOptions{Parts: laeringsliv.AllCohortParts()})
		must(t, err)
		wantCode(t, db.CreateCohort(ctx, c), laeringsliv.EINVALID, "cohort.error.author_required")
	})
}

// A chapter's versions in other languages travel with the template: as skeletons (title and
// headings), or with their text, where an image of the old handbook becomes its alt text in
// brackets. A new cohort has them, and its export is the same document.
func TestCohortCarriesTranslations(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		tpl, err := laeringsliv.FindBuiltinTemplate("heltidskultur")
		must(t, err)
		a := newCohort(t, db, o, tpl, 0)
		first := a.Chapters[0]
		first.Body = "## Hva vi mener\n\n![Vaktlista på tavla](image:7)\n\nTekst."
		_, err = db.SaveChapter(ctx, first, first.Version, o.person.ID)
		must(t, err)
		must(t, db.SaveTranslation(ctx, &laeringsliv.HandbookTranslation{ChapterID: first.ID, Language: "nn",
			Title: "Kvifor heiltid?", Body: "## Kva vi meiner\n\n![Vaktlista på tavla](image:7)\n\nTekst."}, 0))
		must(t, db.SaveTranslation(ctx, &laeringsliv.HandbookTranslation{ChapterID: first.ID, Language: "en",
			Title: "Why full time?", Body: "## What we mean\n"}, 0))

		for _, withText := range []bool{false, true} {
			data := exportJSON(t, db, a.Programme.ID, withText)
			parsed, err := laeringsliv.ParseTemplate(data)
			must(t, err)
			ch := parsed.Handbook.Chapters[0]
			if len(ch.Translations) != 2 || ch.Translations[0].Language != "nn" || ch.Translations[0].Title != "Kvifor heiltid?" ||
				!slices.Equal(ch.Translations[0].Outline, []string{"Kva vi meiner"}) || ch.Translations[1].Language != "en" {
				t.Fatalf("translations in the template: %+v", ch.Translations)
			}
			if withText && (ch.Translations[0].Body != "## Kva vi meiner\n\n[Vaktlista på tavla]\n\nTekst." || ch.Body != "## Hva vi mener\n\n[Vaktlista på tavla]\n\nTekst.") {
				t.Fatalf("text in the template: %q / %q", ch.Body, ch.Translations[0].Body)
			}
			b := newCohortWith(t, db, o, parsed, withText)
			h, err := db.FindProgrammeHandbook(ctx, b.Programme.ID)
			must(t, err)
			nn, err := db.FindTranslations(ctx, h.ID, "nn")
			must(t, err)
			got := nn[b.Chapters[0].ID]
			want := "## Kva vi meiner\n\n"
			if withText {
				want = "## Kva vi meiner\n\n[Vaktlista på tavla]\n\nTekst."
			}
			if got == nil || got.Title != "Kvifor heiltid?" || got.Body != want {
				t.Fatalf("the new cohort's nn chapter: %+v", got)
			}
			if again := exportJSON(t, db, b.Programme.ID, withText); !bytes.Equal(data, again) {
				t.Fatalf("export → import → export differs:\n%s\n---\n%s", data, again)
			}
		}
	})
}

// newCohortWith stores a cohort of tpl, with the handbook's text when withText.
func newCohortWith(t *testing.T, db *sqlstore.DB, o *org, tpl *laeringsliv.ProgrammeTemplate, withText bool) *laeringsliv.Cohort {
	t.Helper()
	parts := laeringsliv.AllCohortParts()
	parts.HandbookText = withText
	c, err := tpl.Cohort(o.inst.ID, laeringsliv.CohortOptions{Parts: parts, TeacherID: o.person.ID, MakeTeacher: true})
	must(t, err)
	must(t, db.CreateCohort(ctx, c))
	return c
}
