package sqlstore_test

import (
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestHandbookChapterSaves saves a chapter from two authors against the same version and
// checks that both edits are kept, every version is stored, and bad input is refused.
func TestHandbookChapterSaves(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		other := newPerson(t, db, o.inst.ID, "Ola Hansen", "ola@example.no")
		h := &laeringsliv.Handbook{ProgrammeID: o.prog.ID, Title: "Håndbok for medarbeiderdrevet innovasjon"}
		must(t, db.CreateHandbook(ctx, h))
		if got, err := db.FindProgrammeHandbook(ctx, o.prog.ID); err != nil || got.ID != h.ID || got.InstitutionID != o.inst.ID {
			t.Fatalf("FindProgrammeHandbook = %+v, %v", got, err)
		}
		base := "# Innledning\n\nFørste avsnitt.\n\nAndre avsnitt.\n"
		c := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: "Innledning", Body: base}
		must(t, db.CreateChapter(ctx, c, o.person.ID))
		c2 := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: "Metode", Body: "{{innovation 1}}"}
		must(t, db.CreateChapter(ctx, c2, other.ID))
		if c.Position != 1 || c2.Position != 2 || c.Version != 0 {
			t.Errorf("positions %d %d, version %d", c.Position, c2.Position, c.Version)
		}

		a := *c
		a.Body = strings.Replace(base, "Første avsnitt.", "Første avsnitt, skrevet om.", 1)
		merged, err := db.SaveChapter(ctx, &a, 0, o.person.ID)
		must(t, err)
		if merged || a.Version != 1 {
			t.Errorf("first save merged=%v version=%d", merged, a.Version)
		}
		b := *c
		b.Body = strings.Replace(base, "Andre avsnitt.", "Andre avsnitt og mer.", 1)
		merged, err = db.SaveChapter(ctx, &b, 0, other.ID)
		must(t, err)
		want := "# Innledning\n\nFørste avsnitt, skrevet om.\n\nAndre avsnitt og mer.\n"
		if !merged || b.Version != 2 || b.Body != want {
			t.Errorf("late save merged=%v version=%d body=%q", merged, b.Version, b.Body)
		}
		vs, err := db.FindChapterVersions(ctx, c.ID)
		must(t, err)
		if len(vs) != 3 || vs[0].Version != 2 || vs[0].AuthorID != other.ID || vs[2].Body != base {
			t.Errorf("versions = %d, newest %+v", len(vs), vs[0])
		}
		chs, err := db.FindChapters(ctx, h.ID)
		must(t, err)
		if len(chs) != 2 || chs[0].Body != want {
			t.Errorf("chapters = %d, first body %q", len(chs), chs[0].Body)
		}

		bad := *c
		bad.Body = "{{innovation x}}"
		_, err = db.SaveChapter(ctx, &bad, 2, o.person.ID)
		wantCode(t, err, laeringsliv.EINVALID, "error.handbook_embed_invalid")
		bad.Body = "ok"
		_, err = db.SaveChapter(ctx, &bad, 9, o.person.ID)
		wantCode(t, err, laeringsliv.EINVALID, "error.handbook_version_unknown")
		if got, _ := db.FindChapter(ctx, c.ID); got.Body != want {
			t.Errorf("a refused save changed the chapter: %q", got.Body)
		}
	})
}
