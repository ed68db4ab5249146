package web

import (
	"context"
	"net/http"

	"laeringsliv"
)

// AssessmentPage is the teacher's matrix: participants × requirements, each cell the status of
// the newest submission with a link to assess it.
type AssessmentPage struct {
	Page
	Workplace    *laeringsliv.Workplace
	Requirements []*laeringsliv.WorkRequirement
	Rows         []MatrixRow
}

// MatrixRow is one participant's line of the matrix.
type MatrixRow struct {
	Person *laeringsliv.Person
	Cells  []MatrixCell
}

// MatrixCell is one participant's newest submission to one requirement, if any.
type MatrixCell struct {
	SubmissionID int64
	Status       laeringsliv.SubmissionStatus
}

func (s *Server) assessmentPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	ctx := r.Context()
	reqs, err := s.svc.Study.FindRequirements(ctx, st.workplace.ProgrammeID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	people, err := s.participants(ctx, st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	subs, err := s.svc.Study.FindSubmissions(ctx, laeringsliv.SubmissionFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	// Newest version first: the first submission seen per person and requirement wins.
	newest := map[[2]int64]*laeringsliv.Submission{}
	for _, sub := range subs {
		for _, m := range sub.MemberIDs {
			k := [2]int64{m, sub.RequirementID}
			if cur, ok := newest[k]; !ok || sub.Version > cur.Version {
				newest[k] = sub
			}
		}
	}
	p := AssessmentPage{Page: s.base(w, r, st.tr.T("assessment.title")+": "+st.workplace.Name),
		Workplace: st.workplace, Requirements: reqs}
	for _, person := range people {
		row := MatrixRow{Person: person}
		for _, req := range reqs {
			var c MatrixCell
			if sub := newest[[2]int64{person.ID, req.ID}]; sub != nil {
				c = MatrixCell{SubmissionID: sub.ID, Status: sub.Status}
			}
			row.Cells = append(row.Cells, c)
		}
		p.Rows = append(p.Rows, row)
	}
	s.render(w, r, http.StatusOK, "study_assessment", p)
}

// AssessPage shows one submission to a teacher with its assessments and the form to assess.
type AssessPage struct {
	Page
	Workplace   *laeringsliv.Workplace
	Requirement *laeringsliv.WorkRequirement
	Submission  *laeringsliv.Submission
	Members     []string
	Assessments []AssessmentView
	Verdict     laeringsliv.Verdict
	Feedback    string
	Action      string
}

// AssessmentView is an assessment with the teacher's name.
type AssessmentView struct {
	*laeringsliv.Assessment
	Assessor string
}

// assessmentViews names each assessment's assessor, so that two assessors' feedback is told
// apart.
func (s *Server) assessmentViews(ctx context.Context, as []*laeringsliv.Assessment) ([]AssessmentView, error) {
	views := make([]AssessmentView, 0, len(as))
	for _, a := range as {
		who, err := s.names(ctx, []int64{a.AssessorID})
		if err != nil {
			return nil, err
		}
		views = append(views, AssessmentView{Assessment: a, Assessor: who[0]})
	}
	return views, nil
}

func (s *Server) assessPage(w http.ResponseWriter, r *http.Request) {
	s.showAssess(w, r, http.StatusOK, "", "", nil)
}

func (s *Server) showAssess(w http.ResponseWriter, r *http.Request, status int, verdict laeringsliv.Verdict, feedback string, errs []FieldErr) {
	st := state(r)
	ctx := r.Context()
	sub, err := s.submissionOf(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	req, err := s.svc.Study.FindRequirement(ctx, sub.RequirementID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := AssessPage{Page: s.base(w, r, req.Code+": "+st.tr.T("assessment.assess")), Workplace: st.workplace,
		Requirement: req, Submission: sub, Verdict: verdict, Feedback: feedback,
		Action: "/workplaces/" + itoa(st.workplace.ID) + "/submissions/" + itoa(sub.ID)}
	p.Errors = errs
	if p.Members, err = s.names(ctx, sub.MemberIDs); err != nil {
		s.serverError(w, r, err)
		return
	}
	as, err := s.svc.Study.FindAssessments(ctx, sub.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Assessments, err = s.assessmentViews(ctx, as); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "study_assess", p)
}

// assess records the teacher's verdict. With joint assessment the status changes only when
// both teachers agree; the page says so.
func (s *Server) assess(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	sub, err := s.submissionOf(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	a := &laeringsliv.Assessment{SubmissionID: sub.ID, AssessorID: st.actor.Person.ID,
		Verdict: laeringsliv.Verdict(text(v, "verdict", 20)), Feedback: draftText(v.Get("feedback"))}
	if err := a.Validate(); err != nil {
		s.showAssess(w, r, http.StatusUnprocessableEntity, a.Verdict, a.Feedback, appendValidation(nil, err))
		return
	}
	if _, err := s.svc.Study.Assess(r.Context(), a); err != nil {
		if laeringsliv.ErrorCode(err) == laeringsliv.ECONFLICT {
			s.showAssess(w, r, http.StatusConflict, a.Verdict, a.Feedback, []FieldErr{{"verdict", laeringsliv.ErrorKey(err)}})
			return
		}
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.assessed")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/assessment", http.StatusSeeOther)
}

// submissionFile streams a file of a submission to one of its members or a teacher, with
// ranges (so that a video can be scrubbed) and as an attachment under its display name.
func (s *Server) submissionFile(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	sub, err := s.submissionOf(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if !sub.Has(st.actor.Person.ID) && !st.actor.Can(laeringsliv.ActionAssess, laeringsliv.WorkplaceResource(st.workplace)) {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "error.forbidden"))
		return
	}
	id, err := pathID(r.PathValue("file"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	for _, f := range sub.Files {
		if f.ID != id {
			continue
		}
		s.serveStored(w, r, f.Key, f.ContentType, "attachment", f.Name, f.CreatedAt)
		return
	}
	s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
}
