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
	EditLang  string                      // the language being edited
	Original  string                      // the handbook's own language
	EditLangs []string                    // the languages a chapter may be written in
	EditTitle string                      // in EditLang
	EditBody  string                      // in EditLang
	ImageAlt  string                      // as typed, shown again when the image was refused
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
	e, err := s.chapterEdit(r, c, r.URL.Query().Get("lang"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.showChapterEditor(w, r, http.StatusOK, e, nil)
}

// chapterEdit is the editor's state: the chapter in the language edited, at the version the
// author loaded.
type chapterEdit struct {
	Chapter     *laeringsliv.HandbookChapter
	Handbook    *laeringsliv.Handbook
	Lang        string
	Title, Body string
	Base        int
	Merged      bool
	ImageAlt    string
}

// chapterEdit loads c in lang (the handbook's own language when empty or unknown).
func (s *Server) chapterEdit(r *http.Request, c *laeringsliv.HandbookChapter, lang string) (chapterEdit, error) {
	h, err := s.svc.Handbook.FindHandbook(r.Context(), c.HandbookID)
	if err != nil {
		return chapterEdit{}, err
	}
	e := chapterEdit{Chapter: c, Handbook: h, Lang: h.Language, Title: c.Title, Body: c.Body, Base: c.Version}
	if lang == h.Language || !laeringsliv.ValidHandbookLanguage(lang) {
		return e, nil
	}
	e.Lang, e.Base, e.Body = lang, 0, ""
	trs, err := s.svc.Handbook.FindChapterTranslations(r.Context(), c.ID)
	for _, t := range trs {
		if t.Language == lang {
			e.Title, e.Body, e.Base = t.Title, t.Body, t.Version
		}
	}
	return e, err
}

func (s *Server) showChapterEditor(w http.ResponseWriter, r *http.Request, status int, e chapterEdit, errs []FieldErr) {
	st := state(r)
	c := e.Chapter
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
		Chapter: c, Base: e.Base, Merged: e.Merged, Versions: vs, Marks: marks, EditLang: e.Lang,
		Original: e.Handbook.Language, EditLangs: laeringsliv.HandbookLanguages, EditTitle: e.Title, EditBody: e.Body, ImageAlt: e.ImageAlt}
	p.Preview, _ = chapterSegments(e.Body, handbookPath(st.programme.ID)+"/images/") // an invalid embed is shown as a field error instead
	s.resolveEmbeds(r, e.Handbook, p.Preview, nil)
	p.Errors = errs
	s.render(w, r, status, "handbook_chapter", p)
}

// saveChapter saves the chapter, or its version in another language, with an image added
// when one was sent. A refused image or save shows the form again with everything as typed.
func (s *Server) saveChapter(w http.ResponseWriter, r *http.Request) {
	c, err := s.programmeChapter(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f, err := s.readChapterForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v := f.Values
	e, err := s.chapterEdit(r, c, v.Get("lang"))
	if err != nil {
		s.discardFile(r, f.Image)
		s.renderError(w, r, err)
		return
	}
	if e.Base, err = strconv.Atoi(v.Get("base")); err != nil {
		e.Base = -1 // refused by the store as an unknown version
	}
	e.Title = strings.TrimSpace(v.Get("title"))
	e.Body = strings.ReplaceAll(v.Get("body"), "\r\n", "\n")
	e.ImageAlt = text(v, "alt", laeringsliv.MaxImageAlt+1)
	body, errs, err := s.attachImage(r, e.Handbook, f, e.Body)
	if err != nil {
		s.serverError(w, r, err)
		return
	} else if len(errs) > 0 {
		s.showChapterEditor(w, r, http.StatusUnprocessableEntity, e, errs)
		return
	}
	e.Body = body
	err = s.storeChapterEdit(r, &e)
	if errs, err := userErrors(err); err != nil {
		s.serverError(w, r, err)
		return
	} else if len(errs) > 0 {
		s.showChapterEditor(w, r, http.StatusUnprocessableEntity, e, errs)
		return
	}
	e.ImageAlt = ""
	s.showChapterEditor(w, r, http.StatusOK, e, nil)
}

// storeChapterEdit saves e: the chapter itself in the handbook's language, merged over saves it
// missed, or its version in another language. e is updated to what was saved.
func (s *Server) storeChapterEdit(r *http.Request, e *chapterEdit) error {
	if e.Lang != e.Handbook.Language {
		t := &laeringsliv.HandbookTranslation{ChapterID: e.Chapter.ID, Language: e.Lang, Title: e.Title, Body: e.Body}
		if err := s.svc.Handbook.SaveTranslation(r.Context(), t, e.Base); err != nil {
			return err
		}
		e.Base = t.Version
		return nil
	}
	c := *e.Chapter
	c.Title, c.Body = e.Title, e.Body
	merged, err := s.svc.Handbook.SaveChapter(r.Context(), &c, e.Base, state(r).actor.Person.ID)
	if err != nil {
		return err
	}
	e.Chapter, e.Title, e.Body, e.Base, e.Merged = &c, c.Title, c.Body, c.Version, merged
	return nil
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
