package web

import (
	"net/http"
	"net/url"
	"strconv"

	"laeringsliv"
)

// RequirementEditPage lets teachers change a work requirement. Submissions already made keep
// their requirement; a new size limit or file kind applies to uploads from then on.
type RequirementEditPage struct {
	Page
	RequirementForm
	Programme   *laeringsliv.Programme
	Requirement *laeringsliv.WorkRequirement
}

func (s *Server) editRequirementPage(w http.ResponseWriter, r *http.Request) {
	req, err := s.requirementIn(r, state(r).programme.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.showRequirementEdit(w, r, http.StatusOK, req, requirementValues(req), nil)
}

func (s *Server) showRequirementEdit(w http.ResponseWriter, r *http.Request, status int, req *laeringsliv.WorkRequirement, form url.Values, errs []FieldErr) {
	st := state(r)
	p := RequirementEditPage{Page: s.base(w, r, st.tr.T("requirement.edit_title")+": "+req.Code),
		RequirementForm: newRequirementForm(form), Programme: st.programme, Requirement: req}
	p.Errors = errs
	s.render(w, r, status, "study_requirement_edit", p)
}

func (s *Server) updateRequirement(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	old, err := s.requirementIn(r, state(r).programme.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	req, errs := parseRequirementForm(v)
	req.ID, req.InstitutionID, req.ProgrammeID, req.Position, req.CreatedAt = old.ID, old.InstitutionID, old.ProgrammeID, old.Position, old.CreatedAt
	if v.Get("due") == dueValue(old) {
		req.DueAt = old.DueAt // unchanged: keep the exact time, which the form shows as a date
	}
	if len(errs) == 0 {
		errs = appendValidation(nil, req.Validate())
	}
	if len(errs) == 0 {
		if errs, err = userErrors(s.svc.Study.UpdateRequirement(r.Context(), req)); err != nil {
			s.renderError(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		s.showRequirementEdit(w, r, http.StatusUnprocessableEntity, old, v, errs)
		return
	}
	setFlash(w, "flash.requirement_saved")
	http.Redirect(w, r, "/programmes/"+itoa(st.programme.ID)+"/requirements", http.StatusSeeOther)
}

// requirementValues fills the form with a requirement, so that parseRequirementForm reads it
// back unchanged.
func requirementValues(req *laeringsliv.WorkRequirement) url.Values {
	v := url.Values{"code": {req.Code}, "title": {req.Title}, "description": {req.Description}, "mode": {req.Mode},
		"due": {dueValue(req)}, "max_mb": {strconv.FormatInt(req.MaxBytes>>20, 10)}, "assessors": {strconv.Itoa(req.Assessors)}}
	for _, k := range req.FileKinds {
		v.Add("file_kinds", string(k))
	}
	return v
}

// dueValue is the due field as the form shows it: a gathering, or the date in Norway.
func dueValue(req *laeringsliv.WorkRequirement) string {
	if req.DueGathering != "" {
		return "gathering:" + string(req.DueGathering)
	}
	if req.DueAt.IsZero() {
		return ""
	}
	return req.DueAt.In(laeringsliv.Norway()).Format("02.01.2006")
}
