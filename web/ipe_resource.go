package web

import (
	"net/http"

	"laeringsliv"
)

// ipeResource resolves a path naming an IPE session ({ipe}, perhaps under its {workplace}):
// the session's workplace, with the session's creator as owner.
func (s *Server) ipeResource(r *http.Request, st *reqState, v string) (laeringsliv.Resource, error) {
	id, err := pathID(v)
	if err != nil {
		return laeringsliv.Resource{}, err
	}
	sess, err := s.svc.IPE.FindIPESession(r.Context(), id)
	if err != nil {
		return laeringsliv.Resource{}, err
	}
	if wv := r.PathValue("workplace"); wv != "" {
		if wid, err := pathID(wv); err != nil || wid != sess.WorkplaceID {
			return laeringsliv.Resource{}, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
		}
	}
	wp, err := s.svc.Org.FindWorkplace(r.Context(), sess.WorkplaceID)
	if err != nil {
		return laeringsliv.Resource{}, err
	}
	st.workplace, st.ipe = wp, sess
	res := laeringsliv.IPESessionResource(wp, sess)
	if s.svc.JointIPE != nil {
		if res.Guests, err = s.svc.JointIPE.FindIPEGuests(r.Context(), sess.ID); err != nil {
			return laeringsliv.Resource{}, err
		}
	}
	return res, nil
}
