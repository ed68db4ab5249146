package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/internal/oidctest"
)

// A care worker signs in the way the municipality expects: the button on the login page
// takes Chromium to the provider's own login page, and back, signed in.
func TestBrowserSignInThroughProvider(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	op := oidctest.Start(t)
	m := startAppWith(t, func(c *Config) {
		c.OIDC = "name=kommune,display=Fjordvik kommune,issuer=" + op.URL + ",client-id=laeringsliv,client-secret=hemmelig klient,claim=email"
	})
	op.AddClient(oidctest.Client{ID: "laeringsliv", Secret: "hemmelig klient",
		RedirectURI: m.URL() + "/login/oidc/kommune/callback", PostLogoutURIs: []string{m.URL() + "/login"}})
	worker := loginFor(t, m, laeringsliv.RoleParticipant)
	op.AddUser(oidctest.User{Subject: "entra-oid-1", Username: "kari.vakt", Password: "provider password",
		Name: "Kari Vakt", Email: worker.Email})

	ctx := b.NewTab(t, norwegian(browsertest.Desktop))
	browsertest.Navigate(t, ctx, m.URL()+"/login")
	if text := mainText(t, ctx); !strings.Contains(text, "Logg inn med Fjordvik kommune") {
		t.Fatalf("no provider button on the login page:\n%s", text)
	}
	browsertest.AssertAxe(t, ctx, "login with a provider")
	clickAndWait(t, ctx, "#oidc-kommune")
	if loc := eval[string](t, ctx, `location.href`); !strings.HasPrefix(loc, op.URL+"/ui/login") {
		t.Fatalf("the button led to %s, not the provider's login page", loc)
	}
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#username"), "kari.vakt"),
		chromedp.SendKeys(chromedp.CSS("#password"), "provider password"))
	clickAndWait(t, ctx, "#submit")
	if got := path(t, ctx); got != "/" || !strings.HasPrefix(eval[string](t, ctx, `location.href`), m.URL()) {
		t.Fatalf("after the provider: %s; page says:\n%s", eval[string](t, ctx, `location.href`), mainText(t, ctx))
	}
	if cookies(t, ctx, m.URL()+"/")["__Host-session"] == nil {
		t.Fatal("no session after signing in through the provider")
	}
	shot(t, ctx, "oidc-signed-in")
	// Signing out here signs out at the provider too, and comes back to the login page.
	tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitVisible(chromedp.CSS("#f-email"))); err != nil {
		t.Fatalf("sign out: %v; at %s:\n%s", err, eval[string](t, ctx, `location.href`), mainText(t, ctx))
	}
	if got := path(t, ctx); got != "/login" || op.Logouts() != 1 {
		t.Errorf("after signing out: %s, %d logouts at the provider", got, op.Logouts())
	}
}
