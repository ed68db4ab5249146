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

// A published handbook downloads as an EPUB that epubcheck accepts: chapters with headings,
// emphasis, lists, a table, characters that XML must escape, and a live embed, which becomes a
// link to the web version. An unpublished one is not found; the contents page links to it.
func TestHandbookEPUB(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	author := f.signIn(t, laeringsliv.RoleTeacher)
	base := "/programmes/" + itoa(f.p1.ID) + "/handbook"
	f.do(t, author, http.MethodPost, base, url.Values{"title": {"Håndbok for MDI & co"}})
	chapters := []struct{ title, body string }{
		{"Arbeidsplassen som klasserom", "# Innledning\n\nAlle deltar – også **nattevakten**.\n\n- én\n- to & tre\n\n| Fase | Tid |\n|---|---|\n| Idéfangst | 10 min |\n"},
		{"Lapp i hatten <forklart>", "Før embeden.  \nMed linjeskift.\n\n{{ipe 1}}\n\nEtter embeden, med en [lenke](https://example.no/?a=1&b=2).\n"},
	}
	for _, c := range chapters {
		resp, _ := f.do(t, author, http.MethodPost, base+"/chapters", url.Values{"title": {c.title}})
		f.do(t, author, http.MethodPost, resp.Header.Get("Location"), url.Values{"title": {c.title}, "body": {c.body}, "base": {"0"}})
	}
	h, err := f.db.FindProgrammeHandbook(t.Context(), f.p1.ID)
	must(t, err)
	book := "/handbooks/" + itoa(h.ID) + "/epub"
	if resp, _ := f.do(t, f.client(t), http.MethodGet, book, nil); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("unpublished handbook's e-book: %d", resp.StatusCode)
	}
	f.do(t, author, http.MethodPost, base+"/publish", url.Values{"published": {"1"}})
	if _, page := f.do(t, f.client(t), http.MethodGet, "/handbooks/"+itoa(h.ID), nil); !strings.Contains(page, `href="`+book+`"`) {
		t.Error("the published handbook does not link to its e-book")
	}
	resp, body := f.do(t, f.client(t), http.MethodGet, book, nil)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/epub+zip" {
		t.Fatalf("e-book: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	z, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
	must(t, err)
	var all strings.Builder
	for _, zf := range z.File {
		rc, err := zf.Open()
		must(t, err)
		b, _ := io.ReadAll(rc)
		rc.Close()
		all.Write(b)
	}
	for _, want := range []string{"Arbeidsplassen som klasserom", "Lapp i hatten &lt;forklart&gt;", "<strong>nattevakten</strong>",
		"to &amp; tre", "<table>", "nettversjonen"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the e-book lacks %q", want)
		}
	}
	path := filepath.Join(t.TempDir(), "handbok.epub")
	must(t, os.WriteFile(path, []byte(body), 0o600))
	epubcheck.Check(t, path)
}
