package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

func sessionCookieOf(resp *http.Response) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie {
			return c
		}
	}
	return nil
}

func TestLogin(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	email := f.people[laeringsliv.RoleParticipant].Email
	for _, tc := range []struct {
		name       string
		form       url.Values
		wantStatus int
		wantMaxAge bool // a persistent cookie (own device) or a browser-session one (shared)
	}{
		{"own device", url.Values{"email": {email}, "password": {testPassword}}, http.StatusSeeOther, true},
		{"shared device", url.Values{"email": {strings.ToUpper(email)}, "password": {testPassword}, "shared_device": {"on"}}, http.StatusSeeOther, false},
		{"wrong password", url.Values{"email": {email}, "password": {"feil passord her"}}, http.StatusUnauthorized, false},
		{"unknown e-mail", url.Values{"email": {"ingen@x.no"}, "password": {testPassword}}, http.StatusUnauthorized, false},
		{"empty", url.Values{}, http.StatusUnauthorized, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := f.do(t, f.client(t), "POST", "/login", tc.form)
			if resp.StatusCode != tc.wantStatus {
				t.Fatalf("status %d; want %d", resp.StatusCode, tc.wantStatus)
			}
			c := sessionCookieOf(resp)
			if tc.wantStatus != http.StatusSeeOther {
				if c != nil {
					t.Fatal("a failed login set a session cookie")
				}
				if !strings.Contains(body, "E-postadressen eller passordet er feil") {
					t.Error("no clear message in Norwegian")
				}
				return
			}
			if c == nil || !c.Secure || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
				t.Fatalf("session cookie %+v is not Secure, HttpOnly and SameSite", c)
			}
			if got := c.MaxAge > 0; got != tc.wantMaxAge {
				t.Errorf("persistent cookie = %v; want %v", got, tc.wantMaxAge)
			}
		})
	}
}

// Failed logins slow the next attempt down for a few seconds, with a clear message, but
// never lock the owner out.
func TestLoginRateLimited(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	email := f.people[laeringsliv.RoleTeacher].Email
	c := f.client(t)
	for i := 0; i < freeFailures; i++ {
		f.do(t, c, "POST", "/login", url.Values{"email": {email}, "password": {"galt galt galt"}})
	}
	resp, body := f.do(t, c, "POST", "/login", url.Values{"email": {email}, "password": {testPassword}})
	if resp.StatusCode != http.StatusTooManyRequests || sessionCookieOf(resp) != nil || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("status %d after %d failures; want 429, Retry-After and no session", resp.StatusCode, freeFailures)
	}
	if !strings.Contains(body, "Vent noen sekunder") {
		t.Error("no clear message")
	}
	time.Sleep(time.Second + 100*time.Millisecond)
	resp, _ = f.do(t, c, "POST", "/login", url.Values{"email": {email}, "password": {testPassword}})
	if resp.StatusCode != http.StatusSeeOther || sessionCookieOf(resp) == nil {
		t.Fatalf("the owner's right password after the wait: status %d; want a session", resp.StatusCode)
	}
}

func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	resp, _ := f.do(t, f.client(t), "GET", "/login", nil)
	csp := resp.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "http") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q allows an external host or inline code", csp)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Strict-Transport-Security") == "" {
		t.Errorf("headers: %v", resp.Header)
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	c := f.signIn(t, laeringsliv.RoleAdmin)
	req, _ := http.NewRequest("POST", f.srv.URL+"/admin/institution", strings.NewReader("name=Hacked"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	resp, err := c.Do(req)
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-origin POST: status %d; want 403", resp.StatusCode)
	}
	inst, err := f.db.FindInstitution(context.Background(), f.inst.ID)
	must(t, err)
	if inst.Name != f.inst.Name {
		t.Fatalf("institution renamed to %q by a cross-origin request", inst.Name)
	}
}

func TestInvitationFlow(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	resp, body := f.do(t, teacher, "POST", "/workplaces/"+itoa(f.own.ID)+"/invitations",
		url.Values{"role": {"union_rep"}, "email": {"ny@fjordvik.kommune.no"}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("create invitation: status %d", resp.StatusCode)
	}
	i := strings.Index(body, "/invitations/")
	if i < 0 {
		t.Fatal("no invitation link on the page")
	}
	link := body[i : i+len("/invitations/")+43]

	visitor := f.client(t)
	resp, body = f.do(t, visitor, "GET", link, nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "ny@fjordvik.kommune.no") || !strings.Contains(body, f.own.Name) {
		t.Fatalf("invitation page: status %d", resp.StatusCode)
	}
	// A short password is refused with a message, and the name typed is kept.
	resp, body = f.do(t, visitor, "POST", link, url.Values{"name": {"Nils Ny"}, "email": {"ny@fjordvik.kommune.no"}, "password": {"kort"}, "confirm": {"kort"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "minst 10 tegn") || !strings.Contains(body, `value="Nils Ny"`) {
		t.Fatalf("short password: status %d", resp.StatusCode)
	}
	resp, _ = f.do(t, visitor, "POST", link, url.Values{"name": {"Nils Ny"}, "email": {"ny@fjordvik.kommune.no"}, "password": {"et langt passord"}, "confirm": {"et langt passord"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/workplaces/"+itoa(f.own.ID) || sessionCookieOf(resp) == nil {
		t.Fatalf("accept: status %d, location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	// The new person is signed in and lands in the workplace with the invited role.
	resp, body = f.do(t, visitor, "GET", "/workplaces/"+itoa(f.own.ID), nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Nils Ny") {
		t.Fatalf("workplace after accepting: status %d", resp.StatusCode)
	}
	p, err := f.db.FindPersonByEmail(context.Background(), "ny@fjordvik.kommune.no")
	must(t, err)
	ms, err := f.db.FindMemberships(context.Background(), laeringsliv.MembershipFilter{PersonID: p.ID})
	must(t, err)
	if len(ms) != 1 || ms[0].Role != laeringsliv.RoleUnionRep || ms[0].WorkplaceID != f.own.ID {
		t.Fatalf("memberships %+v", ms)
	}
	// The link works once.
	resp, _ = f.do(t, f.client(t), "GET", link, nil)
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("used link: status %d; want 404", resp.StatusCode)
	}
}

func TestChangePasswordSignsOutOtherSessions(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	here := f.signIn(t, laeringsliv.RoleLeader)
	there := f.signIn(t, laeringsliv.RoleLeader)
	resp, _ := f.do(t, here, "POST", "/account/password", url.Values{"current": {"feil passord!!"}, "new": {"nytt langt passord"}, "confirm": {"nytt langt passord"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("wrong current password: status %d", resp.StatusCode)
	}
	resp, _ = f.do(t, here, "POST", "/account/password", url.Values{"current": {testPassword}, "new": {"nytt langt passord"}, "confirm": {"nytt langt passord"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("change: status %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, here, "GET", "/", nil); resp.StatusCode != http.StatusOK {
		t.Errorf("this session: status %d; want 200", resp.StatusCode)
	}
	if resp, _ := f.do(t, there, "GET", "/", nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("other session: status %d; want a redirect to login", resp.StatusCode)
	}
	resp, _ = f.do(t, f.client(t), "POST", "/login", url.Values{"email": {f.people[laeringsliv.RoleLeader].Email}, "password": {"nytt langt passord"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("login with the new password: status %d", resp.StatusCode)
	}
}

func TestLanguageSwitchIsRemembered(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	c := f.signIn(t, laeringsliv.RoleParticipant)
	resp, _ := f.do(t, c, "GET", "/lang/nn?next=/account/password", nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/account/password" {
		t.Fatalf("switch: status %d location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body := f.do(t, c, "GET", "/", nil)
	if !strings.Contains(body, `lang="nn"`) || !strings.Contains(body, "Dette ventar på deg") {
		t.Error("page is not in Nynorsk after switching")
	}
	p, err := f.db.FindPerson(context.Background(), f.people[laeringsliv.RoleParticipant].ID)
	must(t, err)
	if p.Locale != "nn" {
		t.Errorf("saved locale %q; want nn", p.Locale)
	}
	// An English browser, not signed in, gets English; an off-site next is ignored.
	req, _ := http.NewRequest("GET", f.srv.URL+"/login", nil)
	req.Header.Set("Accept-Language", "en-GB,en;q=0.8")
	resp, err = f.client(t).Do(req)
	must(t, err)
	resp.Body.Close()
	if resp.Header.Get("Content-Language") != "en" {
		t.Errorf("Content-Language %q; want en", resp.Header.Get("Content-Language"))
	}
	resp, _ = f.do(t, f.client(t), "GET", "/lang/en?next=//evil.example", nil)
	if resp.Header.Get("Location") != "/" {
		t.Errorf("off-site next followed: %q", resp.Header.Get("Location"))
	}
}

func TestOperations(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	c := f.client(t)
	for _, path := range []string{"/healthz", "/readyz"} {
		if resp, _ := f.do(t, c, "GET", path, nil); resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", path, resp.StatusCode)
		}
	}
	// Metrics are for the operators' listener only (no token is configured here).
	if resp, _ := f.do(t, c, "GET", "/metrics", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("public /metrics: status %d; want 404", resp.StatusCode)
	}
	f.do(t, c, "GET", "/login", nil)
	body := f.metrics(t)
	if !strings.Contains(body, `laeringsliv_http_requests_total{route="GET /login",status="200"}`) {
		t.Errorf("metrics lack the login request:\n%s", body)
	}
	f.db.Close()
	if resp, _ := f.do(t, c, "GET", "/readyz", nil); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz with a closed database: status %d; want 503", resp.StatusCode)
	}
}

func TestStaticAssets(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	req, _ := http.NewRequest("GET", f.srv.URL+f.server.assets.url("app.css"), nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := f.srv.Client().Transport.RoundTrip(req)
	must(t, err)
	resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("headers %v", resp.Header)
	}
}

// metrics reads /metrics through the operators' handler, as a scraper on --admin-addr does.
func (f *fixture) metrics(t *testing.T) string {
	t.Helper()
	rec := httptest.NewRecorder()
	f.server.AdminHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("admin /metrics: status %d", rec.Code)
	}
	return rec.Body.String()
}
