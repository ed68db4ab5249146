package main

// Browser tests: the whole application, started with the demo data on 127.0.0.1:0, driven
// through Debian's Chromium. Run them with `CI=true go test ./cmd/laeringsliv/ -run TestBrowser`;
// set LAERINGSLIV_SCREENSHOTS to a folder to get a PNG of each page at desktop and phone size.

import (
	"slices"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// Chromium treats http://127.0.0.1 as a secure context, so it keeps the app's Secure
// __Host- session cookie over plain HTTP and the tests need no TLS.
func TestBrowserSecureCookieOnLoopback(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, ctx, m.URL(), loginFor(t, m, laeringsliv.RoleParticipant), "/")

	c := cookies(t, ctx, m.URL()+"/")["__Host-session"]
	if c == nil {
		t.Fatalf("Chromium did not keep __Host-session on %s; cookies: %v", m.URL(), cookies(t, ctx, m.URL()+"/"))
	}
	if !c.Secure || !c.HTTPOnly || c.Path != "/" {
		t.Errorf("__Host-session: secure %v, httpOnly %v, path %q; want Secure, HttpOnly, /", c.Secure, c.HTTPOnly, c.Path)
	}
	// The cookie is sent back: the next page is still signed in.
	browsertest.Navigate(t, ctx, m.URL()+"/account/password")
	if got := path(t, ctx); got != "/account/password" {
		t.Errorf("after signing in, /account/password went to %s", got)
	}
}

// Each demo role signs in through the login form and sees on the dashboard exactly the
// workplaces it may see; a participant asking for another workplace gets the 403 page.
func TestBrowserRolesSeeOnlyTheirWorkplaces(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	var all []string
	for _, w := range workplaces(t, m) {
		all = append(all, w.Name)
	}
	slices.Sort(all)
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleParticipant))
	own := []string{home.Name}

	for _, r := range []laeringsliv.Role{laeringsliv.RoleLeader, laeringsliv.RoleUnionRep} {
		if w := homeWorkplace(t, m, loginFor(t, m, r)); w.ID != home.ID {
			t.Fatalf("demo: the %s login is at %s, the participant at %s", r, w.Name, home.Name)
		}
	}
	want := map[laeringsliv.Role][]string{
		laeringsliv.RoleParticipant: own, laeringsliv.RoleLeader: own, laeringsliv.RoleUnionRep: own,
		laeringsliv.RoleTeacher: all, laeringsliv.RoleAdmissions: all, laeringsliv.RoleAdmin: all,
	}
	for _, l := range m.Logins {
		t.Run(string(l.Role), func(t *testing.T) {
			ctx := b.NewTab(t, norwegian(browsertest.Desktop))
			signIn(t, ctx, m.URL(), l, "/")
			got := eval[[]string](t, ctx, `[...document.querySelectorAll('main a[href^="/workplaces/"]')].map(a => a.textContent.trim()).sort()`)
			if !slices.Equal(got, want[l.Role]) {
				t.Errorf("dashboard lists %q, want %q", got, want[l.Role])
			}
			admin := eval[bool](t, ctx, `!!document.querySelector('nav.app-nav a[href="/admin"]')`)
			if admin != (l.Role == laeringsliv.RoleAdmin) {
				t.Errorf("Administrasjon link shown: %v", admin)
			}
		})
	}

	t.Run("participant/foreign workplace", func(t *testing.T) {
		ctx := b.NewTab(t, norwegian(browsertest.Desktop))
		signIn(t, ctx, m.URL(), loginFor(t, m, laeringsliv.RoleParticipant), "/")
		for _, w := range workplaces(t, m) {
			if w.ID == home.ID {
				continue
			}
			url := m.URL() + "/workplaces/" + itoa(w.ID)
			if status := open(t, ctx, url); status != 403 {
				t.Errorf("GET %s (%s): status %d, want 403", url, w.Name, status)
			}
			if text := mainText(t, ctx); !strings.Contains(text, "Du har ikke tilgang") || strings.Contains(text, w.Name) {
				t.Errorf("%s: page says %q; want the Norwegian 403 page, without the workplace", w.Name, text)
			}
		}
	})
}
