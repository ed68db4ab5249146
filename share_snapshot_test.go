package laeringsliv_test

import (
	"reflect"
	"testing"

	"laeringsliv"
)

func TestQuestionShare(t *testing.T) {
	w := &laeringsliv.Workplace{ID: 3, InstitutionID: 1}
	notes := []*laeringsliv.IPENote{
		{Text: "Mindre papir", Votes: 2},
		{Text: "Ring meg på 912 34 567", Votes: 5}, // personal data: left out
		{Text: "Faste møter", Votes: 4},
		{Text: "Ingen stemmer", Votes: 0},
	}
	ses := &laeringsliv.IPESession{ID: 7, Question: "Hva kan bli bedre?", Phase: laeringsliv.IPEPhaseVote}
	if sh := laeringsliv.QuestionShare(w, ses, notes); sh.Items != nil || sh.Title != ses.Question {
		t.Fatalf("before votes are counted: %+v", sh)
	}
	ses.Phase = laeringsliv.IPEPhaseClosed
	sh := laeringsliv.QuestionShare(w, ses, notes)
	if want := []string{"Faste møter", "Mindre papir"}; !reflect.DeepEqual(sh.Items, want) {
		t.Fatalf("items %q, want %q", sh.Items, want)
	}
	if sh.WorkplaceID != 3 || sh.InstitutionID != 1 || sh.RefID != 7 || sh.Kind != laeringsliv.ShareIPEQuestion {
		t.Fatalf("share %+v", sh)
	}
}

func TestChapterShareLeavesOutEmbeds(t *testing.T) {
	c := &laeringsliv.HandbookChapter{ID: 4, Title: "Slik startet vi", Body: "Først dette.\n{{innovation 12}}\n  {{ipe 3 frozen}}\nSå dette."}
	sh := laeringsliv.ChapterShare(&laeringsliv.Workplace{ID: 3, InstitutionID: 1}, c)
	if sh.Body != "Først dette.\nSå dette." || sh.Title != c.Title {
		t.Fatalf("body %q", sh.Body)
	}
}

func TestInnovationShareNamesNobody(t *testing.T) {
	i := &laeringsliv.Innovation{ID: 5, Title: "Fast møtetid", Description: "Hver tirsdag.", Status: laeringsliv.InnovationTrying,
		OwnerGroup: "Helg A", CreatedBy: 42}
	sh := laeringsliv.InnovationShare(&laeringsliv.Workplace{ID: 3, InstitutionID: 1}, i)
	want := &laeringsliv.Share{InstitutionID: 1, WorkplaceID: 3, Kind: laeringsliv.ShareInnovation, RefID: 5,
		Title: "Fast møtetid", Status: "trying", Body: "Hver tirsdag."}
	if !reflect.DeepEqual(sh, want) {
		t.Fatalf("share %+v, want %+v", sh, want)
	}
}
