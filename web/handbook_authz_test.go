package web

import (
	"bytes"
	"image"
	"image/png"
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
	img := &laeringsliv.HandbookImage{HandbookID: h.ID, FileKey: f.storeFile(t, pngImage(t, 4, 3)), ContentType: "image/png", Alt: "Et bilde"}
	must(t, f.db.AddHandbookImage(ctx, img))
	r := strings.NewReplacer("{image}", itoa(img.ID), "{handbook}", itoa(h.ID), "{chapter}", itoa(c.ID), "{version}", "0", "{mark}", m.ID)
	return r.Replace(path)
}

// storeFile keeps b in the fixture's file store and returns its key.
func (f *fixture) storeFile(t *testing.T, b []byte) string {
	t.Helper()
	up, err := f.server.svc.Files.Create(t.Context())
	must(t, err)
	if _, err := up.Write(b); err != nil {
		t.Fatal(err)
	}
	must(t, up.Commit())
	return up.Key()
}

// pngImage is a w×h PNG.
func pngImage(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var buf bytes.Buffer
	must(t, png.Encode(&buf, img))
	return buf.Bytes()
}
