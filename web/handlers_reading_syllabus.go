package web

import (
	"net/http"
	"strconv"

	"laeringsliv"
)

// SyllabusPage lists a programme's syllabus with its total pages; teachers add and edit texts.
type SyllabusPage struct {
	Page
	Programme     *laeringsliv.Programme
	Texts         []*laeringsliv.SyllabusText
	TotalPages    int
	CanEdit       bool
	Form          *laeringsliv.SyllabusText // the text being added or edited
	Action        string
	TextLanguages []laeringsliv.Language
}

func (s *Server) syllabusPage(w http.ResponseWriter, r *http.Request) {
	prog := state(r).programme
	s.showSyllabus(w, r, http.StatusOK, &laeringsliv.SyllabusText{ProgrammeID: prog.ID, Language: laeringsliv.LanguageNorwegian}, nil)
}

func (s *Server) showSyllabus(w http.ResponseWriter, r *http.Request, status int, form *laeringsliv.SyllabusText, errs []FieldErr) {
	st := state(r)
	prog := st.programme
	texts, err := s.svc.Reading.FindSyllabusTexts(r.Context(), prog.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := SyllabusPage{Page: s.base(w, r, st.tr.T("reading.syllabus.title")), Programme: prog, Texts: texts,
		TotalPages: laeringsliv.TotalPages(texts), Form: form, TextLanguages: laeringsliv.Languages,
		CanEdit: st.actor.Can(laeringsliv.ActionEditSyllabus, laeringsliv.ProgrammeResource(prog))}
	p.Action = "/programmes/" + strconv.FormatInt(prog.ID, 10) + "/syllabus"
	if form.ID != 0 {
		p.Action += "/" + strconv.FormatInt(form.ID, 10)
	}
	p.Errors = errs
	s.render(w, r, status, "reading_syllabus", p)
}

// syllabusText loads the text named in the path, which must belong to the path's programme.
func (s *Server) syllabusText(r *http.Request) (*laeringsliv.SyllabusText, error) {
	id, err := pathID(r.PathValue("text"))
	if err != nil {
		return nil, err
	}
	t, err := s.svc.Reading.FindSyllabusText(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if t.ProgrammeID != state(r).programme.ID {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return t, nil
}

func (s *Server) editSyllabusTextPage(w http.ResponseWriter, r *http.Request) {
	t, err := s.syllabusText(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.showSyllabus(w, r, http.StatusOK, t, nil)
}

func (s *Server) createSyllabusText(w http.ResponseWriter, r *http.Request) {
	s.saveSyllabusText(w, r, &laeringsliv.SyllabusText{ProgrammeID: state(r).programme.ID})
}

func (s *Server) updateSyllabusText(w http.ResponseWriter, r *http.Request) {
	t, err := s.syllabusText(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.saveSyllabusText(w, r, t)
}

func (s *Server) saveSyllabusText(w http.ResponseWriter, r *http.Request, t *laeringsliv.SyllabusText) {
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if errs := parseSyllabusForm(v, t); len(errs) > 0 {
		s.showSyllabus(w, r, http.StatusUnprocessableEntity, t, errs)
		return
	}
	if t.ID == 0 {
		err = s.svc.Reading.CreateSyllabusText(r.Context(), t)
	} else {
		err = s.svc.Reading.UpdateSyllabusText(r.Context(), t)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, "/programmes/"+strconv.FormatInt(t.ProgrammeID, 10)+"/syllabus", http.StatusSeeOther)
}
