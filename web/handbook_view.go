package web

import (
	"net/http"

	"github.com/yuin/goldmark"

	"laeringsliv"
)

// HandbookChapterView is a chapter with its Markdown rendered, in the language shown: the
// reader's where the chapter is written in it, else the handbook's own.
type HandbookChapterView struct {
	Chapter  *laeringsliv.HandbookChapter
	Title    string
	Lang     string // of Title and Segments, for the lang attribute
	Segments []handbookSegment
}

// chapterViews renders a handbook's chapters in lang where written in it; images is where
// its images are served from.
// A published handbook's frozen embeds show their snapshots.
func (s *Server) chapterViews(r *http.Request, h *laeringsliv.Handbook, lang, images string) ([]HandbookChapterView, error) {
	return s.chapterViewsWith(r, h, lang, images, markdown)
}

// chapterViewsWith is chapterViews with the Markdown engine given.
func (s *Server) chapterViewsWith(r *http.Request, h *laeringsliv.Handbook, lang, images string, engine goldmark.Markdown) ([]HandbookChapterView, error) {
	chs, err := s.svc.Handbook.FindChapters(r.Context(), h.ID)
	if err != nil {
		return nil, err
	}
	var tr map[int64]*laeringsliv.HandbookTranslation
	if lang != h.Language {
		if tr, err = s.svc.Handbook.FindTranslations(r.Context(), h.ID, lang); err != nil {
			return nil, err
		}
	}
	var snaps map[string]laeringsliv.HandbookSnapshot
	if h.Published {
		if snaps, err = s.svc.Handbook.FindSnapshots(r.Context(), h.ID); err != nil {
			return nil, err
		}
	}
	views := make([]HandbookChapterView, 0, len(chs))
	for _, c := range chs {
		v := HandbookChapterView{Chapter: c, Title: c.Title, Lang: h.Language}
		body := c.Body
		if t, ok := tr[c.ID]; ok {
			v.Title, v.Lang, body = t.Title, t.Language, t.Body
		}
		if v.Segments, err = segmentsWith(engine, body, images); err != nil {
			return nil, err
		}
		s.resolveEmbeds(r, h, v.Segments, snaps)
		views = append(views, v)
	}
	return views, nil
}

// publishedChapters loads the published handbook named in the path with its chapters in the
// reader's language; an unpublished handbook is not found.
// For the e-book (xhtml), the chapters are well-formed XML and their images are in the book.
func (s *Server) publishedChapters(r *http.Request, xhtml bool) (*laeringsliv.Handbook, []HandbookChapterView, error) {
	id, err := pathID(r.PathValue("handbook"))
	if err != nil {
		return nil, nil, err
	}
	h, err := s.svc.Handbook.FindHandbook(r.Context(), id)
	if err == nil && !h.Published {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	if err != nil {
		return nil, nil, err
	}
	engine, images := markdown, "/handbooks/"+itoa(h.ID)+"/images/"
	if xhtml {
		engine, images = markdownXHTML, "images/"
	}
	chs, err := s.chapterViewsWith(r, h, state(r).lang, images, engine)
	return h, chs, err
}
