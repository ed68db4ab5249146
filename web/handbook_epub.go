package web

import (
	"bytes"
	"html"
	"net/http"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"laeringsliv"
	"laeringsliv/epub"
)

// markdownXHTML renders Markdown as XHTML (void elements closed), for the e-book, whose
// chapters must be well-formed XML; the same sanitiser as the web version follows.
var markdownXHTML = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithRendererOptions(gmhtml.WithXHTML()))

// epubStyle is the e-book's own small stylesheet: the reader's device chooses the fonts.
const epubStyle = `body { line-height: 1.5; }
h1 { font-size: 1.6em; margin: 0 0 1em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; }
img { max-width: 100%; height: auto; }
.embed { border-left: 3px solid #0b5a8c; padding-left: 0.6em; }
`

// handbookEPUB sends a published handbook as an EPUB 3 e-book, for e-readers and phones
// offline. A live embed (an innovation, an IPE question, a chart) becomes a line that points
// to the web version, where it is kept current.
func (s *Server) handbookEPUB(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	id, err := pathID(r.PathValue("handbook"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	h, err := s.svc.Handbook.FindHandbook(r.Context(), id)
	if err == nil && !h.Published {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	chs, err := s.svc.Handbook.FindChapters(r.Context(), h.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(chs) == 0 {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	web := s.absoluteURL(r, "/handbooks/"+itoa(h.ID))
	book := epub.Book{ID: web, Title: h.Title, Language: "nb", Style: epubStyle, Modified: s.cfg.Now()}
	if inst, err := s.svc.Org.FindInstitution(r.Context(), h.InstitutionID); err == nil {
		book.Author = inst.Name
	}
	for _, c := range chs {
		body, err := s.chapterXHTML(st, c.Body, web+"#chapter-"+itoa(c.ID))
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		book.Chapters = append(book.Chapters, epub.Chapter{Title: c.Title, Body: body})
	}
	var buf bytes.Buffer
	if err := epub.Write(&buf, book); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/epub+zip")
	w.Header().Set("Content-Disposition", `attachment; filename="handbok-`+itoa(h.ID)+`.epub"`)
	_, _ = w.Write(buf.Bytes())
}

// chapterXHTML renders a chapter's Markdown as sanitised XHTML, its embeds as links to the
// chapter on the web.
func (s *Server) chapterXHTML(st *reqState, body, webChapter string) (string, error) {
	segs, err := segmentsWith(markdownXHTML, body, "images/")
	if err != nil {
		return "", err
	}
	var out strings.Builder
	for _, seg := range segs {
		if seg.Embed == nil {
			out.WriteString(string(seg.HTML))
			continue
		}
		out.WriteString(`<p class="embed"><a href="` + html.EscapeString(webChapter) + `">` +
			html.EscapeString(st.tr.T("handbook.epub.embed")) + "</a></p>\n")
	}
	return out.String(), nil
}
