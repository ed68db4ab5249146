package web

import (
	"net/http"
	"net/url"
	"strconv"

	"laeringsliv"
)

// PriorLearningPage is the participant's applications for admission on prior learning, with
// every decision (who, when, on which documents, what the rules suggested), and the form to
// apply.
type PriorLearningPage struct {
	Page
	Workplace    *laeringsliv.Workplace
	Applications []ApplicationView
	Form         url.Values
	Rows         []string // "0".."3": the employment rows of the form
	Levels       []laeringsliv.Level
	Action       string // where the form posts
	// OnBehalf: a teacher applies for one of People, the workplace's participants, and sees
	// the workplace's applications rather than their own.
	OnBehalf bool
	People   []*laeringsliv.Person
}

// ApplicationView is an application with the names of those who decided.
type ApplicationView struct {
	*laeringsliv.PriorLearningApplication
	Person    string
	AppliedBy string // the teacher who applied on the person's behalf; empty when they applied
	Deciders  map[int64]string
	Suggested laeringsliv.Suggestion // what the rules suggest today
}

func (s *Server) priorLearningPage(w http.ResponseWriter, r *http.Request) {
	s.showPriorLearning(w, r, http.StatusOK, url.Values{}, nil)
}

func (s *Server) showPriorLearning(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []FieldErr) {
	st := state(r)
	if !isParticipant(r) {
		s.renderError(w, r, participantsOnly)
		return
	}
	apps, err := s.svc.Study.FindPriorLearnings(r.Context(), laeringsliv.PriorLearningFilter{PersonID: st.actor.Person.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.priorLearningForm(w, r, form, errs)
	p.Action = "/workplaces/" + itoa(st.workplace.ID) + "/prior-learning"
	if err := s.addApplications(r, &p, apps); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "study_prior_learning", p)
}

// priorLearningForm is the page around the application form, without applications.
func (s *Server) priorLearningForm(w http.ResponseWriter, r *http.Request, form url.Values, errs []FieldErr) PriorLearningPage {
	st := state(r)
	p := PriorLearningPage{Page: s.base(w, r, st.tr.T("priorlearning.title")), Workplace: st.workplace, Form: form,
		Levels: []laeringsliv.Level{laeringsliv.LevelBachelor, laeringsliv.LevelMaster}}
	p.Errors = errs
	for i := range maxEmployments {
		p.Rows = append(p.Rows, strconv.Itoa(i))
	}
	return p
}

// addApplications adds the applications with their names and suggestions to the page.
func (s *Server) addApplications(r *http.Request, p *PriorLearningPage, apps []*laeringsliv.PriorLearningApplication) error {
	for _, a := range apps {
		v, err := s.applicationView(r, a)
		if err != nil {
			return err
		}
		p.Applications = append(p.Applications, v)
	}
	return nil
}

// applicationView adds the names and today's suggestion to an application.
func (s *Server) applicationView(r *http.Request, a *laeringsliv.PriorLearningApplication) (ApplicationView, error) {
	ctx := r.Context()
	v := ApplicationView{PriorLearningApplication: a, Deciders: map[int64]string{}}
	ids := []int64{a.PersonID}
	for _, d := range a.Decisions {
		ids = append(ids, d.DecidedBy)
	}
	names, err := s.names(ctx, ids)
	if err != nil {
		return v, err
	}
	v.Person = names[0]
	for i, d := range a.Decisions {
		v.Deciders[d.DecidedBy] = names[i+1]
	}
	if a.CreatedBy != 0 && a.CreatedBy != a.PersonID {
		by, err := s.names(ctx, []int64{a.CreatedBy})
		if err != nil {
			return v, err
		}
		v.AppliedBy = by[0]
	}
	rules, err := s.svc.Study.AdmissionRules(ctx, a.ProgrammeID)
	if err != nil {
		return v, err
	}
	v.Suggested = rules.Suggest(a.Level, a.Documents, s.cfg.Now())
	return v, nil
}

// applyPriorLearning files the participant's application.
func (s *Server) applyPriorLearning(w http.ResponseWriter, r *http.Request) {
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
	a, errs := parsePriorLearningForm(v)
	if len(errs) > 0 {
		s.showPriorLearning(w, r, http.StatusUnprocessableEntity, v, errs)
		return
	}
	a.WorkplaceID, a.PersonID, a.CreatedBy = st.workplace.ID, st.actor.Person.ID, st.actor.Person.ID
	if err := s.svc.Study.CreatePriorLearning(r.Context(), a); err != nil {
		if laeringsliv.ErrorCode(err) == laeringsliv.EINVALID {
			s.showPriorLearning(w, r, http.StatusUnprocessableEntity, v, appendValidation(nil, err))
			return
		}
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.application_sent")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/prior-learning", http.StatusSeeOther)
}
