package web

import (
	"strings"
	"testing"

	"laeringsliv"
)

// fillHandbook fills a handbook route's ids for the route walk: the programme's handbook,
// published and open for feedback (for every handbook route), with a chapter, its first version and a mark.
func (f *fixture) fillHandbook(t *testing.T, path string, prog *laeringsliv.Programme) string {
	t.Helper()
	if !strings.Contains(path, "handbook") {
		return path
	}
	ctx := t.Context()
	h, err := f.db.FindProgrammeHandbook(ctx, prog.ID)
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		h = &laeringsliv.Handbook{ProgrammeID: prog.ID, Title: "Håndbok"}
		must(t, f.db.CreateHandbook(ctx, h))
	} else {
		must(t, err)
	}
	// Opened and published again each time: the walk's empty forms close and withdraw them.
	must(t, f.db.SetHandbookFeedback(ctx, h.ID, true))
	must(t, f.db.SetHandbookPublished(ctx, h.ID, true))
	c := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: "Kapittel", Body: "Tekst."}
	must(t, f.db.CreateChapter(ctx, c, f.people[laeringsliv.RoleTeacher].ID))
	m := &laeringsliv.HandbookMark{ChapterID: c.ID, Kind: laeringsliv.MarkUseful, Passage: "Tekst."}
	must(t, f.db.AddMark(ctx, m))
	r := strings.NewReplacer("{handbook}", itoa(h.ID), "{chapter}", itoa(c.ID), "{version}", "0", "{mark}", m.ID)
	return r.Replace(path)
}
