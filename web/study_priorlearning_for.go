package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"laeringsliv"
)

// A teacher may apply for prior-learning assessment on a participant's behalf: many of the
// article's skilled workers did not apply because the paperwork stopped them. The application
// is the participant's own from then on; the page records who filed it.

func (s *Server) priorLearningForPage(w http.ResponseWriter, r *http.Request) {
	s.showPriorLearningFor(w, r, http.StatusOK, url.Values{}, nil)
}

// showPriorLearningFor shows the workplace's applications and the form to apply for one of its
// participants.
func (s *Server) showPriorLearningFor(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []FieldErr) {
	st := state(r)
	ctx := r.Context()
	people, err := s.participants(ctx, st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	apps, err := s.svc.Study.FindPriorLearnings(ctx, laeringsliv.PriorLearningFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.priorLearningForm(w, r, form, errs)
	p.Action = "/workplaces/" + itoa(st.workplace.ID) + "/prior-learning/on-behalf"
	p.OnBehalf, p.People = true, people
	if err := s.addApplications(r, &p, apps); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "study_prior_learning", p)
}

// applyPriorLearningFor files an application for the participant chosen, as the teacher.
func (s *Server) applyPriorLearningFor(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	people, err := s.participants(r.Context(), st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	a, errs := parsePriorLearningForm(v)
	personID, perr := parseParticipant(v, people)
	if perr != nil {
		errs = append([]FieldErr{*perr}, errs...)
	}
	if len(errs) > 0 {
		s.showPriorLearningFor(w, r, http.StatusUnprocessableEntity, v, errs)
		return
	}
	a.WorkplaceID, a.PersonID, a.CreatedBy = st.workplace.ID, personID, st.actor.Person.ID
	if err := s.svc.Study.CreatePriorLearning(r.Context(), a); err != nil {
		if laeringsliv.ErrorCode(err) == laeringsliv.EINVALID {
			s.showPriorLearningFor(w, r, http.StatusUnprocessableEntity, v, appendValidation(nil, err))
			return
		}
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.application_sent")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/prior-learning/on-behalf", http.StatusSeeOther)
}

// parseParticipant reads the person_id field, which must name one of people.
func parseParticipant(v url.Values, people []*laeringsliv.Person) (int64, *FieldErr) {
	id, err := strconv.ParseInt(strings.TrimSpace(v.Get("person_id")), 10, 64)
	if err == nil {
		for _, p := range people {
			if p.ID == id {
				return id, nil
			}
		}
	}
	return 0, &FieldErr{"person_id", "priorlearning.error.participant_required"}
}
