package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time           { return c.t }
func (c *fakeClock) add(d time.Duration)      { c.t = c.t.Add(d) }
func newFakeClock() *fakeClock                { return &fakeClock{t: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)} }
func attempt(email, addr string) loginAttempt { return loginAttempt{email: email, addr: addr} }

// guess makes attempts as fast as the limiter allows for d, counting the passwords checked.
func guess(l *loginLimiter, c *fakeClock, a loginAttempt, d time.Duration) (checked int) {
	for end := c.t.Add(d); c.t.Before(end); c.add(100 * time.Millisecond) {
		if l.wait(a) == 0 {
			l.failed(a)
			checked++
		}
	}
	return checked
}

func TestLoginLimiterNeverLocksOut(t *testing.T) {
	c := newFakeClock()
	l := newLoginLimiter(c.now)
	attacker := attempt("eier@x.no", "192.0.2.66")
	checked := guess(l, c, attacker, time.Hour)
	if checked > 3600/int(maxLoginDelay.Seconds())+freeFailures+10 {
		t.Errorf("%d passwords checked in an hour from one address", checked)
	}
	t.Logf("one address guessing one account for an hour: %d passwords checked", checked)
	if w := l.wait(attempt("eier@x.no", "198.51.100.7")); w != 0 {
		t.Errorf("the owner from another address waits %v", w)
	}
	if w := l.wait(attacker); w > maxLoginDelay {
		t.Errorf("the owner from the attacker's address waits %v; want at most %v", w, maxLoginDelay)
	}
	if w := l.wait(attempt("kollega@x.no", "198.51.100.7")); w != 0 {
		t.Errorf("another account waits %v", w)
	}
	withDevice := attacker
	withDevice.device = "nonce"
	l2 := newLoginLimiter(c.now)
	guess(l2, c, attacker, time.Minute)
	if w := l2.wait(withDevice); w != 0 {
		t.Errorf("a browser with a device cookie waits %v", w)
	}
}

func TestLoginLimiterDelays(t *testing.T) {
	c := newFakeClock()
	l := newLoginLimiter(c.now)
	a := attempt("a@x.no", "192.0.2.1")
	var got []time.Duration
	for range 7 {
		got = append(got, l.wait(a))
		l.failed(a)
	}
	want := []time.Duration{0, 0, 0, time.Second, 2 * time.Second, 4 * time.Second, 4 * time.Second}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("waits %v; want %v (counted without the clock moving)", got, want)
	}
	c.add(loginWindow + time.Second)
	if w := l.wait(a); w != 0 {
		t.Errorf("after the window: wait %v", w)
	}
	// Spread over many addresses, the account slows down for browsers without a device cookie.
	for i := range distinctAddrs + 1 {
		for range freeFailures + 1 {
			l.failed(attempt("b@x.no", fmt.Sprintf("203.0.113.%d", i)))
		}
	}
	if w := l.wait(attempt("b@x.no", "198.51.100.1")); w == 0 {
		t.Error("a distributed guess does not slow the account")
	}
	if w := l.wait(loginAttempt{email: "b@x.no", addr: "198.51.100.1", device: "n"}); w != 0 {
		t.Errorf("the owner's known browser waits %v", w)
	}
	// A device cookie used for many wrong passwords stops counting.
	for range deviceMaxFailures {
		l.failed(loginAttempt{email: "c@x.no", addr: "198.51.100.2", device: "bad"})
	}
	if l.trustedDevice("bad") {
		t.Error("a device cookie used for guessing still exempts")
	}
}

func TestDeviceCookie(t *testing.T) {
	c := newFakeClock()
	d := newDevices([]byte("0123456789abcdef0123456789abcdef"), c.now)
	rec := httptest.NewRecorder()
	d.issue(rec, "Eier@X.no")
	cookie := rec.Result().Cookies()[0]
	if !cookie.Secure || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Errorf("cookie %+v", cookie)
	}
	r := httptest.NewRequest("POST", "/login", nil)
	r.AddCookie(cookie)
	if _, ok := d.read(r, "eier@x.no"); !ok {
		t.Error("own cookie refused")
	}
	if _, ok := d.read(r, "annen@x.no"); ok {
		t.Error("cookie accepted for another account")
	}
	other := newDevices([]byte("another key, another deployment!"), c.now)
	if _, ok := other.read(r, "eier@x.no"); ok {
		t.Error("cookie accepted under another key")
	}
	c.add(deviceLifetime + time.Second)
	if _, ok := d.read(r, "eier@x.no"); ok {
		t.Error("expired cookie accepted")
	}
}

func FuzzDeviceCookie(f *testing.F) {
	c := newFakeClock()
	d := newDevices([]byte("0123456789abcdef0123456789abcdef"), c.now)
	rec := httptest.NewRecorder()
	d.issue(rec, "a@x.no")
	f.Add(rec.Result().Cookies()[0].Value)
	f.Add("a.b.c.d")
	f.Add("...")
	f.Fuzz(func(t *testing.T, v string) {
		if id, ok := d.parse(v, "a@x.no"); ok && id.nonce == "" {
			t.Fatalf("accepted %q without a nonce", v)
		}
	})
}

// Over HTTP: the owner's browser that signed in before carries a device cookie and signs in at
// once while someone at the same address is being slowed down guessing the same account.
func TestDeviceCookieExemptsOwner(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	email := f.people[laeringsliv.RoleLeader].Email
	owner := f.client(t)
	resp, _ := f.do(t, owner, "POST", "/login", url.Values{"email": {email}, "password": {testPassword}})
	if resp.StatusCode != http.StatusSeeOther || !hasCookie(resp, deviceCookie) {
		t.Fatalf("first sign-in: %d, device cookie %v", resp.StatusCode, hasCookie(resp, deviceCookie))
	}
	f.do(t, owner, "POST", "/logout", url.Values{})
	attacker := f.client(t)
	for range freeFailures + 2 {
		f.do(t, attacker, "POST", "/login", url.Values{"email": {email}, "password": {"galt galt galt"}})
	}
	if resp, _ := f.do(t, f.client(t), "POST", "/login", url.Values{"email": {email}, "password": {testPassword}}); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("a new browser at the same address: %d; want 429", resp.StatusCode)
	}
	if resp, _ := f.do(t, owner, "POST", "/login", url.Values{"email": {email}, "password": {testPassword}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the owner's known browser: %d; want signed in at once", resp.StatusCode)
	}
	shared := f.client(t)
	resp, _ = f.do(t, shared, "POST", "/login", url.Values{"email": {f.people[laeringsliv.RoleTeacher].Email},
		"password": {testPassword}, "shared_device": {"on"}})
	if hasCookie(resp, deviceCookie) {
		t.Error("a shared computer got a device cookie")
	}
}

func hasCookie(resp *http.Response, name string) bool {
	for _, c := range resp.Cookies() {
		if c.Name == name && c.Value != "" {
			return true
		}
	}
	return false
}

func TestLoginLimiterBoundsMemory(t *testing.T) {
	c := newFakeClock()
	l := newLoginLimiter(c.now)
	for i := range maxLimiterKey {
		l.failed(attempt(fmt.Sprintf("u%d@x.no", i), fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255)))
	}
	if n := len(l.counts); n > maxLimiterKey+3 {
		t.Errorf("%d keys kept; want at most about %d", n, maxLimiterKey)
	}
}
