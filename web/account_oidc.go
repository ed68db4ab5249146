package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"laeringsliv"
)

// oidcClient is a configured provider and what discovery told about it. Discovery happens at
// the first sign-in, not at start, so that a provider that is down delays no one else; a
// failed discovery is tried again at the next sign-in.
type oidcClient struct {
	cfg  OIDCProvider
	http *http.Client

	mu         sync.Mutex
	provider   *oidc.Provider
	endSession string
}

func newOIDCClients(ps []OIDCProvider) map[string]*oidcClient {
	m := map[string]*oidcClient{}
	for _, p := range ps {
		m[p.Name] = &oidcClient{cfg: p, http: &http.Client{Timeout: 10 * time.Second}}
	}
	return m
}

// discover returns the provider's metadata, fetching it the first time. The key set it holds
// fetches new keys by itself when a token names an unknown key (key rotation).
func (c *oidcClient) discover() (*oidc.Provider, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.provider != nil {
		return c.provider, nil
	}
	// The context lives as long as the key set, which uses it for later fetches.
	ctx := oidc.ClientContext(context.Background(), c.http)
	p, err := oidc.NewProvider(ctx, c.cfg.Issuer)
	if err != nil {
		return nil, err
	}
	var meta struct {
		EndSession string `json:"end_session_endpoint"`
	}
	_ = p.Claims(&meta)
	c.provider, c.endSession = p, meta.EndSession
	return p, nil
}

func (c *oidcClient) oauth2Config(p *oidc.Provider, redirect string) *oauth2.Config {
	scopes := []string{oidc.ScopeOpenID, "profile", "email"}
	return &oauth2.Config{ClientID: c.cfg.ClientID, ClientSecret: c.cfg.ClientSecret,
		Endpoint: p.Endpoint(), RedirectURL: redirect, Scopes: scopes}
}

// oidcClientOf returns the provider named in the path, or answers not found.
func (s *Server) oidcClientOf(w http.ResponseWriter, r *http.Request) (*oidcClient, bool) {
	c := s.oidc[r.PathValue("provider")]
	if c == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
	}
	return c, c != nil
}

func (s *Server) oidcRedirectURL(r *http.Request, name string) string {
	return s.absoluteURL(r, "/login/oidc/"+name+"/callback")
}

// oidcStart sends the browser to the provider, with state, nonce and a PKCE challenge.
func (s *Server) oidcStart(w http.ResponseWriter, r *http.Request) {
	c, ok := s.oidcClientOf(w, r)
	if !ok {
		return
	}
	p, err := c.discover()
	if err != nil {
		s.cfg.Logger.Warn("OpenID discovery failed", "provider", c.cfg.Name, "err", err)
		s.oidcRefuse(w, r, http.StatusBadGateway, "error.oidc_unavailable")
		return
	}
	q := r.URL.Query()
	f := oidcFlow{Provider: c.cfg.Name, State: laeringsliv.NewToken(), Nonce: laeringsliv.NewToken(),
		Verifier: oauth2.GenerateVerifier(), Next: safeNext(q.Get("next"))}
	if inv := q.Get("invitation"); inv != "" && len(inv) <= 100 {
		f.Invitation = inv
	}
	s.setFlow(w, f)
	target := c.oauth2Config(p, s.oidcRedirectURL(r, c.cfg.Name)).AuthCodeURL(f.State,
		oidc.Nonce(f.Nonce), oauth2.S256ChallengeOption(f.Verifier))
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// oidcCallback finishes a sign-in: it checks the state, redeems the code with the PKCE
// verifier, verifies the ID token (signature, issuer, audience, expiry and nonce), finds or
// links the person, and starts a session.
func (s *Server) oidcCallback(w http.ResponseWriter, r *http.Request) {
	c, ok := s.oidcClientOf(w, r)
	if !ok {
		return
	}
	f, ok := s.takeFlow(w, r)
	q := r.URL.Query()
	if !ok || f.Provider != c.cfg.Name || subtle.ConstantTimeCompare([]byte(f.State), []byte(q.Get("state"))) != 1 {
		s.oidcRefuse(w, r, http.StatusBadRequest, "error.oidc_state")
		return
	}
	if q.Get("error") != "" || q.Get("code") == "" {
		s.oidcRefuse(w, r, http.StatusUnauthorized, "error.oidc_failed")
		return
	}
	claims, rawIDToken, err := s.oidcVerify(r, c, f, q.Get("code"))
	if err != nil {
		s.cfg.Logger.Warn("OpenID sign-in refused", "provider", c.cfg.Name, "err", err)
		s.oidcRefuse(w, r, http.StatusUnauthorized, "error.oidc_failed")
		return
	}
	person, next, err := s.oidcPerson(r, c, f, claims)
	if err != nil {
		if key := laeringsliv.ErrorKey(err); laeringsliv.ErrorCode(err) != laeringsliv.EINTERNAL {
			s.oidcRefuse(w, r, statusOf(laeringsliv.ErrorCode(err)), key)
			return
		}
		s.serverError(w, r, err)
		return
	}
	if err := s.startSession(w, r, person, false); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.rememberLogout(w, c, rawIDToken)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// oidcClaims is what the platform reads from a verified ID token.
type oidcClaims struct {
	Issuer        string
	Subject       string // the value of the provider's identifying claim
	Email         string
	EmailVerified bool
	Name          string
}

var errNoClaim = errors.New("the identifying claim is missing")

// feideEPPN is the claim in which Feide sends eduPersonPrincipalName (scope userid-feide).
const feideEPPN = "https://n.feide.no/claims/eduPersonPrincipalName"

func (s *Server) oidcVerify(r *http.Request, c *oidcClient, f oidcFlow, code string) (oidcClaims, string, error) {
	p, err := c.discover()
	if err != nil {
		return oidcClaims{}, "", err
	}
	ctx := oidc.ClientContext(r.Context(), c.http)
	tok, err := c.oauth2Config(p, s.oidcRedirectURL(r, c.cfg.Name)).Exchange(ctx, code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		return oidcClaims{}, "", err
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return oidcClaims{}, "", errors.New("no id_token in the token response")
	}
	idt, err := p.VerifierContext(ctx, &oidc.Config{ClientID: c.cfg.ClientID, Now: s.cfg.Now}).Verify(ctx, raw)
	if err != nil {
		return oidcClaims{}, "", err
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(f.Nonce)) != 1 {
		return oidcClaims{}, "", errors.New("nonce mismatch")
	}
	var all map[string]any
	if err := idt.Claims(&all); err != nil {
		return oidcClaims{}, "", err
	}
	cl := oidcClaims{Issuer: idt.Issuer, Subject: idt.Subject}
	cl.Email, _ = all["email"].(string)
	cl.Email = laeringsliv.NormalizeEmail(cl.Email)
	// Only an address the provider says it verified links accounts or registers people.
	cl.EmailVerified = all["email_verified"] == true
	cl.Name, _ = all["name"].(string)
	if c.cfg.Claim != "sub" {
		v, _ := all[c.cfg.Claim].(string)
		if v == "" && c.cfg.Claim == "eduPersonPrincipalName" {
			v, _ = all[feideEPPN].(string) // the name Feide gives the claim
		}
		if c.cfg.Claim == "email" {
			v = cl.Email
		}
		cl.Subject = strings.TrimSpace(v)
	}
	if cl.Subject == "" {
		return oidcClaims{}, "", errNoClaim
	}
	return cl, raw, nil
}

// oidcRefuse shows the login page again with a message.
func (s *Server) oidcRefuse(w http.ResponseWriter, r *http.Request, status int, key string) {
	p := s.loginData(w, r, "/")
	p.Errors = []FieldErr{{"oidc", key}}
	s.render(w, r, status, "account_login", p)
}

// rememberLogout keeps what single logout needs: the provider and the ID token as a hint.
func (s *Server) rememberLogout(w http.ResponseWriter, c *oidcClient, rawIDToken string) {
	v := c.cfg.Name + "." + rawIDToken
	if len(v) > 3800 { // a cookie holds about 4 kB; without the hint the provider asks the user
		v = c.cfg.Name + "."
	}
	http.SetCookie(w, &http.Cookie{Name: oidcLogoutCookie, Value: v, Path: "/",
		MaxAge: int(laeringsliv.MaxSessionAge.Seconds()), Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// endSessionURL is where to send a browser that signs out, to sign it out at the provider it
// came through as well; "" when it came through none, or the provider offers no end session.
func (s *Server) endSessionURL(w http.ResponseWriter, r *http.Request) string {
	ck, err := r.Cookie(oidcLogoutCookie)
	if err != nil {
		return ""
	}
	clearCookie(w, oidcLogoutCookie)
	name, hint, _ := strings.Cut(ck.Value, ".")
	c := s.oidc[name]
	if c == nil {
		return ""
	}
	if _, err := c.discover(); err != nil || c.endSession == "" {
		return ""
	}
	u, err := url.Parse(c.endSession)
	if err != nil {
		return ""
	}
	q := u.Query()
	q.Set("client_id", c.cfg.ClientID)
	q.Set("post_logout_redirect_uri", s.absoluteURL(r, "/login"))
	if hint != "" {
		q.Set("id_token_hint", hint)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// SignOutPage passes the browser on to the provider's end-session endpoint. A redirect would
// do, but the form that signs out allows only this site as a form target (CSP form-action),
// and browsers apply that to redirects too; a page that moves on by itself is not a form.
type SignOutPage struct {
	Page
	EndSession string
}

func (s *Server) signOutAtProvider(w http.ResponseWriter, r *http.Request, endSession string) {
	w.Header().Set("Cache-Control", "no-store")
	p := SignOutPage{Page: s.base(w, r, state(r).tr.T("signout.title")), EndSession: endSession}
	s.render(w, r, http.StatusOK, "account_signed_out", p)
}
