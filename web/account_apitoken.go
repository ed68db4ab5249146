package web

import (
	"net/http"

	"laeringsliv"
)

// authenticateAPIToken signs in the person behind a personal API token sent as a bearer
// token (laeringsliv token create). Other bearer tokens (IPE participants) are left to their
// handlers; an unknown API token simply signs nobody in.
func (s *Server) authenticateAPIToken(r *http.Request, st *reqState) error {
	token := bearer(r)
	if s.svc.Tokens == nil || !laeringsliv.IsAPIToken(token) || r.Header.Get("Authorization") == "" {
		return nil
	}
	t, err := s.svc.Tokens.FindAPIToken(r.Context(), laeringsliv.HashToken(token))
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND || (err == nil && t.InstitutionID != s.cfg.InstitutionID) {
		return nil
	} else if err != nil {
		return err
	}
	st.actor, err = s.loadActor(r, t.PersonID)
	return err
}
