package main

// Browser tests: the whole application, started with the demo data on 127.0.0.1:0, driven
// through Debian's Chromium. Run them with `CI=true go test ./cmd/laeringsliv/ -run TestBrowser`;
// set LAERINGSLIV_SCREENSHOTS to a folder to get a PNG of each page at desktop and phone size.

import (
	"context"
	"os"
	"slices"
	"strings"
	"sync/atomic"
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

// A page of the app to visit: where it is and the status it answers with.
type appPage struct {
	name   string
	path   string
	status int64
}

// languages are the interface languages with the name of their link in the header and how
// the main navigation's first link reads in each.
var languages = []struct{ code, link, dashboard, skip string }{
	{"nb", "Bokmål", "Mine arbeidsplasser", "Hopp til hovedinnhold"},
	{"nn", "Nynorsk", "Mine arbeidsplassar", "Hopp til hovudinnhald"},
	{"en", "English", "My workplaces", "Skip to main content"},
}

// pagesFor lists every page role may see, plus the error pages it meets.
func pagesFor(t *testing.T, m *Main, role laeringsliv.Role) []appPage {
	t.Helper()
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleParticipant))
	pid := itoa(home.ProgrammeID)
	pages := []appPage{
		{"dashboard", "/", 200},
		{"workplace", "/workplaces/" + itoa(home.ID), 200},
		{"programme", "/programmes/" + pid, 200},
		{"password", "/account/password", 200},
		{"404", "/finnes-ikke", 404},
	}
	switch role {
	case laeringsliv.RoleParticipant:
		for _, w := range workplaces(t, m) {
			if w.ID != home.ID {
				pages = append(pages, appPage{"403", "/workplaces/" + itoa(w.ID), 403})
				break
			}
		}
	case laeringsliv.RoleAdmin:
		pages = append(pages,
			appPage{"admin", "/admin", 200},
			appPage{"programme-new", "/admin/programmes/new", 200},
			appPage{"programme-edit", "/admin/programmes/" + pid + "/edit", 200},
			appPage{"workplace-new", "/admin/workplaces/new", 200},
			appPage{"workplace-edit", "/admin/workplaces/" + itoa(home.ID) + "/edit", 200},
		)
	}
	return pages
}

// switchLanguage follows the header's link to the language and checks the page it lands on.
func switchLanguage(t *testing.T, ctx context.Context, code string) {
	t.Helper()
	before := path(t, ctx)
	clickAndWait(t, ctx, `header nav.app-lang a[hreflang="`+code+`"]`)
	if got := pageLang(t, ctx); got != code {
		t.Fatalf("after choosing %s: <html lang=%q>", code, got)
	}
	if got := path(t, ctx); got != before {
		t.Errorf("choosing %s on %s led to %s, want the same page", code, before, got)
	}
}

// checkLanguage checks that the page is in the language: its lang attribute and a known
// string (the main navigation's first link when signed in, the skip link otherwise).
func checkLanguage(t *testing.T, ctx context.Context, name, code string, signedIn bool) {
	t.Helper()
	if got := pageLang(t, ctx); got != code {
		t.Errorf("%s: <html lang=%q>, want %q", name, got, code)
	}
	for _, l := range languages {
		if l.code != code {
			continue
		}
		sel, want := `a.ds-skip-link`, l.skip
		if signedIn {
			sel, want = `nav.app-nav a[href="/"]`, l.dashboard
		}
		if got := eval[string](t, ctx, `document.querySelector('`+sel+`')?.textContent.trim() ?? ""`); got != want {
			t.Errorf("%s in %s: %s reads %q, want %q", name, code, sel, got, want)
		}
	}
}

// Every page of the app, as each role that may see it, passes axe (WCAG 2.1 A and AA) in
// Bokmål, Nynorsk and English; the language chosen in the header sticks from page to page.
func TestBrowserEveryPageInEveryLanguage(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	var axeRuns atomic.Int64
	t.Cleanup(func() { t.Logf("axe ran on %d pages", axeRuns.Load()) })

	t.Run("signed out", func(t *testing.T) {
		ctx := b.NewTab(t, norwegian(browsertest.Desktop))
		pages := []appPage{{"login", "/login", 200}, {"404", "/finnes-ikke", 404}}
		browsertest.Navigate(t, ctx, m.URL()+"/login")
		for _, l := range languages {
			switchLanguage(t, ctx, l.code)
			for _, p := range pages {
				visit(t, ctx, m, p, l.code, false)
				axeRuns.Add(1)
			}
		}
	})
	for _, login := range m.Logins {
		t.Run(string(login.Role), func(t *testing.T) {
			ctx := b.NewTab(t, norwegian(browsertest.Desktop))
			signIn(t, ctx, m.URL(), login, "/")
			pages := pagesFor(t, m, login.Role)
			for _, l := range languages {
				switchLanguage(t, ctx, l.code)
				for _, p := range pages {
					visit(t, ctx, m, p, l.code, true)
					axeRuns.Add(1)
					if l.code == "nb" {
						shot(t, ctx, "desktop-"+string(login.Role)+"-"+p.name)
					}
				}
			}
			if os.Getenv("LAERINGSLIV_SCREENSHOTS") != "" {
				phone := b.NewTab(t, norwegian(browsertest.Phone))
				signIn(t, phone, m.URL(), login, "/")
				for _, p := range pages {
					browsertest.Navigate(t, phone, m.URL()+p.path)
					shot(t, phone, "phone-"+string(login.Role)+"-"+p.name)
				}
			}
		})
	}
}

// visit opens the page, checks its status and language, and runs axe on it.
func visit(t *testing.T, ctx context.Context, m *Main, p appPage, lang string, signedIn bool) {
	t.Helper()
	if status := open(t, ctx, m.URL()+p.path); status != p.status {
		t.Errorf("%s %s: status %d, want %d", p.name, p.path, status, p.status)
	}
	checkLanguage(t, ctx, p.name, lang, signedIn)
	browsertest.AssertAxe(t, ctx, p.name+" ("+lang+")")
}

// The language chosen in the header is saved on the signed-in person: it holds after
// signing out and in again, and in a browser that has never seen the choice.
func TestBrowserLanguageIsRemembered(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	l := loginFor(t, m, laeringsliv.RoleLeader)
	home := homeWorkplace(t, m, l)

	ctx := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, ctx, m.URL(), l, "/")
	checkLanguage(t, ctx, "dashboard", "nb", true)
	switchLanguage(t, ctx, "nn")
	checkLanguage(t, ctx, "dashboard", "nn", true)
	if h1 := eval[string](t, ctx, `document.querySelector("h1").textContent`); h1 != "Mine arbeidsplassar" {
		t.Errorf("dashboard heading in Nynorsk: %q", h1)
	}
	browsertest.Navigate(t, ctx, m.URL()+"/workplaces/"+itoa(home.ID))
	checkLanguage(t, ctx, "workplace", "nn", true)

	signOut(t, ctx)
	checkLanguage(t, ctx, "login after signing out", "nn", false)
	signIn(t, ctx, m.URL(), l, "/")
	checkLanguage(t, ctx, "dashboard after signing in again", "nn", true)

	// A fresh browser asks for Bokmål and has no language cookie; the person's choice wins.
	other := b.NewTab(t, norwegian(browsertest.Desktop))
	browsertest.Navigate(t, other, m.URL()+"/login")
	checkLanguage(t, other, "login in a fresh browser", "nb", false)
	signIn(t, other, m.URL(), l, "/")
	checkLanguage(t, other, "dashboard in a fresh browser", "nn", true)

	switchLanguage(t, other, "en")
	third := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, third, m.URL(), l, "/")
	checkLanguage(t, third, "dashboard after choosing English elsewhere", "en", true)
}

// signOut presses the header's sign-out button and checks it lands on the login page.
func signOut(t *testing.T, ctx context.Context) {
	t.Helper()
	clickAndWait(t, ctx, `form.app-logout button[type=submit]`)
	if got := path(t, ctx); got != "/login" {
		t.Fatalf("signing out led to %s, want /login", got)
	}
}

// Signing out returns to the login page with a notice, and the dashboard then asks for a
// login again.
func TestBrowserSignOut(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, ctx, m.URL(), loginFor(t, m, laeringsliv.RoleParticipant), "/")
	signOut(t, ctx)
	notice := eval[string](t, ctx, `document.querySelector('main [role="status"]')?.textContent.trim() ?? ""`)
	if notice != "Du er logget ut." {
		t.Errorf("after signing out the notice is %q, want %q", notice, "Du er logget ut.")
	}
	if c := cookies(t, ctx, m.URL()+"/")["__Host-session"]; c != nil {
		t.Errorf("session cookie kept after signing out: %+v", c)
	}
	browsertest.Navigate(t, ctx, m.URL()+"/")
	if got := path(t, ctx); got != "/login" {
		t.Errorf("the dashboard after signing out went to %s, want /login", got)
	}
	if strings.Contains(mainText(t, ctx), "Du er logget ut.") {
		t.Error("the signed-out notice shows a second time")
	}
}
