package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestHandbookMarks gives named and anonymous feedback on a draft, resolves a mark, and checks
// the summary and that an anonymous mark keeps no person.
func TestHandbookMarks(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		h := &laeringsliv.Handbook{ProgrammeID: o.prog.ID, Title: "Håndbok"}
		must(t, db.CreateHandbook(ctx, h))
		c := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: "Innledning", Body: "Første avsnitt."}
		must(t, db.CreateChapter(ctx, c, o.person.ID))
		m := &laeringsliv.HandbookMark{ChapterID: c.ID, Kind: laeringsliv.MarkUnclear, Passage: "Første avsnitt."}
		wantCode(t, db.AddMark(ctx, m), laeringsliv.ECONFLICT, "error.handbook_feedback_closed")
		must(t, db.SetHandbookFeedback(ctx, h.ID, true))
		must(t, db.AddMark(ctx, m)) // anonymous
		named := &laeringsliv.HandbookMark{ChapterID: c.ID, Kind: laeringsliv.MarkUseful, Passage: "Første avsnitt.",
			Comment: "Godt eksempel", PersonID: o.person.ID}
		must(t, db.AddMark(ctx, named))
		wantCode(t, db.AddMark(ctx, &laeringsliv.HandbookMark{ChapterID: c.ID, Kind: "great", Passage: "x"}),
			laeringsliv.EINVALID, "error.handbook_mark_kind")
		if len(m.ID) < 20 || m.ID == named.ID {
			t.Errorf("ids not random: %q %q", m.ID, named.ID)
		}
		must(t, db.ResolveMark(ctx, c.ID, m.ID))
		marks, err := db.FindMarks(ctx, c.ID)
		must(t, err)
		if len(marks) != 2 {
			t.Fatalf("marks = %d", len(marks))
		}
		for _, x := range marks {
			if x.ID == m.ID && (x.PersonID != 0 || !x.Resolved) {
				t.Errorf("anonymous mark = %+v", x)
			}
			if x.ID == named.ID && (x.PersonID != o.person.ID || x.Resolved) {
				t.Errorf("named mark = %+v", x)
			}
		}
		sum, err := db.MarkSummaries(ctx, h.ID)
		must(t, err)
		if len(sum) != 1 || sum[0].Counts[laeringsliv.MarkUnclear] != 1 || sum[0].Counts[laeringsliv.MarkUseful] != 1 || sum[0].Open != 1 {
			t.Errorf("summary = %+v", sum)
		}
	})
}
