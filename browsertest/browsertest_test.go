package browsertest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"laeringsliv/browsertest"
)

var browser browsertest.Shared

func TestMain(m *testing.M) {
	code := m.Run()
	browser.Close()
	os.Exit(code)
}

// pages is the site the tests visit. Every page is served with a CSP as strict as the
// app's, so the tests also show that axe runs under it.
var pages = map[string]string{
	"/good": `<!doctype html><html lang="nb"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Logg inn</title></head><body>
<main><h1>Logg inn</h1>
<form method="post" action="/done">
<label for="email">E-post</label> <input id="email" name="email" type="email" autocomplete="email">
<button type="submit" id="go">Logg inn</button>
</form></main></body></html>`,
	"/bad": `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Feil</title></head><body>
<main><h1>Feil</h1><img src="/pixel.png"><input id="nolabel" type="text"></main></body></html>`,
	"/done": `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Ferdig</title></head>
<body><main><h1>Ferdig</h1></main></body></html>`,
	"/lang": `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Språk</title></head>
<body><main><h1 id="h"></h1></main></body></html>`,
}

func newSite(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		if r.URL.Path == "/lang" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, strings.Replace(pages["/lang"], `<h1 id="h">`, `<h1 id="h">`+r.Header.Get("Accept-Language"), 1))
			return
		}
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestAxeFindsNothingOnAccessiblePage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := browser.Get(t).NewTab(t, browsertest.Desktop)
	browsertest.Navigate(t, ctx, site.URL+"/good")
	browsertest.AssertAxe(t, ctx, "good page")
}

func TestAxeReportsKnownViolations(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := browser.Get(t).NewTab(t, browsertest.Desktop)
	browsertest.Navigate(t, ctx, site.URL+"/bad")
	vs, err := browsertest.Axe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, v := range vs {
		ids = append(ids, v.ID)
	}
	for _, want := range []string{"image-alt", "label"} {
		if !slices.Contains(ids, want) {
			t.Errorf("violations %v lack %q", ids, want)
		}
	}
	msg := browsertest.FormatViolations(vs)
	for _, want := range []string{"image-alt [critical]", `<img src="/pixel.png">`, "#nolabel"} {
		if !strings.Contains(msg, want) {
			t.Errorf("report lacks %q:\n%s", want, msg)
		}
	}
	// A second run reuses the injected script.
	if again, err := browsertest.Axe(ctx); err != nil || len(again) != len(vs) {
		t.Errorf("second run: %d violations, %v; want %d", len(again), err, len(vs))
	}
}

func TestKeyboardSubmitsForm(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := browser.Get(t).NewTab(t, browsertest.Desktop)
	browsertest.Navigate(t, ctx, site.URL+"/good")

	browsertest.PressTab(t, ctx, 1)
	if got, want := browsertest.Focused(t, ctx), `input#email[name=email] "E-post"`; got != want {
		t.Fatalf("after one Tab, focus on %s; want %s", got, want)
	}
	browsertest.TypeText(t, ctx, "ola@example.no")
	if n := browsertest.TabTo(t, ctx, "button#go", 3); n != 1 {
		t.Errorf("reached the button after %d Tabs, want 1", n)
	}
	browsertest.PressEnterAndWait(t, ctx)
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil || title != "Ferdig" {
		t.Fatalf("after Enter, title %q, %v; want the form to have been posted", title, err)
	}
}

func TestPhoneViewport(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	ctx := browser.Get(t).NewTab(t, browsertest.Phone)
	browsertest.Navigate(t, ctx, site.URL+"/good")
	w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if w != 360 {
		t.Errorf("window.innerWidth = %d, want 360", w)
	}
	png := filepath.Join(t.TempDir(), "shots", "phone.png")
	browsertest.Screenshot(t, ctx, png)
	if b, err := os.ReadFile(png); err != nil || !strings.HasPrefix(string(b), "\x89PNG") {
		t.Errorf("screenshot %s is not a PNG (%v)", png, err)
	}
}

func TestAcceptLanguage(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	opts := browsertest.Desktop
	opts.AcceptLanguage = "nn-NO,nn"
	ctx := browser.Get(t).NewTab(t, opts)
	browsertest.Navigate(t, ctx, site.URL+"/lang")
	got, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("h")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "nn-NO") {
		t.Errorf("server saw Accept-Language %q, want nn-NO first", got)
	}
}

func TestTabsHaveSeparateCookies(t *testing.T) {
	t.Parallel()
	site := newSite(t)
	b := browser.Get(t)
	a, c := b.NewTab(t, browsertest.Desktop), b.NewTab(t, browsertest.Desktop)
	browsertest.Navigate(t, a, site.URL+"/done")
	browsertest.Navigate(t, c, site.URL+"/done")
	if err := chromedp.Do(a, chromedp.Evaluate[chromedp.Void](`document.cookie = "who=a"`)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(c, chromedp.Evaluate[string](`document.cookie`))
	if err != nil {
		t.Fatal(err)
	}
	if got != "" {
		t.Errorf("second tab sees cookie %q set in the first", got)
	}
}
