package main

// Browser tests: the whole application, started with the demo data on 127.0.0.1:0, driven
// through Debian's Chromium. Run them with `CI=true go test ./cmd/laeringsliv/ -run TestBrowser`;
// set LAERINGSLIV_SCREENSHOTS to a folder to get a PNG of each page at desktop and phone size.

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

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

	for _, r := range []laeringsliv.Role{laeringsliv.RoleContributor, laeringsliv.RoleLeader, laeringsliv.RoleUnionRep} {
		if w := homeWorkplace(t, m, loginFor(t, m, r)); w.ID != home.ID {
			t.Fatalf("demo: the %s login is at %s, the participant at %s", r, w.Name, home.Name)
		}
	}
	want := map[laeringsliv.Role][]string{
		laeringsliv.RoleParticipant: own, laeringsliv.RoleContributor: own, laeringsliv.RoleLeader: own,
		laeringsliv.RoleUnionRep: own, laeringsliv.RoleTeacher: all, laeringsliv.RoleAdmissions: all, laeringsliv.RoleAdmin: all,
	}
	for _, l := range m.Logins {
		t.Run(string(l.Role), func(t *testing.T) {
			ctx := b.NewTab(t, norwegian(browsertest.Desktop))
			signIn(t, ctx, m.URL(), l, "/")
			got := eval[[]string](t, ctx, `[...document.querySelectorAll('#dash-places-section a[href^="/workplaces/"]')].map(a => a.textContent.trim()).sort()`)
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
	{"nb", "Bokmål", "Start", "Hopp til hovedinnhold"},
	{"nn", "Nynorsk", "Start", "Hopp til hovudinnhald"},
	{"en", "English", "Home", "Skip to main content"},
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
		{"consent", "/programmes/" + pid + "/consent", 200},
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
			appPage{"admin-sign-in", "/admin/sign-in", 200},
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
				if l.code == "nb" {
					shot(t, ctx, "desktop-signed-out-"+p.name)
				}
			}
		}
		if os.Getenv("LAERINGSLIV_SCREENSHOTS") != "" {
			phone := b.NewTab(t, norwegian(browsertest.Phone))
			for _, p := range pages {
				browsertest.Navigate(t, phone, m.URL()+p.path)
				shot(t, phone, "phone-signed-out-"+p.name)
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
				switchLanguage(t, ctx, "nb") // saved on the person, so the phone shows Bokmål
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
	if h1 := eval[string](t, ctx, `document.querySelector("h1").textContent`); h1 != "Dette ventar på deg" {
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

// A teacher creates an invitation on the workplace page; a new person opens the link on a
// phone in another browser, first trips over a too-short password, then creates an account
// and lands on the workplace, signed in and listed among its people.
func TestBrowserInviteAndAccept(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleParticipant))
	const email, name = "ingrid.testesen@example.no", "Ingrid Testesen"

	teacher := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, teacher, m.URL(), loginFor(t, m, laeringsliv.RoleTeacher), "/")
	browsertest.Navigate(t, teacher, m.URL()+"/workplaces/"+itoa(home.ID))
	do(t, teacher,
		chromedp.SetValue(chromedp.CSS("#f-role"), string(laeringsliv.RoleParticipant)),
		chromedp.SendKeys(chromedp.CSS("#f-email"), email))
	clickAndWait(t, teacher, `form[action$="/invitations"] button[type=submit]`)
	link := eval[string](t, teacher, `document.querySelector("#f-link")?.value ?? ""`)
	if !strings.HasPrefix(link, m.URL()+"/invitations/") || !eval[bool](t, teacher, `document.querySelector("#f-link").readOnly`) {
		t.Fatalf("invitation link %q (want a read-only %s/invitations/… field); page says:\n%s", link, m.URL(), mainText(t, teacher))
	}
	browsertest.AssertAxe(t, teacher, "workplace with new invitation link (nb)")
	shot(t, teacher, "desktop-teacher-workplace-invitation-link")
	browsertest.Navigate(t, teacher, m.URL()+"/workplaces/"+itoa(home.ID))
	if eval[bool](t, teacher, `!!document.querySelector("#f-link")`) {
		t.Error("the invitation link is shown a second time")
	}

	phone := b.NewTab(t, norwegian(browsertest.Phone))
	if status := open(t, phone, link); status != 200 {
		t.Fatalf("invitation page: status %d", status)
	}
	if got := eval[string](t, phone, `document.querySelector("#f-email").value`); got != email {
		t.Errorf("e-mail field holds %q, want the invitation's %q", got, email)
	}
	for _, l := range []string{"nn", "en", "nb"} {
		switchLanguage(t, phone, l)
		checkLanguage(t, phone, "invitation", l, false)
		browsertest.AssertAxe(t, phone, "invitation ("+l+")")
	}
	shot(t, phone, "phone-invitation")

	// A short password is refused by the server, not by the browser (whose own bubble would be
	// in the browser's language): the message is in Norwegian and the typed name is kept.
	do(t, phone,
		chromedp.SendKeys(chromedp.CSS("#f-name"), name),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "kort"),
		chromedp.SendKeys(chromedp.CSS("#f-confirm"), "kort"))
	clickAndWait(t, phone, `main form.app-form button[type=submit]`)
	if text := mainText(t, phone); !strings.Contains(text, "Passordet må ha minst 10 tegn.") {
		t.Errorf("no Norwegian error for a short password; page says:\n%s", text)
	}
	if got := eval[string](t, phone, `document.querySelector("#f-name").value`); got != name {
		t.Errorf("name field holds %q after the error, want %q", got, name)
	}
	if got := eval[string](t, phone, `document.querySelector("#f-password").getAttribute("aria-invalid") ?? ""`); got != "true" {
		t.Errorf("password field aria-invalid=%q, want true", got)
	}
	browsertest.AssertAxe(t, phone, "invitation with errors (nb)")
	shot(t, phone, "phone-invitation-errors")

	do(t, phone,
		chromedp.SendKeys(chromedp.CSS("#f-password"), "en lang og god setning"),
		chromedp.SendKeys(chromedp.CSS("#f-confirm"), "en lang og god setning"))
	clickAndWait(t, phone, `main form.app-form button[type=submit]`)
	if got, want := path(t, phone), "/workplaces/"+itoa(home.ID); got != want {
		t.Fatalf("after creating the account: %s, want %s; page says:\n%s", got, want, mainText(t, phone))
	}
	who := eval[string](t, phone, `document.querySelector(".app-who")?.textContent.trim() ?? ""`)
	people := eval[[]string](t, phone, `[...document.querySelectorAll("#people ~ .app-table-wrap tbody tr td:first-child")].map(td => td.textContent.trim())`)
	if who != name || !slices.Contains(people, name) {
		t.Errorf("signed in as %q; people table %q; want %q in both", who, people, name)
	}
	browsertest.AssertAxe(t, phone, "workplace as the new participant (nb)")
}

// A keyboard user signs in with Tab, typing and Enter only; the skip link comes first and
// moves focus to the main content.
func TestBrowserKeyboardLogin(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	l := loginFor(t, m, laeringsliv.RoleParticipant)
	ctx := b.NewTab(t, norwegian(browsertest.Desktop))
	browsertest.Navigate(t, ctx, m.URL()+"/login")

	// The e-mail field has autofocus, so a keyboard user starts there; going back with
	// Shift+Tab reaches the skip link at the top of the page.
	if got := browsertest.WaitFocused(t, ctx, "input#f-email", 5*time.Second); !strings.HasPrefix(got, "input#f-email") {
		t.Errorf("on load focus is on %s, want the e-mail field (autofocus)", got)
	}
	var back []string
	for range 10 {
		do(t, ctx, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
		got := browsertest.Focused(t, ctx)
		back = append(back, got)
		if strings.HasPrefix(got, "a") && strings.Contains(got, "Hopp til hovedinnhold") {
			break
		}
	}
	if last := back[len(back)-1]; !strings.Contains(last, "Hopp til hovedinnhold") {
		t.Fatalf("Shift+Tab from the e-mail field never reached the skip link:\n  %s", strings.Join(back, "\n  "))
	}

	// From the top: the skip link, then the header, then the e-mail field.
	var forward []string
	for range 10 {
		browsertest.PressTab(t, ctx, 1)
		got := browsertest.Focused(t, ctx)
		forward = append(forward, got)
		if strings.HasPrefix(got, "input#f-email") {
			break
		}
	}
	want := []string{`a "Læringslivet"`, `a "Bokmål"`, `a "Nynorsk"`, `a "English"`, `input#f-email[name=email] "E-postadresse"`}
	if !slices.Equal(forward, want) {
		t.Errorf("Tab order from the skip link:\n  %s\nwant\n  %s", strings.Join(forward, "\n  "), strings.Join(want, "\n  "))
	}
	browsertest.TypeText(t, ctx, l.Email)
	if n := browsertest.TabTo(t, ctx, "input#f-password", 3); n != 1 {
		t.Errorf("password field reached after %d Tabs, want 1", n)
	}
	browsertest.TypeText(t, ctx, l.Password)
	browsertest.PressEnterAndWait(t, ctx)
	if got := path(t, ctx); got != "/" {
		t.Fatalf("Enter in the password field led to %s, want the dashboard; page says:\n%s", got, mainText(t, ctx))
	}

	// On the dashboard the first Tab reaches the skip link, and Enter on it moves focus to main.
	browsertest.PressTab(t, ctx, 1)
	if got := browsertest.Focused(t, ctx); !strings.Contains(got, "Hopp til hovedinnhold") {
		t.Fatalf("first Tab on the dashboard focuses %s, want the skip link", got)
	}
	browsertest.PressEnter(t, ctx)
	if got := browsertest.Focused(t, ctx); !strings.HasPrefix(got, "main#main") {
		t.Errorf("after Enter on the skip link focus is on %s, want main#main", got)
	}
	// The next Tab goes into the content, past the header.
	browsertest.PressTab(t, ctx, 1)
	if inMain := eval[bool](t, ctx, `document.querySelector("main").contains(document.activeElement)`); !inMain {
		t.Errorf("Tab after the skip link went to %s, outside main", browsertest.Focused(t, ctx))
	}
}

// At 320 CSS pixels the pages do not scroll sideways (wide tables scroll in their own
// wrapper), and a printed workplace page leaves out the header and its navigation.
func TestBrowserPhoneAndPrint(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	narrow := norwegian(browsertest.TabOptions{Width: 320, Height: 640, Mobile: true})
	for _, role := range []laeringsliv.Role{laeringsliv.RoleTeacher, laeringsliv.RoleParticipant, laeringsliv.RoleAdmin} {
		t.Run(string(role), func(t *testing.T) {
			ctx := b.NewTab(t, narrow)
			signIn(t, ctx, m.URL(), loginFor(t, m, role), "/")
			for _, p := range pagesFor(t, m, role) {
				if p.status != 200 && p.name != "404" && p.name != "403" {
					continue
				}
				browsertest.Navigate(t, ctx, m.URL()+p.path)
				// On a phone, content wider than the screen widens the layout viewport
				// itself, so innerWidth grows with it: compare with the screen's 320 px.
				sw := eval[int](t, ctx, `document.documentElement.scrollWidth`)
				iw := eval[int](t, ctx, `window.innerWidth`)
				if sw > 320 || iw > 320 {
					wide := eval[[]string](t, ctx, widerThanScreen)
					t.Errorf("%s at 320 px: page is %d px wide (innerWidth %d); reaching past 320 px: %q", p.name, sw, iw, wide)
				}
				// Wide tables scroll inside their wrapper rather than break words apart.
				if broken := eval[[]string](t, ctx, brokenTableWords); len(broken) > 0 {
					t.Errorf("%s at 320 px: table cells break words across lines: %q", p.name, broken)
				}
				shot(t, ctx, "phone320-"+string(role)+"-"+p.name)
			}
		})
	}

	t.Run("print", func(t *testing.T) {
		ctx := b.NewTab(t, norwegian(browsertest.Desktop))
		signIn(t, ctx, m.URL(), loginFor(t, m, laeringsliv.RoleTeacher), "/")
		home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleParticipant))
		browsertest.Navigate(t, ctx, m.URL()+"/workplaces/"+itoa(home.ID))
		const display = `[...document.querySelectorAll(%q)].map(e => getComputedStyle(e).display)`
		hidden := []string{"header.app-header", "nav.app-nav", "nav.app-lang", "a.ds-skip-link", "footer.app-footer", "section.app-noprint"}
		for _, sel := range hidden {
			if got := eval[[]string](t, ctx, fmt.Sprintf(display, sel)); len(got) != 1 || got[0] == "none" {
				t.Errorf("on screen, %s has display %q; want one element, shown", sel, got)
			}
		}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		// The header is display: none, so the navigation inside it is not rendered
		// (its own computed display stays "block").
		const rendered = `[...document.querySelectorAll(%q)].map(e => e.getClientRects().length > 0)`
		for _, sel := range hidden {
			if !strings.HasPrefix(sel, "nav.") {
				if got := eval[[]string](t, ctx, fmt.Sprintf(display, sel)); len(got) != 1 || got[0] != "none" {
					t.Errorf("in print, %s has display %q, want none", sel, got)
				}
			}
			if got := eval[[]bool](t, ctx, fmt.Sprintf(rendered, sel)); len(got) != 1 || got[0] {
				t.Errorf("in print, %s is rendered: %v", sel, got)
			}
		}
		if got := eval[string](t, ctx, `getComputedStyle(document.querySelector("#people ~ .app-table-wrap table")).display`); got == "none" {
			t.Error("in print, the people table is hidden")
		}
	})
}

// widerThanScreen names what reaches past the right edge of a 320 px screen: boxes outside
// the scrolling table wrappers, absolutely positioned boxes that escape a wrapper's clipping
// (a wrapper that is not positioned does not clip them), and text that overflows its box
// (a long word in a heading).
const widerThanScreen = `[...document.querySelectorAll("body *")].flatMap(e => {
    const r = e.getBoundingClientRect(), pos = getComputedStyle(e).position, wrapped = !!e.closest(".app-table-wrap");
    const name = e.tagName.toLowerCase() + (e.className ? "." + String(e.className).trim().split(/\s+/).join(".") : "");
    if (r.right > 320.5 && (!wrapped || pos === "absolute" || pos === "fixed"))
      return [name + (pos === "static" ? "" : " (" + pos + ")") + " to " + Math.round(r.right) + "px"];
    if (!wrapped && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible")
      return [name + " text " + e.scrollWidth + "px in " + e.clientWidth + "px: " + JSON.stringify(e.textContent.trim().slice(0, 40))];
    return [];
  }).slice(0, 6)`

// brokenTableWords lists words in table cells that the layout splits over two or more lines,
// as happens when a table is squeezed to the screen instead of scrolling in its wrapper.
const brokenTableWords = `(() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT,
    {acceptNode: n => n.parentElement.closest("table") && !n.parentElement.closest(".ds-sr-only") ? 1 : 2});
  for (let n; (n = walk.nextNode()) && out.length < 6;) {
    for (const m of n.data.matchAll(/\S+/g)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].map(c => Math.round(c.top)));
      if (tops.size > 1) out.push(m[0]);
    }
  }
  return out;
})()`
