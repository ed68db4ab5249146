package web

import (
	"encoding/base64"
	"net/http"

	"laeringsliv"
)

// Members-only sessions. A member's browser asks the page route below for a blind signature
// (signed in: the route knows who asks, and sees only a blinded message); it then joins through
// the participant API with the unblinded credential (no cookie: the API never knows who).

// credentialRequest is the body of POST …/ipe/{ipe}/credential: the blinded message,
// base64url without padding.
type credentialRequest struct {
	Blinded string `json:"blinded"`
}

// CredentialResponse answers it with the blind signature.
type CredentialResponse struct {
	Signature string `json:"signature"`
}

// joinCredential is a credential presented to POST /api/v1/join.
type joinCredential struct {
	Message   string `json:"message"`
	Signature string `json:"signature"`
}

// maxCredentialField bounds a base64url field: a 4096-bit signature is 683 characters.
const maxCredentialField = 1024

// decodeCredentialField decodes a base64url field of a credential or fails as a field error.
func decodeCredentialField(s string) ([]byte, error) {
	if s == "" || len(s) > maxCredentialField {
		return nil, laeringsliv.FieldError("credential", "ipe.error.credential_invalid")
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, laeringsliv.FieldError("credential", "ipe.error.credential_invalid")
	}
	return b, nil
}

func (s *Server) ipeCredential(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	var req credentialRequest
	if err := readJSON(w, r, &req); err != nil {
		s.apiFail(w, r, err)
		return
	}
	blinded, err := decodeCredentialField(req.Blinded)
	if err == nil {
		var sig []byte
		if sig, err = s.svc.IPE.IssueIPECredential(r.Context(), st.ipe.ID, st.actor.Person.ID, blinded); err == nil {
			writeJSON(w, http.StatusOK, CredentialResponse{Signature: base64.RawURLEncoding.EncodeToString(sig)})
			return
		}
	}
	s.apiFail(w, r, err)
}

func (s *Server) ipeReissue(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	person, ok := intField(v, "person")
	if !ok || !s.isWorkplaceMember(r, int64(person)) {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EINVALID, "ipe.error.reissue_person"))
		return
	}
	if err := s.svc.IPE.AllowIPEReissue(r.Context(), st.ipe.ID, int64(person)); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, ipePath(st.ipe), http.StatusSeeOther)
}

// isWorkplaceMember reports whether the person belongs to the request's workplace.
func (s *Server) isWorkplaceMember(r *http.Request, personID int64) bool {
	people, err := s.svc.People.FindPersons(r.Context(), laeringsliv.PersonFilter{WorkplaceID: state(r).workplace.ID})
	if err != nil {
		return false
	}
	for _, p := range people {
		if p.ID == personID {
			return true
		}
	}
	return false
}
