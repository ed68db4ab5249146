package web

import (
	"net/http"
	"net/url"
	"slices"

	"laeringsliv"
)

// Joint IPE sessions (see laeringsliv/ipe_joint.go): the host's facilitator invites other
// workplaces of the institution; their members find the invitation on their own workplace's
// page and join as the host's members do. Nothing else of the host's is shown to them.

// IPEGuestsPage lets a facilitator choose the workplaces a session also gathers.
type IPEGuestsPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Session   *laeringsliv.IPESession
	Options   []GuestOption
}

// GuestOption is one workplace that may be invited.
type GuestOption struct {
	ID      int64
	Name    string
	Invited bool
}

func (s *Server) ipeGuestsPage(w http.ResponseWriter, r *http.Request) {
	s.renderIPEGuests(w, r, http.StatusOK, nil)
}

func (s *Server) renderIPEGuests(w http.ResponseWriter, r *http.Request, status int, errs []FieldErr) {
	ctx, st := r.Context(), state(r)
	if s.svc.JointIPE == nil {
		s.renderError(w, r, shareNotFound())
		return
	}
	options, err := s.guestOptions(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	guests, err := s.svc.JointIPE.FindIPEGuests(ctx, st.ipe.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	for n := range options {
		options[n].Invited = slices.Contains(guests, options[n].ID)
	}
	p := IPEGuestsPage{Page: s.base(w, r, st.tr.T("ipe.joint.title")), Workplace: st.workplace, Session: st.ipe, Options: options}
	p.Errors = errs
	s.render(w, r, status, "ipe_guests", p)
}

// guestOptions lists the institution's workplaces other than the host.
func (s *Server) guestOptions(r *http.Request) ([]GuestOption, error) {
	st := state(r)
	wps, err := s.svc.Org.FindWorkplaces(r.Context(), laeringsliv.WorkplaceFilter{InstitutionID: st.workplace.InstitutionID})
	if err != nil {
		return nil, err
	}
	var out []GuestOption
	for _, wp := range wps {
		if wp.ID != st.workplace.ID {
			out = append(out, GuestOption{ID: wp.ID, Name: wp.Name})
		}
	}
	return out, nil
}

func (s *Server) setIPEGuests(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.JointIPE == nil {
		s.renderError(w, r, shareNotFound())
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	options, err := s.guestOptions(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	ids := make([]int64, len(options))
	for n, o := range options {
		ids[n] = o.ID
	}
	guests, errs := parseGuestsForm(v, ids)
	if len(errs) > 0 {
		s.renderIPEGuests(w, r, http.StatusUnprocessableEntity, errs)
		return
	}
	if err := s.svc.JointIPE.SetIPEGuests(r.Context(), st.ipe.ID, guests); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, ipePath(st.ipe), http.StatusSeeOther)
}

// parseGuestsForm reads the chosen guest workplaces; allowed are those that may be chosen.
func parseGuestsForm(v url.Values, allowed []int64) ([]int64, []FieldErr) {
	var ids []int64
	if len(v["guest"]) > len(allowed) {
		return nil, []FieldErr{{"guests", "ipe.joint.error.guest_invalid"}}
	}
	for _, s := range v["guest"] {
		id, ok := idField(url.Values{"id": {s}}, "id")
		if !ok || !slices.Contains(allowed, id) {
			return nil, []FieldErr{{"guests", "ipe.joint.error.guest_invalid"}}
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// JointIPEPage lists the joint sessions a workplace is invited to: their question, the host's
// name and the way in — nothing else of the host's.
type JointIPEPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Sessions  []JointSession
}

// JointSession is one invitation to a joint session.
type JointSession struct {
	Session *laeringsliv.IPESession
	Host    string
}

func (s *Server) jointIPEPage(w http.ResponseWriter, r *http.Request) {
	ctx, st := r.Context(), state(r)
	if s.svc.JointIPE == nil {
		s.renderError(w, r, shareNotFound())
		return
	}
	list, err := s.svc.JointIPE.FindJointIPESessions(ctx, st.workplace.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	names, err := s.workplaceNames(ctx, st.workplace.InstitutionID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := JointIPEPage{Page: s.base(w, r, st.tr.T("ipe.joint.invited_title")), Workplace: st.workplace}
	for _, ses := range list {
		if ses.InstitutionID == st.workplace.InstitutionID {
			p.Sessions = append(p.Sessions, JointSession{Session: ses, Host: names[ses.WorkplaceID]})
		}
	}
	s.render(w, r, http.StatusOK, "ipe_joint", p)
}
