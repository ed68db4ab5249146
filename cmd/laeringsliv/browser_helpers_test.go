package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/demo"
)

// browsers shares one Chromium between the browser tests without a hook in TestMain, which
// belongs to the other tests of the package. Each TestBrowser… test takes a reference before
// t.Parallel, so every test holds one while the parallel tests run, and the last to finish
// closes the browser.
var browsers browserPool

type browserPool struct {
	mu   sync.Mutex
	refs int
	b    *browsertest.Browser
}

// acquire returns the shared browser, starting it if needed, and releases it when t ends.
// Call it before t.Parallel. Without Chromium it skips the test, or fails it with CI=true.
func (p *browserPool) acquire(t *testing.T) *browsertest.Browser {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.b == nil {
		b, err := browsertest.Start()
		switch {
		case errors.Is(err, browsertest.ErrNoChromium) && !browsertest.InCI():
			t.Skipf("%v; skipping browser test", err)
		case err != nil:
			t.Fatal(err)
		}
		p.b = b
	}
	p.refs++
	t.Cleanup(p.release)
	return p.b
}

func (p *browserPool) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.refs--; p.refs == 0 && p.b != nil {
		p.b.Close()
		p.b = nil
	}
}

// startApp runs the whole application with the demo data on a free port and a temporary
// SQLite database, and stops it when t ends.
func startApp(t *testing.T) *Main { return startAppWith(t, nil) }

// startAppWith is startApp with a configuration that change adjusts first (mail, providers).
func startAppWith(t *testing.T, change func(*Config)) *Main {
	t.Helper()
	cfg := Config{Addr: "127.0.0.1:0", Database: filepath.Join(t.TempDir(), "browser.db"), Demo: true,
		LogFormat: "text", LogLevel: slog.LevelWarn, Institution: DefaultInstitution}
	if change != nil {
		change(&cfg)
	}
	m := NewMain(cfg, slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn})), &syncBuffer{})
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := m.Close(); err != nil {
			t.Error(err)
		}
	})
	return m
}

// loginFor returns the demo account of role.
func loginFor(t *testing.T, m *Main, role laeringsliv.Role) demo.Login {
	t.Helper()
	for _, l := range m.Logins {
		if l.Role == role {
			return l
		}
	}
	t.Fatalf("no demo login for %s", role)
	return demo.Login{}
}

// workplaces returns the demo's workplaces by name.
func workplaces(t *testing.T, m *Main) []*laeringsliv.Workplace {
	t.Helper()
	ws, err := m.DB.FindWorkplaces(context.Background(), laeringsliv.WorkplaceFilter{InstitutionID: m.Institution.ID})
	if err != nil || len(ws) != 4 {
		t.Fatalf("demo workplaces: %d, %v", len(ws), err)
	}
	return ws
}

// homeWorkplace returns the one workplace where the demo account l has its role.
func homeWorkplace(t *testing.T, m *Main, l demo.Login) *laeringsliv.Workplace {
	t.Helper()
	ctx := context.Background()
	p, err := m.DB.FindPersonByEmail(ctx, l.Email)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := m.DB.FindMemberships(ctx, laeringsliv.MembershipFilter{PersonID: p.ID})
	if err != nil || len(ms) != 1 || ms[0].WorkplaceID == 0 {
		t.Fatalf("%s: memberships %+v, %v; want one in a workplace", l.Email, ms, err)
	}
	w, err := m.DB.FindWorkplace(ctx, ms[0].WorkplaceID)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// norwegian is a tab whose browser asks for Bokmål, as most of the app's users' do.
func norwegian(o browsertest.TabOptions) browsertest.TabOptions {
	o.AcceptLanguage = "nb-NO,nb,no,nn,en"
	return o
}

// signIn fills in and submits the real login form, and fails unless it lands on want.
func signIn(t *testing.T, ctx context.Context, base string, l demo.Login, want string) {
	t.Helper()
	browsertest.Navigate(t, ctx, base+"/login")
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-email"), l.Email), chromedp.SendKeys(chromedp.CSS("#f-password"), l.Password))
	clickAndWait(t, ctx, `main form button[type=submit]`)
	if got := path(t, ctx); got != want {
		t.Fatalf("%s signed in and landed on %s, want %s; page says:\n%s", l.Role, got, want, mainText(t, ctx))
	}
}

// clickAndWait clicks the element matched by the CSS selector and waits for the page it loads.
func clickAndWait(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel)))); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
}

// open navigates to url and returns the HTTP status of the page.
func open(t *testing.T, ctx context.Context, url string) int64 {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		t.Fatalf("navigate to %s: %v", url, err)
	}
	if resp == nil {
		t.Fatalf("navigate to %s: no response", url)
	}
	return resp.Status
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

func path(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `location.pathname`)
}

// mainText is what the page's main element says, for checks and failure messages.
func mainText(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `(document.querySelector("main") || document.body).innerText`)
}

func pageLang(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `document.documentElement.lang`)
}

// cookies returns the cookies the browser keeps for url.
func cookies(t *testing.T, ctx context.Context, url string) map[string]*network.Cookie {
	t.Helper()
	res, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{url}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*network.Cookie{}
	for _, c := range res.Cookies {
		out[c.Name] = c
	}
	return out
}

// shot saves a screenshot as $LAERINGSLIV_SCREENSHOTS/name.png when that is set; CI sets
// nothing, so it writes nothing.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("LAERINGSLIV_SCREENSHOTS")
	if dir == "" {
		return
	}
	name = strings.NewReplacer("/", "-", " ", "-").Replace(name)
	browsertest.Screenshot(t, ctx, filepath.Join(dir, name+".png"))
}
