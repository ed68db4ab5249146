package demo_test

import (
	"context"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore"
)

// checkReading: a syllabus in Norwegian, Danish and English, and in every workplace a closed
// workshop whose groups of three to five each have a text, a presentation and their answers.
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
		list, err := db.FindWorkshops(ctx, laeringsliv.WorkshopFilter{WorkplaceID: wid})
		if err != nil || len(list) != 1 || list[0].Phase != laeringsliv.PhaseClosed {
			t.Fatalf("workplace %d workshops %v, %v", wid, list, err)
		}
		groups, err := db.FindReadingGroups(ctx, list[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		answers, _ := db.FindAnswers(ctx, list[0].ID)
		n := 0
		for _, g := range groups {
			if len(g.MemberIDs) < 3 || len(g.MemberIDs) > 5 || g.TextID == 0 || g.Presentation == "" {
				t.Errorf("group %+v", g)
			}
			n += len(g.MemberIDs)
		}
		if len(answers) != n {
			t.Errorf("workplace %d: %d answers for %d members", wid, len(answers), n)
		}
		placed += n
	}
	if placed != 82 {
		t.Errorf("%d participants in workshops, want the article's 82", placed)
	}
}
