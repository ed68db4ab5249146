package web

import (
	"net/http"
	"strings"

	"laeringsliv"
)

// oidcPerson finds the person a verified identity belongs to, in this order: an identity
// linked before; the invitation being accepted (which links it); a person known by the same
// verified e-mail address, when the provider identifies people by e-mail; a new person, when
// the provider allows self-registration for the address's domain. Anyone else is refused with
// a message that says to ask for an invitation. It returns where to go next.
func (s *Server) oidcPerson(r *http.Request, c *oidcClient, f oidcFlow, cl oidcClaims) (*laeringsliv.Person, string, error) {
	ctx := r.Context()
	if s.svc.Identities == nil {
		return nil, "", laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "error.oidc_unknown")
	}
	id, err := s.svc.Identities.FindIdentity(ctx, s.cfg.InstitutionID, cl.Issuer, cl.Subject)
	switch {
	case err == nil:
		p, err := s.svc.People.FindPerson(ctx, id.PersonID)
		if err == nil && f.Invitation != "" {
			return s.oidcAcceptInvitation(r, f, p, cl)
		}
		return p, f.Next, err
	case laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND:
		return nil, "", err
	}
	if f.Invitation != "" {
		p, next, err := s.oidcAcceptInvitation(r, f, nil, cl)
		if err == nil {
			err = s.link(r, p, cl)
		}
		return p, next, err
	}
	if c.cfg.Claim == "email" && cl.EmailVerified {
		p, err := s.svc.People.FindPersonByEmail(ctx, cl.Subject)
		if err == nil && p.InstitutionID == s.cfg.InstitutionID {
			return p, f.Next, s.link(r, p, cl)
		} else if err != nil && laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			return nil, "", err
		}
	}
	if d := c.cfg.SelfRegister; d != "" && cl.EmailVerified && strings.HasSuffix(cl.Email, "@"+d) {
		p := &laeringsliv.Person{InstitutionID: s.cfg.InstitutionID, Name: personName(cl), Email: cl.Email,
			Locale: state(r).lang}
		if err := s.svc.People.CreatePerson(ctx, p); err != nil {
			if laeringsliv.ErrorCode(err) == laeringsliv.ECONFLICT {
				return nil, "", laeringsliv.Errorf(laeringsliv.ECONFLICT, "error.email_taken_sign_in")
			}
			return nil, "", err
		}
		return p, f.Next, s.link(r, p, cl)
	}
	return nil, "", laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "error.oidc_unknown")
}

// oidcAcceptInvitation accepts the flow's invitation as p, or as a new person made from the
// claims when p is nil, and returns the person and the invitation's workplace page.
func (s *Server) oidcAcceptInvitation(r *http.Request, f oidcFlow, p *laeringsliv.Person, cl oidcClaims) (*laeringsliv.Person, string, error) {
	inv, wp, err := s.findUsableInvitation(r, f.Invitation)
	if err != nil {
		return nil, "", err
	}
	if p == nil {
		email := cl.Email
		if email == "" || !cl.EmailVerified {
			email = inv.Email
		}
		p = &laeringsliv.Person{InstitutionID: inv.InstitutionID, Name: personName(cl), Email: email,
			Locale: state(r).lang}
		if err := p.Validate(); err != nil {
			return nil, "", laeringsliv.Errorf(laeringsliv.EINVALID, "error.oidc_no_email")
		}
	}
	if _, err := s.svc.Auth.AcceptInvitation(r.Context(), inv.TokenHash, p, "", s.cfg.Now()); err != nil {
		if laeringsliv.ErrorCode(err) == laeringsliv.ECONFLICT {
			return nil, "", laeringsliv.Errorf(laeringsliv.ECONFLICT, "error.email_taken_sign_in")
		}
		return nil, "", err
	}
	return p, workplaceURL(wp), nil
}

func (s *Server) link(r *http.Request, p *laeringsliv.Person, cl oidcClaims) error {
	return s.svc.Identities.CreateIdentity(r.Context(), &laeringsliv.Identity{PersonID: p.ID,
		Issuer: cl.Issuer, Subject: cl.Subject})
}

// personName is the name a provider gives, or the e-mail address's local part.
func personName(cl oidcClaims) string {
	if n := strings.TrimSpace(cl.Name); n != "" {
		return n
	}
	local, _, _ := strings.Cut(cl.Email, "@")
	return local
}
