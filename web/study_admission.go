package web

import (
	"net/http"
	"strconv"

	"laeringsliv"
	"laeringsliv/tabular"
)

// AdmissionsPage lists a programme's prior-learning applications for the admissions office.
type AdmissionsPage struct {
	Page
	Programme    *laeringsliv.Programme
	Applications []ApplicationView
}

func (s *Server) admissionsPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	apps, err := s.svc.Study.FindPriorLearnings(r.Context(), laeringsliv.PriorLearningFilter{ProgrammeID: st.programme.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := AdmissionsPage{Page: s.base(w, r, st.tr.T("admission.title")), Programme: st.programme}
	for _, a := range apps {
		v, err := s.applicationView(r, a)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		p.Applications = append(p.Applications, v)
	}
	s.render(w, r, http.StatusOK, "study_admissions", p)
}

// DecisionPage shows one application, what the rules suggest, the decisions so far and the
// form to decide.
type DecisionPage struct {
	Page
	Programme   *laeringsliv.Programme
	Application ApplicationView
	Outcomes    []laeringsliv.DecisionOutcome
	Outcome     laeringsliv.DecisionOutcome
	Rationale   string
	Action      string
}

func (s *Server) decisionPage(w http.ResponseWriter, r *http.Request) {
	s.showDecision(w, r, http.StatusOK, "", "", nil)
}

func (s *Server) showDecision(w http.ResponseWriter, r *http.Request, status int, outcome laeringsliv.DecisionOutcome, rationale string, errs []FieldErr) {
	st := state(r)
	a, err := s.applicationOf(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := s.applicationView(r, a)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := DecisionPage{Page: s.base(w, r, st.tr.T("admission.decide")+": "+v.Person), Programme: st.programme,
		Application: v, Outcome: outcome, Rationale: rationale,
		Outcomes: []laeringsliv.DecisionOutcome{laeringsliv.DecisionApproved, laeringsliv.DecisionRejected, laeringsliv.DecisionMoreDocument},
		Action:   "/programmes/" + itoa(st.programme.ID) + "/admissions/" + itoa(a.ID)}
	p.Errors = errs
	s.render(w, r, status, "study_decision", p)
}

// applicationOf returns the {application} of the path when it belongs to the programme.
func (s *Server) applicationOf(r *http.Request) (*laeringsliv.PriorLearningApplication, error) {
	id, err := pathID(r.PathValue("application"))
	if err != nil {
		return nil, err
	}
	a, err := s.svc.Study.FindPriorLearning(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if a.ProgrammeID != state(r).programme.ID {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return a, nil
}

// decide records the officer's decision; the store adds what the rules suggest and the
// documents it rests on.
func (s *Server) decide(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	a, err := s.applicationOf(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d, errs := parseDecisionForm(v)
	if len(errs) > 0 {
		s.showDecision(w, r, http.StatusUnprocessableEntity, d.Outcome, d.Rationale, errs)
		return
	}
	d.ApplicationID, d.DecidedBy = a.ID, st.actor.Person.ID
	if err := s.svc.Study.DecidePriorLearning(r.Context(), d); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.decision_saved")
	http.Redirect(w, r, "/programmes/"+itoa(st.programme.ID)+"/admissions", http.StatusSeeOther)
}

// examList downloads the programme's exam list for the university's student system, in the
// same columns as `laeringsliv export exam-list`.
func (s *Server) examList(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	format, err := tabular.ParseFormat(r.URL.Query().Get("format"))
	if err != nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EINVALID, "admission.error.format"))
		return
	}
	rows, err := s.svc.Study.ExamList(r.Context(), st.programme.InstitutionID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	wps, err := s.svc.Org.FindWorkplaces(r.Context(), laeringsliv.WorkplaceFilter{ProgrammeID: st.programme.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	in := map[int64]bool{}
	for _, wp := range wps {
		in[wp.ID] = true
	}
	var mine []laeringsliv.ExamListRow
	for _, row := range rows {
		if in[row.WorkplaceID] {
			mine = append(mine, row)
		}
	}
	w.Header().Set("Content-Type", format.ContentType())
	w.Header().Set("Content-Disposition", `attachment; filename="exam-list-`+itoa(st.programme.ID)+`.`+string(format)+`"`)
	w.Header().Set("Cache-Control", "private, no-store")
	if err := readerTable(st.tr, ExamListTable(mine), "exam_list", format).Write(w, format); err != nil {
		s.cfg.Logger.WarnContext(r.Context(), "write exam list", "err", err)
	}
}

// ExamListTable lays out the exam list with the columns the student system expects first:
// workplace, person, level, requirements_approved, admission_basis, eligible; then e-mail,
// requirements approved of required, and the registration date.
func ExamListTable(rows []laeringsliv.ExamListRow) *tabular.Table {
	t := &tabular.Table{Name: "Exam list", Header: []string{"workplace", "person", "level",
		"requirements_approved", "admission_basis", "eligible", "email", "requirements", "registered_at"}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []any{r.Workplace, r.Person, string(r.Level), yesNo(r.RequirementsApproved),
			string(r.Basis), yesNo(r.Eligible), r.Email,
			strconv.Itoa(r.Approved) + "/" + strconv.Itoa(r.Required), r.RegisteredAt.Format("2006-01-02")})
	}
	return t
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
