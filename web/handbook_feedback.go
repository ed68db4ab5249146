package web

import (
	"net/http"
	"strings"

	"laeringsliv"
)

// HandbookDraftPage shows a draft open for feedback, with a form under each chapter.
type HandbookDraftPage struct {
	Page
	Programme *laeringsliv.Programme
	Handbook  *laeringsliv.Handbook
	Chapters  []HandbookChapterView
	Kinds     []laeringsliv.MarkKind
	Sent      bool
}

func (s *Server) handbookDraftPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	h, err := s.svc.Handbook.FindProgrammeHandbook(r.Context(), st.programme.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if !h.FeedbackOpen {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ECONFLICT, "error.handbook_feedback_closed"))
		return
	}
	chs, err := s.chapterViews(r, h, h.Language, handbookPath(st.programme.ID)+"/images/")
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "handbook_draft", HandbookDraftPage{Page: s.base(w, r, st.tr.T("handbook.draft")),
		Programme: st.programme, Handbook: h, Chapters: chs, Kinds: laeringsliv.MarkKinds, Sent: r.URL.Query().Has("sent")})
}

func (s *Server) setHandbookFeedback(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	h, err := s.svc.Handbook.FindProgrammeHandbook(r.Context(), st.programme.ID)
	if err == nil {
		err = s.svc.Handbook.SetHandbookFeedback(r.Context(), h.ID, v.Get("open") == "1")
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, handbookPath(st.programme.ID), http.StatusSeeOther)
}

// addMark stores a reader's mark. With "anonymous" set no person is passed to the store.
func (s *Server) addMark(w http.ResponseWriter, r *http.Request) {
	st := state(r)
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
	m := &laeringsliv.HandbookMark{ChapterID: c.ID, Kind: laeringsliv.MarkKind(v.Get("kind")),
		Passage: strings.TrimSpace(v.Get("passage")), Comment: strings.TrimSpace(v.Get("comment"))}
	if v.Get("anonymous") != "1" {
		m.PersonID = st.actor.Person.ID
	}
	if err := s.svc.Handbook.AddMark(r.Context(), m); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, handbookPath(st.programme.ID)+"/draft?sent#chapter-"+itoa(c.ID), http.StatusSeeOther)
}

func (s *Server) resolveMark(w http.ResponseWriter, r *http.Request) {
	c, err := s.programmeChapter(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if err := s.svc.Handbook.ResolveMark(r.Context(), c.ID, r.PathValue("mark")); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, handbookPath(state(r).programme.ID)+"/chapters/"+itoa(c.ID)+"#marks", http.StatusSeeOther)
}
