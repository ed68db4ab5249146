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
	// Links are the selects of the workplace's IPE sessions and reading workshops that agenda
	// points may link to; a kind the workplace has none of is left out.
	Links []AgendaLinkField
}

// AgendaLinkField is a select of sessions or workshops and the time of the point to link.
type AgendaLinkField struct {
	Field, At, Legend string
	Options           []LinkOption
}

func (s *Server) newGatheringPage(w http.ResponseWriter, r *http.Request) {
	s.showGatheringForm(w, r, http.StatusOK, url.Values{}, nil)
}

func (s *Server) showGatheringForm(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []FieldErr) {
	st := state(r)
	p := GatheringFormPage{Page: s.base(w, r, st.tr.T("gathering.new")), Workplace: st.workplace,
		Kinds: laeringsliv.GatheringKinds(), Form: form}
	p.Errors = errs
	ipe, workshops, err := s.linkOptions(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(ipe) > 0 {
		p.Links = append(p.Links, AgendaLinkField{Field: "ipe_session", At: "ipe_at", Legend: "gathering.link_ipe", Options: ipe})
	}
	if len(workshops) > 0 {
		p.Links = append(p.Links, AgendaLinkField{Field: "workshop", At: "workshop_at", Legend: "gathering.link_workshop", Options: workshops})
	}
	s.render(w, r, status, "study_gathering_form", p)
}

// linkOptions lists the workplace's IPE sessions and reading workshops, newest first as the
// stores return them.
func (s *Server) linkOptions(r *http.Request) (ipe, workshops []LinkOption, err error) {
	ctx, wid := r.Context(), state(r).workplace.ID
	if s.svc.IPE != nil {
		sessions, err := s.svc.IPE.FindIPESessions(ctx, wid)
		if err != nil {
			return nil, nil, err
		}
		for _, x := range sessions {
			ipe = append(ipe, LinkOption{ID: x.ID, Label: x.Question})
		}
	}
	if s.svc.Reading != nil {
		ws, err := s.svc.Reading.FindWorkshops(ctx, laeringsliv.WorkshopFilter{WorkplaceID: wid})
		if err != nil {
			return nil, nil, err
		}
		for _, x := range ws {
			workshops = append(workshops, LinkOption{ID: x.ID, Label: x.Title})
		}
	}
	return ipe, workshops, nil
}

func (s *Server) createGathering(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	g, errs := parseGatheringForm(v, laeringsliv.Norway(), st.workplace.ID)
	ipe, workshops, err := s.linkOptions(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(errs) == 0 {
		errs = parseAgendaLinks(v, g, laeringsliv.Norway(), ipe, workshops)
	}
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
