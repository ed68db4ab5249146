package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestHandbookBook stores a chapter's Nynorsk version (a stale save refused), an image with
// its alt text (none refused), the snapshots of a publication (replaced by the next) and a
// named author, on both engines.
func TestHandbookBook(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		h := &laeringsliv.Handbook{ProgrammeID: o.prog.ID, Title: "Håndbok"}
		must(t, db.CreateHandbook(ctx, h))
		if h.Language != "nb" {
			t.Errorf("language %q, want nb by default", h.Language)
		}
		c := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: "Vaktskifte", Body: "Tekst."}
		must(t, db.CreateChapter(ctx, c, o.person.ID))

		tr := &laeringsliv.HandbookTranslation{ChapterID: c.ID, Language: "nn", Title: "Vaktbyte", Body: "Tekst på nynorsk."}
		must(t, db.SaveTranslation(ctx, tr, 0))
		must(t, db.SaveTranslation(ctx, tr, 1))
		if err := db.SaveTranslation(ctx, tr, 1); laeringsliv.ErrorCode(err) != laeringsliv.ECONFLICT {
			t.Errorf("stale translation: %v", err)
		}
		if got, err := db.FindTranslations(ctx, h.ID, "nn"); err != nil || got[c.ID] == nil || got[c.ID].Version != 2 {
			t.Errorf("FindTranslations = %v, %v", got, err)
		}

		if err := db.AddHandbookImage(ctx, &laeringsliv.HandbookImage{HandbookID: h.ID, FileKey: "k", ContentType: "image/png"}); laeringsliv.ErrorKey(err) != "error.handbook_image_alt_required" {
			t.Errorf("image without alt text: %v", err)
		}
		img := &laeringsliv.HandbookImage{HandbookID: h.ID, FileKey: "k", ContentType: "image/png", Alt: "Tavla"}
		must(t, db.AddHandbookImage(ctx, img))
		if imgs, err := db.FindHandbookImages(ctx, h.ID); err != nil || len(imgs) != 1 || imgs[0].Alt != "Tavla" || imgs[0].InstitutionID != o.inst.ID {
			t.Errorf("FindHandbookImages = %v, %v", imgs, err)
		}

		must(t, db.PublishHandbook(ctx, h.ID, []laeringsliv.HandbookSnapshot{{Embed: "innovation 1", Data: []byte(`{"title":"A"}`)}}))
		must(t, db.PublishHandbook(ctx, h.ID, []laeringsliv.HandbookSnapshot{{Embed: "chart participation", Data: []byte(`{"lines":[]}`)}}))
		snaps, err := db.FindSnapshots(ctx, h.ID)
		if err != nil || len(snaps) != 1 || string(snaps["chart participation"].Data) != `{"lines":[]}` {
			t.Errorf("FindSnapshots = %v, %v", snaps, err)
		}
		if got, _ := db.FindHandbook(ctx, h.ID); !got.Published {
			t.Error("not published")
		}

		must(t, db.SetHandbookAuthor(ctx, h.ID, o.person.ID, true))
		must(t, db.SetHandbookAuthor(ctx, h.ID, o.person.ID, true))
		if ids, err := db.FindHandbookAuthors(ctx, h.ID); err != nil || len(ids) != 1 || ids[0] != o.person.ID {
			t.Errorf("authors = %v, %v", ids, err)
		}
		must(t, db.SetHandbookAuthor(ctx, h.ID, o.person.ID, false))
		if ids, _ := db.FindHandbookAuthors(ctx, h.ID); len(ids) != 0 {
			t.Errorf("authors after removal = %v", ids)
		}
	})
}
