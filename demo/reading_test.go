package demo_test

import (
	"context"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore"
)

// checkReading: a syllabus in Norwegian, Danish and English, and at every gathering a closed
// workshop on its agenda whose groups of three to five each have their own text, a
// presentation and their answers.
func checkReading(t *testing.T, db *sqlstore.DB, res *demo.Result) {
	t.Helper()
	ctx := context.Background()
	texts, err := db.FindSyllabusTexts(ctx, res.ProgrammeID)
	if err != nil {
		t.Fatal(err)
	}
	langs := map[laeringsliv.Language]bool{}
	for _, x := range texts {
		langs[x.Language] = true
	}
	if !langs[laeringsliv.LanguageNorwegian] || !langs[laeringsliv.LanguageDanish] || !langs[laeringsliv.LanguageEnglish] {
		t.Errorf("syllabus languages %v", langs)
	}
	placed := 0
	for _, wid := range res.WorkplaceIDs {
		gs, err := db.FindGatherings(ctx, wid)
		if err != nil || len(gs) < 3 {
			t.Fatalf("workplace %d gatherings %d, %v", wid, len(gs), err)
		}
		list, err := db.FindWorkshops(ctx, laeringsliv.WorkshopFilter{WorkplaceID: wid})
		if err != nil || len(list) != len(gs) {
			t.Fatalf("workplace %d: %d workshops for %d gatherings, %v", wid, len(list), len(gs), err)
		}
		parts := 0
		for _, g := range gs {
			held, err := db.FindWorkshops(ctx, laeringsliv.WorkshopFilter{GatheringID: g.ID})
			if err != nil || len(held) != 1 || held[0].Phase != laeringsliv.PhaseClosed {
				t.Fatalf("gathering %s: workshops %v, %v", g.Title, held, err)
			}
			linked := false
			for _, a := range g.Agenda {
				linked = linked || a.ReadingWorkshopID == held[0].ID
			}
			if !linked {
				t.Errorf("gathering %s: workshop %d not on the agenda %+v", g.Title, held[0].ID, g.Agenda)
			}
			n := checkWorkshop(t, db, held[0])
			if parts != 0 && n != parts {
				t.Errorf("gathering %s: %d placed, %d at the one before", g.Title, n, parts)
			}
			parts = n
		}
		placed += parts
	}
	if placed != 82 {
		t.Errorf("%d participants in each round of workshops, want the article's 82", placed)
	}
}

// checkWorkshop checks that each group of a workshop has three to five members, its own text
// and a presentation, and that every member answered; it returns the number placed.
func checkWorkshop(t *testing.T, db *sqlstore.DB, ws *laeringsliv.Workshop) int {
	t.Helper()
	ctx := context.Background()
	groups, err := db.FindReadingGroups(ctx, ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	answers, _ := db.FindAnswers(ctx, ws.ID)
	n, texts := 0, map[int64]bool{}
	for _, g := range groups {
		if len(g.MemberIDs) < 3 || len(g.MemberIDs) > 5 || g.TextID == 0 || texts[g.TextID] || g.Presentation == "" {
			t.Errorf("workshop %d group %+v", ws.ID, g)
		}
		texts[g.TextID] = true
		n += len(g.MemberIDs)
	}
	if len(answers) != n {
		t.Errorf("workshop %d: %d answers for %d members", ws.ID, len(answers), n)
	}
	return n
}
