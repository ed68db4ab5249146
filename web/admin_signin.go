package web

import "net/http"

// SignInAdminPage shows administrators how people sign in, and what to register at each
// OpenID Provider. The providers themselves are set where secrets belong: in the server's
// environment (--oidc), not in the database.
type SignInAdminPage struct {
	Page
	Passwords bool
	Reset     bool
	Providers []ProviderInfo
}

// ProviderInfo is one configured provider, with the addresses to register there.
type ProviderInfo struct {
	OIDCProvider
	RedirectURI, PostLogoutURI string
}

func (s *Server) signInAdminPage(w http.ResponseWriter, r *http.Request) {
	p := SignInAdminPage{Page: s.base(w, r, state(r).tr.T("signin_admin.title")),
		Passwords: !s.cfg.NoPasswordLogin, Reset: s.resetEnabled()}
	for _, c := range s.cfg.OIDC {
		c.ClientSecret = "" // never shown
		p.Providers = append(p.Providers, ProviderInfo{OIDCProvider: c,
			RedirectURI: s.oidcRedirectURL(r, c.Name), PostLogoutURI: s.absoluteURL(r, "/login")})
	}
	s.render(w, r, http.StatusOK, "admin_signin", p)
}
