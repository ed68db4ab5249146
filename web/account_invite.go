package web

import (
	"net/http"
	"net/url"

	"laeringsliv"
)

// InvitationPage is where an invitee sets a name and password, or, when signed in already,
// accepts with their account.
type InvitationPage struct {
	Page
	Invitation *laeringsliv.Invitation
	Workplace  *laeringsliv.Workplace
	Token      string
	Form       acceptForm
	LoginHref  string
	Providers  []ProviderButton // accept by signing in with a provider
}

// findUsableInvitation loads the invitation of a link, or an error that explains why the link
// does not work (used, revoked or expired all read the same to the visitor).
func (s *Server) findUsableInvitation(r *http.Request, token string) (*laeringsliv.Invitation, *laeringsliv.Workplace, error) {
	if len(token) < 20 || len(token) > 100 {
		return nil, nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.invitation_unusable")
	}
	inv, err := s.svc.Auth.FindInvitation(r.Context(), laeringsliv.HashToken(token))
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		return nil, nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.invitation_unusable")
	} else if err != nil {
		return nil, nil, err
	}
	if !inv.Usable(s.cfg.Now()) {
		return nil, nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.invitation_unusable")
	}
	wp, err := s.svc.Org.FindWorkplace(r.Context(), inv.WorkplaceID)
	if err != nil {
		return nil, nil, err
	}
	return inv, wp, nil
}

func (s *Server) invitationPage(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	inv, wp, err := s.findUsableInvitation(r, token)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := s.invitationData(w, r, inv, wp, token)
	p.Form.Email = inv.Email
	s.render(w, r, http.StatusOK, "account_invitation", p)
}

func (s *Server) invitationData(w http.ResponseWriter, r *http.Request, inv *laeringsliv.Invitation, wp *laeringsliv.Workplace, token string) *InvitationPage {
	p := &InvitationPage{Page: s.base(w, r, state(r).tr.T("invitation.title")), Invitation: inv,
		Workplace: wp, Token: token, LoginHref: "/login?next=" + "/invitations/" + token}
	for _, c := range s.cfg.OIDC {
		p.Providers = append(p.Providers, ProviderButton{Name: c.Name, DisplayName: c.DisplayName,
			Href: "/login/oidc/" + c.Name + "?invitation=" + url.QueryEscape(token)})
	}
	return p
}

func (s *Server) acceptInvitation(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	token := r.PathValue("token")
	inv, wp, err := s.findUsableInvitation(r, token)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	now := s.cfg.Now()
	if st.actor != nil { // signed in: join with the account one has
		if _, err := s.svc.Auth.AcceptInvitation(r.Context(), inv.TokenHash, st.actor.Person, "", now); err != nil {
			s.renderError(w, r, err)
			return
		}
		setFlash(w, "flash.invitation_accepted")
		http.Redirect(w, r, workplaceURL(wp), http.StatusSeeOther)
		return
	}
	f, errs := parseAcceptForm(v)
	p := s.invitationData(w, r, inv, wp, token)
	p.Form = acceptForm{Name: f.Name, Email: f.Email, SharedDevice: f.SharedDevice}
	person := &laeringsliv.Person{InstitutionID: inv.InstitutionID, Name: f.Name, Email: f.Email, Locale: st.lang}
	if len(errs) == 0 {
		errs = appendValidation(errs, person.Validate())
	}
	if len(errs) == 0 {
		hash, err := s.cfg.PasswordHasher(f.Password)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		_, err = s.svc.Auth.AcceptInvitation(r.Context(), inv.TokenHash, person, hash, now)
		switch laeringsliv.ErrorCode(err) {
		case "":
		case laeringsliv.ECONFLICT:
			errs = append(errs, FieldErr{"email", "error.email_taken_sign_in"})
		case laeringsliv.EINVALID:
			errs = appendValidation(errs, err)
		default:
			s.serverError(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		p.Errors = errs
		s.render(w, r, http.StatusUnprocessableEntity, "account_invitation", p)
		return
	}
	if err := s.startSession(w, r, person, f.SharedDevice); err != nil {
		s.serverError(w, r, err)
		return
	}
	setFlash(w, "flash.welcome")
	http.Redirect(w, r, workplaceURL(wp), http.StatusSeeOther)
}
