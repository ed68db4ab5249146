package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"laeringsliv"
)

// CohortNewPage offers the sources of a new programme: earlier programmes the reader may
// copy, the built-in templates, and a template file.
type CohortNewPage struct {
	Page
	Programmes []*laeringsliv.Programme
	Builtins   []laeringsliv.BuiltinTemplate
	Form       cohortForm
	Problem    *templateProblem // why a template could not be used; nil when none
}

// templateProblem names what is wrong with a template and where in the file.
type templateProblem struct {
	Key   string
	Where string
}

func (s *Server) cohortNewPage(w http.ResponseWriter, r *http.Request) {
	f := cohortForm{Source: r.URL.Query().Get("source"), Parts: laeringsliv.AllCohortParts()}
	s.renderCohortNew(w, r, http.StatusOK, f, nil, nil)
}

func (s *Server) renderCohortNew(w http.ResponseWriter, r *http.Request, status int, f cohortForm, errs []FieldErr, problem *templateProblem) {
	st := state(r)
	progs, err := s.svc.Org.FindProgrammes(r.Context(), s.cfg.InstitutionID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	builtins, err := laeringsliv.BuiltinTemplates()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := CohortNewPage{Page: s.base(w, r, st.tr.T("cohort.new.title")), Builtins: builtins, Form: f, Problem: problem}
	p.Errors = errs
	for _, prog := range progs {
		if st.actor.Can(laeringsliv.ActionCopyProgramme, laeringsliv.ProgrammeResource(prog)) {
			p.Programmes = append(p.Programmes, prog)
		}
	}
	s.render(w, r, status, "cohort_new", p)
}

// cohortTemplate loads the template a form names: an earlier programme (which the reader must
// be allowed to copy), a built-in template or the uploaded document.
func (s *Server) cohortTemplate(r *http.Request, f cohortForm) (*laeringsliv.ProgrammeTemplate, error) {
	kind, arg, _ := strings.Cut(f.Source, ":")
	switch kind {
	case "programme":
		id, err := strconv.ParseInt(arg, 10, 64)
		if err != nil {
			return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
		}
		p, err := s.svc.Org.FindProgramme(r.Context(), id)
		if err != nil {
			return nil, err
		}
		if !state(r).actor.Can(laeringsliv.ActionCopyProgramme, laeringsliv.ProgrammeResource(p)) {
			return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
		}
		return laeringsliv.ExportTemplate(r.Context(), s.svc.Cohorts, p, f.Parts.HandbookText)
	case "builtin":
		return laeringsliv.FindBuiltinTemplate(arg)
	}
	return laeringsliv.ParseTemplate([]byte(f.Document))
}

// cohortOf makes the cohort a form asks for, started by the reader.
func (s *Server) cohortOf(r *http.Request, f *cohortForm) (*laeringsliv.ProgrammeTemplate, *laeringsliv.Cohort, error) {
	t, err := s.cohortTemplate(r, *f)
	if err != nil {
		return nil, nil, err
	}
	if f.Shift, err = f.shiftFor(t); err != nil {
		return nil, nil, err
	}
	f.Start = "" // resolved into Shift, which the confirmation carries
	actor := state(r).actor
	c, err := t.Cohort(s.cfg.InstitutionID, laeringsliv.CohortOptions{Name: f.Name, ShiftDays: f.Shift,
		Parts: f.Parts, TeacherID: actor.Person.ID, MakeTeacher: !actor.IsAdmin()})
	return t, c, err
}

// cohortFailed shows the choice again with what went wrong, or an error page for what a form
// cannot fix.
func (s *Server) cohortFailed(w http.ResponseWriter, r *http.Request, f cohortForm, err error) {
	if code := laeringsliv.ErrorCode(err); code != laeringsliv.EINVALID {
		s.renderError(w, r, err)
		return
	}
	f.Document = ""
	var e *laeringsliv.Error
	problem := &templateProblem{Key: laeringsliv.ErrorKey(err)}
	if errors.As(err, &e) {
		problem.Where = e.Field
	}
	s.renderCohortNew(w, r, http.StatusUnprocessableEntity, f, nil, problem)
}

func (s *Server) cohortPreview(w http.ResponseWriter, r *http.Request) {
	f, errs := parseCohortForm(r.URL.Query())
	if len(errs) > 0 || f.Source == "file" {
		if f.Source == "file" {
			errs = append(errs, FieldErr{Field: "source", Key: "cohort.error.source_required"})
		}
		s.renderCohortNew(w, r, http.StatusUnprocessableEntity, f, errs, nil)
		return
	}
	s.previewCohort(w, r, f)
}

func (s *Server) previewCohort(w http.ResponseWriter, r *http.Request, f cohortForm) {
	t, c, err := s.cohortOf(r, &f)
	if err != nil {
		s.cohortFailed(w, r, f, err)
		return
	}
	s.render(w, r, http.StatusOK, "cohort_preview", s.cohortPreviewPage(w, r, f, t, c))
}

func (s *Server) createCohort(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxCohortFormBytes)
	if err := r.ParseForm(); err != nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EINVALID, "error.form_too_large"))
		return
	}
	f, errs := parseCohortForm(r.PostForm)
	if len(errs) > 0 {
		s.renderCohortNew(w, r, http.StatusUnprocessableEntity, f, errs, nil)
		return
	}
	f.Document = r.PostForm.Get("document")
	_, c, err := s.cohortOf(r, &f)
	if err == nil {
		err = s.svc.Cohorts.CreateCohort(r.Context(), c)
	}
	if err != nil {
		s.cohortFailed(w, r, f, err)
		return
	}
	setFlash(w, "flash.cohort_created")
	http.Redirect(w, r, "/programmes/"+itoa(c.Programme.ID), http.StatusSeeOther)
}

// maxCohortFormBytes bounds the confirmation, which carries an uploaded template URL-encoded.
const maxCohortFormBytes = 3*laeringsliv.MaxTemplateBytes + maxFormBytes
