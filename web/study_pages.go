package web

import (
	"net/http"

	"laeringsliv"
)

// StudyPage is a workplace's study programme as the reader may see it: a participant their own
// requirements, feedback and exam registration; a teacher a link to the assessment matrix;
// a leader or union representative only counts.
type StudyPage struct {
	Page
	Workplace   *laeringsliv.Workplace
	Participant bool
	CanAssess   bool
	Rows        []RequirementRow // the participant's own status per requirement
	Exams       []*laeringsliv.ExamRegistration
	AllApproved bool
	Levels      []laeringsliv.Level
	Counts      StudyCounts
	LevelErr    string
}

// RequirementRow is one requirement with the reader's newest submission and its feedback.
type RequirementRow struct {
	Requirement *laeringsliv.WorkRequirement
	Status      laeringsliv.SubmissionStatus // empty: not started
	Feedback    []AssessmentView
}

// StudyCounts are the workplace's figures, with no person named.
type StudyCounts struct {
	Participants, AllApproved, Bachelor, Master int
	PerRequirement                              []RequirementCount
}

// RequirementCount is how many have a requirement approved.
type RequirementCount struct {
	Code     string
	Approved int
}

func (s *Server) studyPage(w http.ResponseWriter, r *http.Request) {
	s.showStudy(w, r, http.StatusOK, "")
}

func (s *Server) showStudy(w http.ResponseWriter, r *http.Request, status int, levelErr string) {
	st := state(r)
	ctx := r.Context()
	reqs, err := s.svc.Study.FindRequirements(ctx, st.workplace.ProgrammeID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := StudyPage{Page: s.base(w, r, st.tr.T("study.title")+": "+st.workplace.Name), Workplace: st.workplace,
		Participant: isParticipant(r), Levels: []laeringsliv.Level{laeringsliv.LevelBachelor, laeringsliv.LevelMaster},
		CanAssess: st.actor.Can(laeringsliv.ActionAssess, laeringsliv.WorkplaceResource(st.workplace)), LevelErr: levelErr}
	if levelErr != "" {
		p.Errors = []FieldErr{{"level", levelErr}}
	}
	if p.Participant {
		me := st.actor.Person.ID
		p.AllApproved = true
		for _, req := range reqs {
			row := RequirementRow{Requirement: req}
			versions, err := s.latestFor(ctx, req.ID, me)
			if err != nil {
				s.serverError(w, r, err)
				return
			}
			if len(versions) > 0 {
				row.Status = versions[0].Status
				as, err := s.svc.Study.FindAssessments(ctx, versions[0].ID)
				if err == nil {
					row.Feedback, err = s.assessmentViews(ctx, as)
				}
				if err != nil {
					s.serverError(w, r, err)
					return
				}
			}
			p.AllApproved = p.AllApproved && row.Status == laeringsliv.StatusApproved
			p.Rows = append(p.Rows, row)
		}
		if p.Exams, err = s.svc.Study.FindExamRegistrations(ctx, laeringsliv.ExamFilter{PersonID: me}); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if p.Counts, err = s.studyCounts(r, reqs); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "study", p)
}

// studyCounts counts the workplace's participants, approvals and exam registrations.
func (s *Server) studyCounts(r *http.Request, reqs []*laeringsliv.WorkRequirement) (StudyCounts, error) {
	ctx := r.Context()
	wid := state(r).workplace.ID
	var c StudyCounts
	people, err := s.participants(ctx, wid)
	if err != nil {
		return c, err
	}
	subs, err := s.svc.Study.FindSubmissions(ctx, laeringsliv.SubmissionFilter{WorkplaceID: wid})
	if err != nil {
		return c, err
	}
	exams, err := s.svc.Study.FindExamRegistrations(ctx, laeringsliv.ExamFilter{WorkplaceID: wid})
	if err != nil {
		return c, err
	}
	approved := approvedBy(subs)
	ids := make([]int64, len(reqs))
	for i, req := range reqs {
		ids[i] = req.ID
	}
	c.Participants = len(people)
	for _, p := range people {
		if laeringsliv.RequirementsApproved(ids, approved[p.ID]) {
			c.AllApproved++
		}
	}
	for _, req := range reqs {
		n := 0
		for _, p := range people {
			if approved[p.ID][req.ID] {
				n++
			}
		}
		c.PerRequirement = append(c.PerRequirement, RequirementCount{Code: req.Code, Approved: n})
	}
	for _, e := range exams {
		if e.Level == laeringsliv.LevelBachelor {
			c.Bachelor++
		} else {
			c.Master++
		}
	}
	return c, nil
}

// registerExam registers the participant for the exam at the level chosen. Registration is
// voluntary and open before approval; the exam list says who is eligible.
func (s *Server) registerExam(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if !isParticipant(r) {
		s.renderError(w, r, participantsOnly)
		return
	}
	e := &laeringsliv.ExamRegistration{WorkplaceID: st.workplace.ID, PersonID: st.actor.Person.ID,
		Level: laeringsliv.Level(text(v, "level", 20))}
	if err := s.svc.Study.RegisterExam(r.Context(), e); err != nil {
		if code := laeringsliv.ErrorCode(err); code == laeringsliv.EINVALID || code == laeringsliv.ECONFLICT {
			s.showStudy(w, r, statusOf(code), laeringsliv.ErrorKey(err))
			return
		}
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.exam_registered")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/study", http.StatusSeeOther)
}
