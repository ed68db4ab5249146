package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
)

// RequirementsPage lists a programme's work requirements and lets teachers define one.
type RequirementsPage struct {
	Page
	RequirementForm
	Programme    *laeringsliv.Programme
	Requirements []*laeringsliv.WorkRequirement
}

// RequirementForm is what the form's fields need, on the list and on the edit page.
type RequirementForm struct {
	Form       url.Values
	FileKinds  []laeringsliv.FileKind
	Gatherings []laeringsliv.GatheringKind
}

// Checked reports whether the form has kind k ticked.
func (f RequirementForm) Checked(k laeringsliv.FileKind) bool {
	for _, v := range f.Form["file_kinds"] {
		if v == string(k) {
			return true
		}
	}
	return false
}

func newRequirementForm(v url.Values) RequirementForm {
	return RequirementForm{Form: v, FileKinds: laeringsliv.AllFileKinds(), Gatherings: laeringsliv.GatheringKinds()}
}

func (s *Server) requirementsPage(w http.ResponseWriter, r *http.Request) {
	s.showRequirements(w, r, http.StatusOK, url.Values{"assessors": {"2"}, "max_mb": {"100"}}, nil)
}

func (s *Server) showRequirements(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []FieldErr) {
	st := state(r)
	reqs, err := s.svc.Study.FindRequirements(r.Context(), st.programme.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := RequirementsPage{Page: s.base(w, r, st.tr.T("requirement.title")), Programme: st.programme,
		Requirements: reqs, RequirementForm: newRequirementForm(form)}
	p.Errors = errs
	s.render(w, r, status, "study_requirements", p)
}

func (s *Server) createRequirement(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	req, errs := parseRequirementForm(v)
	req.ProgrammeID = st.programme.ID
	if len(errs) == 0 {
		errs = appendValidation(nil, req.Validate())
	}
	if len(errs) == 0 {
		if errs, err = userErrors(s.svc.Study.CreateRequirement(r.Context(), req)); err != nil {
			s.renderError(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		s.showRequirements(w, r, http.StatusUnprocessableEntity, v, errs)
		return
	}
	setFlash(w, "flash.requirement_created")
	http.Redirect(w, r, "/programmes/"+itoa(st.programme.ID)+"/requirements", http.StatusSeeOther)
}

// parseRequirementForm reads a requirement from the teachers' form. Due is either a date or a
// gathering; the size limit is in megabytes.
func parseRequirementForm(v url.Values) (*laeringsliv.WorkRequirement, []FieldErr) {
	req := &laeringsliv.WorkRequirement{Code: text(v, "code", 20), Title: text(v, "title", 200),
		Description: text(v, "description", 20000), Mode: text(v, "mode", 20)}
	var errs []FieldErr
	due := text(v, "due", 30)
	if k := laeringsliv.GatheringKind(strings.TrimPrefix(due, "gathering:")); strings.HasPrefix(due, "gathering:") {
		req.DueGathering = k
	} else if due != "" {
		t, err := laeringsliv.ParseDate(due)
		if err != nil {
			errs = append(errs, FieldErr{"due", laeringsliv.ErrorKey(err)})
		}
		req.DueAt = endOfDay(t)
	}
	for _, k := range v["file_kinds"] {
		req.FileKinds = append(req.FileKinds, laeringsliv.FileKind(k))
	}
	if mb, err := strconv.ParseInt(strings.TrimSpace(v.Get("max_mb")), 10, 64); err == nil && mb >= 0 && mb <= laeringsliv.MaxUploadBytes>>20 {
		req.MaxBytes = mb << 20
	} else {
		errs = append(errs, FieldErr{"max_mb", "requirement.error.size_invalid"})
	}
	req.Assessors, _ = strconv.Atoi(v.Get("assessors"))
	req.Position, _ = strconv.Atoi(v.Get("position"))
	return req, errs
}

// endOfDay is 23:59 in Norway on the date of t (midnight UTC, as ParseDate gives it), so
// that the deadline shows as the date typed in summer and in winter.
func endOfDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 23, 59, 0, 0, laeringsliv.Norway()).UTC()
}
