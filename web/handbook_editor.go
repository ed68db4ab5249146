package web

import (
	"net/http"
	"strconv"
	"strings"

	"laeringsliv"
)

// ChapterEditPage edits one chapter: its Markdown, the version it was loaded at (so that a late
// save is merged, not lost), and the list of saved versions to compare.
type ChapterEditPage struct {
	Page
	Programme *laeringsliv.Programme
	Chapter   *laeringsliv.HandbookChapter
	Base      int
	Merged    bool
	Versions  []*laeringsliv.HandbookVersion
	Preview   []handbookSegment
	Marks     []*laeringsliv.HandbookMark // readers' marks, grouped by passage and kind
}

// ChapterDiffPage compares a version of a chapter with the one before it.
type ChapterDiffPage struct {
	Page
	Programme *laeringsliv.Programme
	Chapter   *laeringsliv.HandbookChapter
	Version   int
	Lines     []laeringsliv.DiffLine
}

// programmeChapter loads the chapter named in the path, which must be in the path's programme.
func (s *Server) programmeChapter(r *http.Request) (*laeringsliv.HandbookChapter, error) {
	id, err := pathID(r.PathValue("chapter"))
	if err != nil {
		return nil, err
	}
	c, err := s.svc.Handbook.FindChapter(r.Context(), id)
	if err != nil {
		return nil, err
	}
	h, err := s.svc.Handbook.FindProgrammeHandbook(r.Context(), state(r).programme.ID)
	if err != nil || h.ID != c.HandbookID {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return c, nil
}

func (s *Server) chapterEditPage(w http.ResponseWriter, r *http.Request) {
	c, err := s.programmeChapter(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.showChapterEditor(w, r, http.StatusOK, c, c.Version, false, nil)
}

func (s *Server) showChapterEditor(w http.ResponseWriter, r *http.Request, status int, c *laeringsliv.HandbookChapter, base int, merged bool, errs []FieldErr) {
	st := state(r)
	vs, err := s.svc.Handbook.FindChapterVersions(r.Context(), c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	marks, err := s.svc.Handbook.FindMarks(r.Context(), c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := ChapterEditPage{Page: s.base(w, r, st.tr.T("handbook.edit_chapter")), Programme: st.programme,
		Chapter: c, Base: base, Merged: merged, Versions: vs, Marks: marks}
	p.Preview, _ = chapterSegments(c.Body) // an invalid embed is shown as a field error instead
	p.Errors = errs
	s.render(w, r, status, "handbook_chapter", p)
}

func (s *Server) saveChapter(w http.ResponseWriter, r *http.Request) {
	c, err := s.programmeChapter(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	base, err := strconv.Atoi(v.Get("base"))
	if err != nil {
		base = -1 // refused by the store as an unknown version
	}
	c.Title = strings.TrimSpace(v.Get("title"))
	c.Body = strings.ReplaceAll(v.Get("body"), "\r\n", "\n")
	merged, err := s.svc.Handbook.SaveChapter(r.Context(), c, base, state(r).actor.Person.ID)
	if errs, err := userErrors(err); err != nil {
		s.serverError(w, r, err)
		return
	} else if len(errs) > 0 {
		s.showChapterEditor(w, r, http.StatusUnprocessableEntity, c, base, false, errs)
		return
	}
	s.showChapterEditor(w, r, http.StatusOK, c, c.Version, merged, nil)
}

func (s *Server) chapterDiffPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	c, err := s.programmeChapter(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	n, err := strconv.Atoi(r.PathValue("version"))
	if err != nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	vs, err := s.svc.Handbook.FindChapterVersions(r.Context(), c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	before, after, ok := versionPair(vs, n)
	if !ok {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	p := ChapterDiffPage{Page: s.base(w, r, st.tr.T("handbook.compare")), Programme: st.programme,
		Chapter: c, Version: n, Lines: laeringsliv.LineDiff(before, after)}
	s.render(w, r, http.StatusOK, "handbook_diff", p)
}

// versionPair returns the bodies of version n and the one before it (empty before the first).
func versionPair(vs []*laeringsliv.HandbookVersion, n int) (before, after string, ok bool) {
	for _, v := range vs {
		switch v.Version {
		case n:
			after, ok = v.Body, true
		case n - 1:
			before = v.Body
		}
	}
	return before, after, ok
}
