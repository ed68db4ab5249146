package web

import (
	"net/http"
	"net/url"

	"laeringsliv"
)

// GatheringFormPage is where a teacher plans a gathering.
type GatheringFormPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Kinds     []laeringsliv.GatheringKind
	Form      url.Values
}

func (s *Server) newGatheringPage(w http.ResponseWriter, r *http.Request) {
	s.showGatheringForm(w, r, http.StatusOK, url.Values{}, nil)
}

func (s *Server) showGatheringForm(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []FieldErr) {
	st := state(r)
	p := GatheringFormPage{Page: s.base(w, r, st.tr.T("gathering.new")), Workplace: st.workplace,
		Kinds: laeringsliv.GatheringKinds, Form: form}
	p.Errors = errs
	s.render(w, r, status, "gathering_form", p)
}

func (s *Server) createGathering(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	g, errs := parseGatheringForm(v, oslo, st.workplace.ID)
	if len(errs) > 0 {
		s.showGatheringForm(w, r, http.StatusUnprocessableEntity, v, errs)
		return
	}
	if err := s.svc.Study.CreateGathering(r.Context(), g); err != nil {
		if laeringsliv.ErrorCode(err) == laeringsliv.EINVALID {
			s.showGatheringForm(w, r, http.StatusUnprocessableEntity, v, appendValidation(nil, err))
			return
		}
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.gathering_created")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/gatherings", http.StatusSeeOther)
}
