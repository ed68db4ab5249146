// Package epub writes an EPUB 3 book: the format e-readers read, a zip holding XHTML chapters,
// a navigation document and a package document. It knows nothing of handbooks; the web
// package gives it a title, a language and chapters of well-formed XHTML.
package epub

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Book is what goes into the file.
type Book struct {
	ID        string // a stable identifier, such as the handbook's public URL
	Title     string
	Language  string // BCP 47: nb, nn, en
	Author    string // the publisher or institution
	Modified  time.Time
	Chapters  []Chapter
	Style     string // CSS for every chapter
	Resources []Resource
}

// Chapter is one XHTML document. Body is the content of <body>, well-formed XML.
type Chapter struct {
	Title    string
	Body     string
	Language string // when the chapter is in another language than the book
}

// Resource is a file the chapters refer to, such as an image, at Href relative to them.
type Resource struct {
	Href      string // letters, digits, "-", "_", "." and "/" only, as images/1.png
	MediaType string
	Data      []byte
}

// ErrHref is returned for a resource whose Href is not a plain relative path.
var ErrHref = errors.New("epub: a resource's href must be a plain relative path")

func validHref(h string) bool {
	if h == "" || h[0] == '/' || h[0] == '.' || strings.Contains(h, "..") {
		return false
	}
	for _, r := range h {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./", r)) {
			return false
		}
	}
	return true
}

// ErrEmpty is returned for a book without chapters: EPUB needs at least one document.
var ErrEmpty = errors.New("epub: a book needs at least one chapter")

// Write writes b as an EPUB 3 file. It checks that every chapter is well-formed XML first, so
// that a broken chapter is an error here rather than a book an e-reader refuses.
func Write(w io.Writer, b Book) error {
	if len(b.Chapters) == 0 {
		return ErrEmpty
	}
	for i, c := range b.Chapters {
		if err := wellFormed(c.Body); err != nil {
			return fmt.Errorf("epub: chapter %d: %w", i+1, err)
		}
	}
	for _, r := range b.Resources {
		if !validHref(r.Href) {
			return ErrHref
		}
	}
	z := zip.NewWriter(w)
	// The mimetype comes first and uncompressed, so that a reader can tell the file by its
	// first bytes.
	mt, err := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(mt, "application/epub+zip"); err != nil {
		return err
	}
	files := []struct{ name, body string }{
		{"META-INF/container.xml", container},
		{"OEBPS/content.opf", b.packageDoc()},
		{"OEBPS/nav.xhtml", b.nav()},
		{"OEBPS/style.css", b.Style},
	}
	for i, c := range b.Chapters {
		files = append(files, struct{ name, body string }{chapterFile(i), b.chapterDoc(c)})
	}
	for _, f := range files {
		if err := b.add(z, f.name, []byte(f.body), zip.Deflate); err != nil {
			return err
		}
	}
	for _, r := range b.Resources {
		if err := b.add(z, "OEBPS/"+r.Href, r.Data, zip.Store); err != nil { // images are compressed already
			return err
		}
	}
	return z.Close()
}

func (b Book) add(z *zip.Writer, name string, data []byte, method uint16) error {
	fw, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: b.Modified})
	if err != nil {
		return err
	}
	_, err = fw.Write(data)
	return err
}

const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`

func chapterFile(i int) string { return "OEBPS/" + chapterHref(i) }

func chapterHref(i int) string { return "chapter-" + strconv.Itoa(i+1) + ".xhtml" }

func (b Book) packageDoc() string {
	var s bytes.Buffer
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="` + esc(b.Language) + `">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">` + esc(b.ID) + `</dc:identifier>
    <dc:title>` + esc(b.Title) + `</dc:title>
    <dc:language>` + esc(b.Language) + `</dc:language>
`)
	if b.Author != "" {
		s.WriteString(`    <dc:creator>` + esc(b.Author) + "</dc:creator>\n")
	}
	s.WriteString(`    <meta property="dcterms:modified">` + b.Modified.UTC().Format("2006-01-02T15:04:05Z") + `</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="style" href="style.css" media-type="text/css"/>
`)
	for i := range b.Chapters {
		s.WriteString(`    <item id="c` + strconv.Itoa(i+1) + `" href="` + chapterHref(i) + `" media-type="application/xhtml+xml"/>` + "\n")
	}
	for i, r := range b.Resources {
		s.WriteString(`    <item id="r` + strconv.Itoa(i+1) + `" href="` + esc(r.Href) + `" media-type="` + esc(r.MediaType) + `"/>` + "\n")
	}
	s.WriteString("  </manifest>\n  <spine>\n")
	for i := range b.Chapters {
		s.WriteString(`    <itemref idref="c` + strconv.Itoa(i+1) + `"/>` + "\n")
	}
	s.WriteString("  </spine>\n</package>\n")
	return s.String()
}

func (b Book) nav() string {
	var s bytes.Buffer
	s.WriteString(b.head(b.Title, b.Language))
	s.WriteString(`<nav epub:type="toc" id="toc"><h1>` + esc(b.Title) + "</h1>\n<ol>\n")
	for i, c := range b.Chapters {
		s.WriteString(`<li><a href="` + chapterHref(i) + `">` + esc(c.Title) + "</a></li>\n")
	}
	s.WriteString("</ol>\n</nav>\n</body>\n</html>\n")
	return s.String()
}

func (b Book) chapterDoc(c Chapter) string {
	return b.head(c.Title, cmp.Or(c.Language, b.Language)) + "<section epub:type=\"chapter\">\n<h1>" + esc(c.Title) + "</h1>\n" + c.Body + "\n</section>\n</body>\n</html>\n"
}

func (b Book) head(title, lang string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="` + esc(lang) + `" lang="` + esc(lang) + `">
<head><meta charset="UTF-8"/><title>` + esc(title) + `</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
`
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// wellFormed reports whether body parses as XML content.
func wellFormed(body string) error {
	d := xml.NewDecoder(bytes.NewBufferString("<body>" + body + "</body>"))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
