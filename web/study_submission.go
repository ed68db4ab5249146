package web

import (
	"context"
	"net/http"

	"laeringsliv"
)

// SubmissionPage is where a participant writes, uploads and submits one work requirement, and
// sees earlier versions with the teachers' feedback.
type SubmissionPage struct {
	Page
	Workplace   *laeringsliv.Workplace
	Requirement *laeringsliv.WorkRequirement
	Current     *laeringsliv.Submission // the newest version, or nil
	Text        string                  // what the editor shows
	Editable    bool
	CanSubmit   bool
	History     []VersionView // every version, newest first, with its assessments
	Colleagues  []*laeringsliv.Person
	ChooseGroup bool // a group requirement not started yet: the writer picks the group
	Members     []string
	MaxMB       int64
	Accept      string // the accept attribute of the file input
	Action      string
}

// VersionView is one version of a submission with its assessments.
type VersionView struct {
	Submission  *laeringsliv.Submission
	Assessments []AssessmentView
}

func (s *Server) submissionPage(w http.ResponseWriter, r *http.Request) {
	s.showSubmission(w, r, http.StatusOK, "", nil)
}

// showSubmission renders the page; text, when not empty, replaces the saved text (after a
// failed save, so that nothing typed is lost).
func (s *Server) showSubmission(w http.ResponseWriter, r *http.Request, status int, text string, errs []FieldErr) {
	st := state(r)
	ctx := r.Context()
	if !isParticipant(r) {
		s.renderError(w, r, participantsOnly)
		return
	}
	req, err := s.requirementIn(r, state(r).workplace.ProgrammeID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	versions, err := s.latestFor(ctx, req.ID, st.actor.Person.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := SubmissionPage{Page: s.base(w, r, req.Code+": "+req.Title), Workplace: st.workplace, Requirement: req,
		Editable: true, MaxMB: req.MaxBytes >> 20, Accept: acceptFor(req.FileKinds),
		Action: "/workplaces/" + itoa(st.workplace.ID) + "/requirements/" + itoa(req.ID)}
	p.Errors = errs
	for _, v := range versions {
		as, err := s.svc.Study.FindAssessments(ctx, v.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		views, err := s.assessmentViews(ctx, as)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		p.History = append(p.History, VersionView{Submission: v, Assessments: views})
	}
	if len(versions) > 0 {
		p.Current = versions[0]
		p.Text = p.Current.Text
		p.Editable = p.Current.Status == laeringsliv.StatusDraft || p.Current.Status == laeringsliv.StatusNotApproved
		p.CanSubmit = p.Current.Status == laeringsliv.StatusDraft
		if p.Members, err = s.names(ctx, p.Current.MemberIDs); err != nil {
			s.serverError(w, r, err)
			return
		}
	} else if req.Mode == laeringsliv.ModeGroup {
		p.ChooseGroup = true
		all, err := s.participants(ctx, st.workplace.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		for _, c := range all {
			if c.ID != st.actor.Person.ID {
				p.Colleagues = append(p.Colleagues, c)
			}
		}
	}
	if text != "" {
		p.Text = text
	}
	s.render(w, r, status, "study_submission", p)
}

// names returns the names of people by id, in the same order.
func (s *Server) names(ctx context.Context, ids []int64) ([]string, error) {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		p, err := s.svc.People.FindPerson(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Name)
	}
	return out, nil
}

// acceptFor lists what a file input may offer for the kinds; the server checks the content
// whatever the browser lets through.
func acceptFor(kinds []laeringsliv.FileKind) string {
	var out string
	add := func(s string) {
		if out != "" {
			out += ","
		}
		out += s
	}
	for _, k := range kinds {
		switch k {
		case laeringsliv.FileText:
			add(".txt,text/plain")
		case laeringsliv.FilePDF:
			add(".pdf,application/pdf")
		case laeringsliv.FileOffice:
			add(".docx,.pptx,.xlsx,.odt,.odp,.ods,.doc,.ppt,.xls")
		case laeringsliv.FileImage:
			add("image/jpeg,image/png,image/gif,image/webp")
		case laeringsliv.FileVideo:
			add("video/mp4,video/quicktime,video/webm,.mp4,.mov,.webm")
		}
	}
	return out
}

// submitWork hands in the current draft for the whole group.
func (s *Server) submitWork(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if _, err := readForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	if !isParticipant(r) {
		s.renderError(w, r, participantsOnly)
		return
	}
	req, err := s.requirementIn(r, state(r).workplace.ProgrammeID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	versions, err := s.latestFor(r.Context(), req.ID, st.actor.Person.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(versions) == 0 || versions[0].Status != laeringsliv.StatusDraft {
		s.showSubmission(w, r, http.StatusConflict, "", []FieldErr{{"text", "submission.error.nothing_to_submit"}})
		return
	}
	if _, err := s.svc.Study.Submit(r.Context(), versions[0].ID, st.actor.Person.ID); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.submitted")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/requirements/"+itoa(req.ID), http.StatusSeeOther)
}
