package web

import (
	"net/http"
	"net/url"
	"time"

	"laeringsliv"
)

// ConsentPage lets a person give or withdraw consent to the use of what they write in a
// programme for its research. The research export honours it (see package report).
type ConsentPage struct {
	Page
	Programme   *laeringsliv.Programme
	Consented   bool
	ConsentedAt time.Time
}

func (s *Server) consentPage(w http.ResponseWriter, r *http.Request) {
	s.renderConsent(w, r, http.StatusOK, nil)
}

func (s *Server) renderConsent(w http.ResponseWriter, r *http.Request, status int, errs []FieldErr) {
	st := state(r)
	if s.svc.Research == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	p := ConsentPage{Page: s.base(w, r, st.tr.T("consent.title")), Programme: st.programme}
	c, err := s.svc.Research.FindResearchConsent(r.Context(), st.programme.ID, st.actor.Person.ID)
	switch laeringsliv.ErrorCode(err) {
	case "":
		p.Consented, p.ConsentedAt = true, c.ConsentedAt
	case laeringsliv.ENOTFOUND:
	default:
		s.serverError(w, r, err)
		return
	}
	p.Errors = errs
	s.render(w, r, status, "evidence_consent", p)
}

func (s *Server) setConsent(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.Research == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	consent, err := parseConsentForm(v)
	if err != nil {
		s.renderConsent(w, r, http.StatusUnprocessableEntity, appendValidation(nil, err))
		return
	}
	if err := s.svc.Research.SetResearchConsent(r.Context(), st.programme.ID, st.actor.Person.ID, consent); err != nil {
		s.renderError(w, r, err)
		return
	}
	if consent {
		setFlash(w, "flash.consent_given")
	} else {
		setFlash(w, "flash.consent_withdrawn")
	}
	http.Redirect(w, r, "/programmes/"+itoa(st.programme.ID)+"/consent", http.StatusSeeOther)
}

// parseConsentForm reads the choice: "yes" gives consent, "no" withdraws it; anything else is
// refused rather than guessed.
func parseConsentForm(v url.Values) (bool, error) {
	switch v.Get("consent") {
	case "yes":
		return true, nil
	case "no":
		return false, nil
	}
	return false, laeringsliv.FieldError("consent", "consent.error.choice")
}
