package web

import (
	"net/http"
	"strconv"
	"strings"

	"laeringsliv"
)

// HandbookPage shows a programme's handbook with its chapters rendered; authors add chapters.
type HandbookPage struct {
	Page
	Programme *laeringsliv.Programme
	Handbook  *laeringsliv.Handbook // nil until an author starts it
	Chapters  []HandbookChapterView
	CanEdit   bool
	Summary   map[int64]laeringsliv.MarkSummary // feedback per chapter, for authors
	Authors   *HandbookAuthorsView              // for those who may name authors
	ShareFrom int64                             // a workplace the reader may share chapters from; 0 if none
}

func (s *Server) handbookPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	res, err := s.handbookResource(r.Context(), st.programme)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := HandbookPage{Page: s.base(w, r, st.tr.T("handbook.title")), Programme: st.programme,
		CanEdit: st.actor.Can(laeringsliv.ActionEditHandbook, res)}
	if s.svc.Shares != nil {
		p.ShareFrom = shareFromWorkplace(st.actor, st.programme)
	}
	h, err := s.svc.Handbook.FindProgrammeHandbook(r.Context(), st.programme.ID)
	if err != nil && laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
		s.serverError(w, r, err)
		return
	}
	if h != nil {
		p.Handbook = h
		if p.Authors, err = s.handbookAuthors(r, h); err != nil {
			s.serverError(w, r, err)
			return
		}
		if p.Chapters, err = s.chapterViews(r, h, h.Language, handbookPath(st.programme.ID)+"/images/"); err != nil {
			s.serverError(w, r, err)
			return
		}
		if p.CanEdit {
			if p.Summary, err = s.markSummary(r, h.ID); err != nil {
				s.serverError(w, r, err)
				return
			}
		}
	}
	s.render(w, r, http.StatusOK, "handbook", p)
}

func (s *Server) createHandbook(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	h := &laeringsliv.Handbook{ProgrammeID: st.programme.ID, Title: strings.TrimSpace(v.Get("title"))}
	if err := s.svc.Handbook.CreateHandbook(r.Context(), h); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, handbookPath(st.programme.ID), http.StatusSeeOther)
}

func (s *Server) createChapter(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	h, err := s.svc.Handbook.FindProgrammeHandbook(r.Context(), st.programme.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	c := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: strings.TrimSpace(v.Get("title"))}
	if err := s.svc.Handbook.CreateChapter(r.Context(), c, st.actor.Person.ID); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, handbookPath(st.programme.ID)+"/chapters/"+itoa(c.ID), http.StatusSeeOther)
}

func handbookPath(programmeID int64) string {
	return "/programmes/" + strconv.FormatInt(programmeID, 10) + "/handbook"
}

func (s *Server) markSummary(r *http.Request, handbookID int64) (map[int64]laeringsliv.MarkSummary, error) {
	list, err := s.svc.Handbook.MarkSummaries(r.Context(), handbookID)
	if err != nil {
		return nil, err
	}
	m := make(map[int64]laeringsliv.MarkSummary, len(list))
	for _, x := range list {
		m[x.ChapterID] = x
	}
	return m, nil
}
