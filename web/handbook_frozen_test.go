package web

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/internal/epubcheck"
	"laeringsliv/sqlstore/sqltest"
)

// TestHandbookFrozenEmbeds embeds an innovation twice, frozen and kept current, and the
// reports' participation chart frozen; after publication the innovation changes. The public
// handbook shows the frozen embed as it was and the live one as it is now; the e-book packages
// the chapter's image and the frozen snapshots, and epubcheck accepts it.
func TestHandbookFrozenEmbeds(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := t.Context()
	author := f.signIn(t, laeringsliv.RoleTeacher)
	pr := &laeringsliv.Project{WorkplaceID: f.own.ID, Title: "Felles prosjekt"}
	must(t, f.db.CreateProject(ctx, pr))
	inno := &laeringsliv.Innovation{WorkplaceID: f.own.ID, ProjectID: pr.ID, Title: "Faste vaktlag",
		Status: laeringsliv.InnovationTrying, Size: laeringsliv.InnovationSmall}
	must(t, f.db.CreateInnovation(ctx, inno, f.people[laeringsliv.RoleAdmin].ID))
	base, chapter := f.startChapter(t, author, "Det vi prøvde")
	body := "Slik sto det til da vi skrev.\n\n{{innovation " + itoa(inno.ID) + " frozen}}\n\nOg slik er det nå:\n\n{{innovation " +
		itoa(inno.ID) + "}}\n\n{{chart participation frozen}}\n"
	fields := [][2]string{{"base", "0"}, {"lang", "nb"}, {"title", "Det vi prøvde"}, {"body", body}, {"alt", "Vaktlista på tavla"}}
	if resp, page := f.postForm(t, author, chapter, fields, "image", "tavle.png", bytes.NewReader(pngImage(t, 12, 9))); resp.StatusCode != http.StatusOK {
		t.Fatalf("save: %d\n%s", resp.StatusCode, page)
	}
	f.do(t, author, http.MethodPost, base+"/publish", url.Values{"published": {"1"}})
	inno.Status = laeringsliv.InnovationImplemented
	must(t, f.db.UpdateInnovation(ctx, inno, f.people[laeringsliv.RoleAdmin].ID))

	h, err := f.db.FindProgrammeHandbook(ctx, f.p1.ID)
	must(t, err)
	_, page := f.do(t, f.client(t), http.MethodGet, "/handbooks/"+itoa(h.ID), nil)
	frozen, live, _ := strings.Cut(page, "Og slik er det nå")
	if !strings.Contains(frozen, "Faste vaktlag") || !strings.Contains(frozen, "Prøves ut") || strings.Contains(frozen, "Innført") {
		t.Errorf("the frozen embed does not show the innovation as it was at publication")
	}
	if !strings.Contains(live, "Innført") || !strings.Contains(live, "Solsiden bofellesskap") || !strings.Contains(live, "<svg") {
		t.Errorf("the live embed or the frozen chart is missing")
	}

	resp, book := f.do(t, f.client(t), http.MethodGet, "/handbooks/"+itoa(h.ID)+"/epub", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("e-book: %d", resp.StatusCode)
	}
	z, err := zip.NewReader(bytes.NewReader([]byte(book)), int64(len(book)))
	must(t, err)
	var all strings.Builder
	images := 0
	for _, zf := range z.File {
		if strings.HasPrefix(zf.Name, "OEBPS/images/") {
			images++
			continue
		}
		rc, err := zf.Open()
		must(t, err)
		b, _ := io.ReadAll(rc)
		rc.Close()
		all.Write(b)
	}
	for _, want := range []string{`<img src="images/`, `alt="Vaktlista på tavla"`, "Prøves ut", "Solsiden bofellesskap", `media-type="image/png"`} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the e-book lacks %q", want)
		}
	}
	if images != 1 {
		t.Errorf("the e-book holds %d images, want 1", images)
	}
	path := filepath.Join(t.TempDir(), "handbok.epub")
	must(t, os.WriteFile(path, []byte(book), 0o600))
	epubcheck.Check(t, path)
}
