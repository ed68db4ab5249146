package epub

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"laeringsliv/internal/epubcheck"
)

func book() Book {
	return Book{ID: "https://laeringsliv.example.no/handbooks/1", Title: "Håndbok i medarbeiderdrevet innovasjon",
		Language: "nb", Author: "Høgskolen i Fjordvik", Modified: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
		Style: "body { font-family: serif; }",
		Chapters: []Chapter{
			{Title: "Arbeidsplassen som klasserom", Body: "<p>Alle deltar &amp; lærer.</p><ul><li>Én</li></ul>"},
			{Title: "Lapp i hatten", Body: `<p>Se <a href="https://laeringsliv.example.no/handbooks/1" rel="nofollow noreferrer">nettversjonen</a>.<br/>Slutt.</p>`},
		}}
}

// The file begins with an uncompressed mimetype and holds the container, the package
// document, the navigation and one XHTML document per chapter.
func TestWriteLayout(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, book()); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes()[30:], []byte("mimetypeapplication/epub+zip")) {
		t.Fatalf("the file does not begin with the stored mimetype: %q", buf.Bytes()[:60])
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	want := "mimetype META-INF/container.xml OEBPS/content.opf OEBPS/nav.xhtml OEBPS/style.css OEBPS/chapter-1.xhtml OEBPS/chapter-2.xhtml"
	if strings.Join(names, " ") != want {
		t.Fatalf("entries %v", names)
	}
}

// A chapter that is not well-formed XML, or a book without chapters, is refused.
func TestWriteRefuses(t *testing.T) {
	b := book()
	b.Chapters[1].Body = "<p>Åpen<br></p>"
	if err := Write(io.Discard, b); err == nil || !strings.Contains(err.Error(), "chapter 2") {
		t.Fatalf("broken chapter: %v", err)
	}
	b.Chapters = nil
	if err := Write(io.Discard, b); !errors.Is(err, ErrEmpty) {
		t.Fatalf("no chapters: %v", err)
	}
}

// epubcheck (Debian's package, the reference validator) finds nothing wrong with the book.
func TestEPUBCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "handbok.epub")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(f, book()); err != nil {
		t.Fatal(err)
	}
	f.Close()
	epubcheck.Check(t, path)
}
