package web

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/internal/oidctest"
	"laeringsliv/sqlstore/sqltest"
)

// oidcFixture is the application with one provider, "test", served by a real OpenID Provider.
type oidcFixture struct {
	*fixture
	op   *oidctest.Provider
	logs *lockedBuffer
}

// refusedFor checks that a refusal was logged for the reason (each test's reason is its own).
func (f *oidcFixture) refusedFor(t *testing.T, reason string) {
	t.Helper()
	for _, line := range strings.Split(f.logs.String(), "\n") {
		if strings.Contains(line, "sign-in refused") && strings.Contains(line, reason) {
			return
		}
	}
	t.Errorf("no refusal logged for %q", reason)
}

const opPassword = "provider password"

func newOIDCFixture(t *testing.T, claim, selfRegister string) *oidcFixture {
	f := newFixture(t, sqltest.OpenSQLite(t))
	p := oidctest.Start(t)
	p.AddClient(oidctest.Client{ID: "laeringsliv", Secret: "client secret",
		RedirectURI: f.srv.URL + "/login/oidc/test/callback", PostLogoutURIs: []string{f.srv.URL + "/login"}})
	cfg := OIDCProvider{Name: "test", DisplayName: "Testkommune", Issuer: p.URL, ClientID: "laeringsliv",
		ClientSecret: "client secret", Claim: claim, SelfRegister: selfRegister}
	if err := cfg.validate(); err != nil {
		t.Fatal(err)
	}
	f.server.cfg.OIDC = []OIDCProvider{cfg}
	f.server.oidc = newOIDCClients(f.server.cfg.OIDC)
	f.server.svc.Identities = f.db
	of := &oidcFixture{fixture: f, op: p, logs: &lockedBuffer{}}
	f.server.cfg.Logger = slog.New(slog.NewTextHandler(of.logs, nil))
	return of
}

// throughProvider starts a sign-in at the application with c, signs in at the provider's own
// login page as username, and returns the callback URL the provider sends the browser back to
// (not yet followed).
func (f *oidcFixture) throughProvider(t *testing.T, c *http.Client, start, username string) string {
	t.Helper()
	resp, _ := f.do(t, c, "GET", start, nil)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, f.op.URL) {
		t.Fatalf("start: %d → %q", resp.StatusCode, loc)
	}
	u, _ := url.Parse(loc)
	if q := u.Query(); q.Get("code_challenge_method") != "S256" || q.Get("nonce") == "" || q.Get("state") == "" {
		t.Fatalf("authorization request lacks PKCE, nonce or state: %s", loc)
	}
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	next := loc
	for range 10 {
		if strings.HasPrefix(next, f.srv.URL) {
			return next
		}
		var r *http.Response
		var err error
		if strings.Contains(next, "/ui/login") {
			id := mustURL(t, next).Query().Get("id")
			r, err = browser.PostForm(f.op.URL+"/ui/login", url.Values{"id": {id}, "username": {username}, "password": {opPassword}})
		} else {
			r, err = browser.Get(next)
		}
		must(t, err)
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
		if r.StatusCode != http.StatusFound && r.StatusCode != http.StatusSeeOther {
			t.Fatalf("provider at %s: status %d", next, r.StatusCode)
		}
		next = r.Request.URL.ResolveReference(mustURL(t, r.Header.Get("Location"))).String()
	}
	t.Fatal("no way back from the provider")
	return ""
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	must(t, err)
	return u
}

// signInVia signs in through the provider and returns the callback's answer.
func (f *oidcFixture) signInVia(t *testing.T, c *http.Client, start, username string) (*http.Response, string) {
	t.Helper()
	return f.do(t, c, "GET", strings.TrimPrefix(f.throughProvider(t, c, start, username), f.srv.URL), nil)
}

func (f *oidcFixture) signedIn(t *testing.T, c *http.Client) bool {
	resp, _ := f.do(t, c, "GET", "/", nil)
	return resp.StatusCode == http.StatusOK
}

func TestOIDCSignIn(t *testing.T) {
	f := newOIDCFixture(t, "email", "")
	kari := f.people[laeringsliv.RoleParticipant]
	f.op.AddUser(oidctest.User{Subject: "s-kari", Username: "kari", Password: opPassword, Name: kari.Name, Email: kari.Email})
	f.op.AddUser(oidctest.User{Subject: "s-ola", Username: "ola", Password: opPassword, Name: "Ola", Email: "ola@elsewhere.no"})

	if _, body := f.do(t, f.client(t), "GET", "/login", nil); !strings.Contains(body, `href="/login/oidc/test"`) ||
		!strings.Contains(body, "Logg inn med Testkommune") || !strings.Contains(body, `action="/login"`) {
		t.Error("the login page lacks the provider's button or the password form")
	}

	t.Run("happy path", func(t *testing.T) {
		c := f.client(t)
		resp, _ := f.signInVia(t, c, "/login/oidc/test?next=/account/password", "kari")
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/account/password" {
			t.Fatalf("callback: %d → %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		if !f.signedIn(t, c) {
			t.Fatal("not signed in")
		}
		id, err := f.db.FindIdentity(context.Background(), f.inst.ID, f.op.URL, kari.Email)
		if err != nil || id.PersonID != kari.ID {
			t.Fatalf("identity not linked: %+v, %v", id, err)
		}
	})

	t.Run("wrong state", func(t *testing.T) {
		c := f.client(t)
		cb := f.throughProvider(t, c, "/login/oidc/test", "kari")
		u := mustURL(t, cb)
		q := u.Query()
		q.Set("state", "forged"+q.Get("state"))
		u.RawQuery = q.Encode()
		resp, body := f.do(t, c, "GET", u.RequestURI(), nil)
		if resp.StatusCode != http.StatusBadRequest || sessionCookieOf(resp) != nil || !strings.Contains(body, "annen fane") {
			t.Errorf("forged state: %d", resp.StatusCode)
		}
	})

	t.Run("replayed code", func(t *testing.T) {
		c := f.client(t)
		cb := f.throughProvider(t, c, "/login/oidc/test", "kari")
		thief := f.client(t) // has the same flow cookie and the same URL
		app := mustURL(t, f.srv.URL)
		thief.Jar.SetCookies(app, c.Jar.Cookies(app))
		for _, ck := range c.Jar.Cookies(app) {
			thief.Jar.SetCookies(app, []*http.Cookie{{Name: ck.Name, Value: ck.Value, Path: "/", Secure: true}})
		}
		if resp, _ := f.do(t, c, "GET", strings.TrimPrefix(cb, f.srv.URL), nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("first use: %d", resp.StatusCode)
		}
		resp, _ := f.do(t, thief, "GET", strings.TrimPrefix(cb, f.srv.URL), nil)
		if resp.StatusCode != http.StatusUnauthorized || sessionCookieOf(resp) != nil {
			t.Errorf("replayed code: %d", resp.StatusCode)
		}
		f.refusedFor(t, "invalid code")
		// The same browser replaying it has no flow left.
		if resp, _ := f.do(t, f.client(t), "GET", strings.TrimPrefix(cb, f.srv.URL), nil); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("replay without the flow: %d", resp.StatusCode)
		}
	})

	t.Run("expired token", func(t *testing.T) {
		f.op.SetIDTokenLifetime(-10 * time.Minute)
		defer f.op.SetIDTokenLifetime(5 * time.Minute)
		c := f.client(t)
		if resp, _ := f.signInVia(t, c, "/login/oidc/test", "kari"); resp.StatusCode != http.StatusUnauthorized || f.signedIn(t, c) {
			t.Errorf("expired ID token: %d", resp.StatusCode)
		}
		f.refusedFor(t, "token is expired")
	})

	t.Run("wrong audience", func(t *testing.T) {
		f.op.SetForeignAudience("another-client")
		defer f.op.SetForeignAudience("")
		c := f.client(t)
		if resp, _ := f.signInVia(t, c, "/login/oidc/test", "kari"); resp.StatusCode != http.StatusUnauthorized || f.signedIn(t, c) {
			t.Errorf("ID token for another client: %d", resp.StatusCode)
		}
		f.refusedFor(t, "expected audience")
	})

	t.Run("unknown identity", func(t *testing.T) {
		c := f.client(t)
		resp, body := f.signInVia(t, c, "/login/oidc/test", "ola")
		if resp.StatusCode != http.StatusForbidden || f.signedIn(t, c) || !strings.Contains(body, "har ikke konto her") {
			t.Errorf("unknown identity: %d", resp.StatusCode)
		}
	})

	t.Run("key rotation", func(t *testing.T) {
		f.op.RotateKey(false) // the old key is gone at once: the verifier must fetch the new set
		c := f.client(t)
		if resp, _ := f.signInVia(t, c, "/login/oidc/test", "kari"); resp.StatusCode != http.StatusSeeOther || !f.signedIn(t, c) {
			t.Errorf("after key rotation: %d", resp.StatusCode)
		}
	})

	t.Run("single logout", func(t *testing.T) {
		c := f.client(t)
		f.signInVia(t, c, "/login/oidc/test", "kari")
		resp, body := f.do(t, c, "POST", "/logout", url.Values{})
		m := regexp.MustCompile(`id="end-session" href="([^"]+)"`).FindStringSubmatch(body)
		if resp.StatusCode != http.StatusOK || m == nil {
			t.Fatalf("logout: %d without a way on to the provider", resp.StatusCode)
		}
		loc := html.UnescapeString(m[1])
		if !strings.HasPrefix(loc, f.op.URL) || !strings.Contains(loc, "id_token_hint=") {
			t.Fatalf("logout goes on to %q; want the provider's end_session_endpoint", loc)
		}
		if f.signedIn(t, c) {
			t.Error("still signed in here")
		}
		// At the provider: signed out there, and sent back to the login page here.
		at := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		r, err := at.Get(loc)
		must(t, err)
		r.Body.Close()
		if back := r.Header.Get("Location"); !strings.HasPrefix(back, f.srv.URL+"/login") || f.op.Logouts() != 1 {
			t.Errorf("the provider (%d logouts) sent the browser to %q", f.op.Logouts(), back)
		}
	})
}

// An invitation can be accepted by signing in with a provider; the identity is linked, and
// the next sign-in finds the person by it.
func TestOIDCInvitation(t *testing.T) {
	f := newOIDCFixture(t, "eduPersonPrincipalName", "")
	f.op.AddUser(oidctest.User{Subject: "s-nora", Username: "nora", Password: opPassword, Name: "Nora Nyansatt",
		Email: "nora@uit.no", Claims: map[string]any{feideEPPN: "nora@uit.no"}}) // as Feide names it
	inv, token := f.newInvitation(t, f.own, laeringsliv.RoleParticipant)
	if _, body := f.do(t, f.client(t), "GET", "/invitations/"+token, nil); !strings.Contains(body, "Godta med Testkommune") {
		t.Error("the invitation page offers no provider")
	}
	c := f.client(t)
	resp, _ := f.signInVia(t, c, "/login/oidc/test?invitation="+url.QueryEscape(token), "nora")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != workplaceURL(f.own) {
		t.Fatalf("accept through provider: %d → %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	got, err := f.db.FindInvitation(context.Background(), inv.TokenHash)
	must(t, err)
	if got.AcceptedAt.IsZero() {
		t.Fatal("invitation not accepted")
	}
	id, err := f.db.FindIdentity(context.Background(), f.inst.ID, f.op.URL, "nora@uit.no")
	if err != nil || id.PersonID != got.AcceptedBy {
		t.Fatalf("identity %+v, %v; want linked to %d", id, err, got.AcceptedBy)
	}
	c2 := f.client(t)
	if resp, _ := f.signInVia(t, c2, "/login/oidc/test", "nora"); resp.StatusCode != http.StatusSeeOther || !f.signedIn(t, c2) {
		t.Errorf("second sign-in: %d", resp.StatusCode)
	}
}

// Self-registration for a named domain creates the person; other domains stay refused.
func TestOIDCSelfRegistration(t *testing.T) {
	f := newOIDCFixture(t, "sub", "fjordvik.kommune.no")
	f.op.AddUser(oidctest.User{Subject: "s-new", Username: "new", Password: opPassword, Name: "Ny Ansatt", Email: "ny@fjordvik.kommune.no"})
	f.op.AddUser(oidctest.User{Subject: "s-unv", Username: "unv", Password: opPassword, Name: "U", Email: "u@fjordvik.kommune.no", EmailUnverified: true})
	f.op.AddUser(oidctest.User{Subject: "s-out", Username: "out", Password: opPassword, Name: "O", Email: "o@annen.no"})
	c := f.client(t)
	if resp, _ := f.signInVia(t, c, "/login/oidc/test", "new"); resp.StatusCode != http.StatusSeeOther || !f.signedIn(t, c) {
		t.Fatalf("self-registration: %d", resp.StatusCode)
	}
	p, err := f.db.FindPersonByEmail(context.Background(), "ny@fjordvik.kommune.no")
	if err != nil || p.Name != "Ny Ansatt" {
		t.Fatalf("person %+v, %v", p, err)
	}
	for _, u := range []string{"unv", "out"} {
		if resp, _ := f.signInVia(t, f.client(t), "/login/oidc/test", u); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %d; want refused", u, resp.StatusCode)
		}
	}
}

// An institution can turn the password form off.
func TestNoPasswordLogin(t *testing.T) {
	f := newOIDCFixture(t, "email", "")
	f.server.cfg.NoPasswordLogin = true
	_, body := f.do(t, f.client(t), "GET", "/login", nil)
	if strings.Contains(body, `action="/login"`) || !strings.Contains(body, `href="/login/oidc/test"`) {
		t.Error("the password form is shown, or the provider is not")
	}
	resp, _ := f.do(t, f.client(t), "POST", "/login", url.Values{"email": {f.people[laeringsliv.RoleAdmin].Email}, "password": {testPassword}})
	if resp.StatusCode != http.StatusNotFound || sessionCookieOf(resp) != nil {
		t.Errorf("password login still works: %d", resp.StatusCode)
	}
}

// Administrators see what to register at each provider, never the client secret.
func TestSignInAdminPage(t *testing.T) {
	f := newOIDCFixture(t, "email", "fjordvik.kommune.no")
	resp, body := f.do(t, f.signIn(t, laeringsliv.RoleAdmin), "GET", "/admin/sign-in", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{f.srv.URL + "/login/oidc/test/callback", f.srv.URL + "/login", f.op.URL, "fjordvik.kommune.no", "Testkommune"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(body, "client secret") {
		t.Error("the page shows the client secret")
	}
	if resp, _ := f.do(t, f.signIn(t, laeringsliv.RoleTeacher), "GET", "/admin/sign-in", nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a teacher: %d", resp.StatusCode)
	}
}
