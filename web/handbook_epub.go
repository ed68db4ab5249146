package web

import (
	"bytes"
	"cmp"
	"errors"
	"html"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"laeringsliv"
	"laeringsliv/epub"
	"laeringsliv/filestore"
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
	h, chs, err := s.publishedChapters(r, true)
	if err == nil && len(chs) == 0 {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	web := s.absoluteURL(r, "/handbooks/"+itoa(h.ID))
	book := epub.Book{ID: web, Title: h.Title, Language: st.lang, Style: epubStyle, Modified: s.cfg.Now()}
	if inst, err := s.svc.Org.FindInstitution(r.Context(), h.InstitutionID); err == nil {
		book.Author = inst.Name
	}
	var srcs *strings.Replacer
	if book.Resources, srcs, err = s.epubImages(r, h); err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, c := range chs {
		body := chapterXHTML(st, c.Segments, web+"#chapter-"+itoa(c.Chapter.ID))
		book.Chapters = append(book.Chapters, epub.Chapter{Title: c.Title, Language: c.Lang, Body: srcs.Replace(body)})
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

// epubImages packages the handbook's images into the e-book, under images/ID.ext (readers
// and epubcheck go by the extension), and returns the replacer that points the chapters'
// src="images/ID" there.
func (s *Server) epubImages(r *http.Request, h *laeringsliv.Handbook) ([]epub.Resource, *strings.Replacer, error) {
	if s.svc.Files == nil {
		return nil, strings.NewReplacer(), nil
	}
	imgs, err := s.svc.Handbook.FindHandbookImages(r.Context(), h.ID)
	if err != nil {
		return nil, nil, err
	}
	var out []epub.Resource
	var pairs []string
	for _, img := range imgs {
		f, err := s.svc.Files.Open(r.Context(), img.FileKey)
		if errors.Is(err, filestore.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, nil, err
		}
		data, err := io.ReadAll(io.LimitReader(f, laeringsliv.MaxHandbookImageBytes+1))
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		href := "images/" + itoa(img.ID) + photoExt(img.ContentType)
		out = append(out, epub.Resource{Href: href, MediaType: img.ContentType, Data: data})
		pairs = append(pairs, `src="images/`+itoa(img.ID)+`"`, `src="`+href+`"`)
	}
	return out, strings.NewReplacer(pairs...), nil
}

// chapterXHTML writes a chapter's rendered segments as XHTML: a frozen embed as its snapshot,
// a live one as a link to the chapter on the web, where it is kept current.
func chapterXHTML(st *reqState, segs []handbookSegment, webChapter string) string {
	var out strings.Builder
	for _, seg := range segs {
		switch {
		case seg.Embed == nil:
			out.WriteString(string(seg.HTML))
		case seg.View != nil && seg.View.Frozen && !seg.View.Taken.IsZero():
			embedXHTML(&out, st, seg.View)
		default:
			out.WriteString(`<p class="embed"><a href="` + html.EscapeString(webChapter) + `">` +
				html.EscapeString(st.tr.T("handbook.epub.embed")) + "</a></p>\n")
		}
	}
	return out.String()
}

// embedXHTML writes a frozen embed's snapshot: its title, status, text and lines (a chart's
// numbers as a list, which every e-reader shows).
func embedXHTML(out *strings.Builder, st *reqState, v *EmbedView) {
	p := func(s string) { out.WriteString("<p>" + html.EscapeString(s) + "</p>\n") }
	out.WriteString(`<div class="embed">` + "\n")
	p(st.tr.T("handbook.embed."+string(v.Kind)) + " · " + st.tr.T("handbook.embed.frozen_on", formatDate(v.Taken, st.lang)))
	for _, t := range []string{v.Title, cmp.Or(v.Key, "")} {
		if t == v.Key && t != "" {
			t = st.tr.T(t)
		}
		if t != "" {
			out.WriteString("<p><strong>" + html.EscapeString(t) + "</strong></p>\n")
		}
	}
	if v.Status != "" {
		p(st.tr.T("handbook.embed.status") + ": " + st.tr.T("innovation.status."+string(v.Status)))
	}
	if v.Text != "" {
		p(v.Text)
	}
	if len(v.Lines) > 0 {
		out.WriteString("<ul>\n")
		for _, l := range v.Lines {
			text := l.label(st)
			if l.Value != 0 {
				text += ": " + strconv.Itoa(l.Value)
			}
			out.WriteString("<li>" + html.EscapeString(text) + "</li>\n")
		}
		out.WriteString("</ul>\n")
	}
	out.WriteString("</div>\n")
}
