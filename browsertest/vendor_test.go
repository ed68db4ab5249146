package browsertest_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"laeringsliv/browsertest"
)

// dsPage uses the vendored Designsystemet CSS the way the app's templates are meant to,
// so the test shows that the files load under the app's CSP, style the page, and that
// the default theme's colours pass axe (contrast included).
const dsPage = `<!doctype html>
<html lang="nb" data-color-scheme="light" data-size="md" data-color="accent">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Designsystemet</title>
<script src="/csp.js"></script>
<link rel="stylesheet" href="/vendor/designsystemet.css">
<link rel="stylesheet" href="/vendor/theme.css">
</head>
<body>
<a class="ds-skip-link" href="#main">Hopp til innhold</a>
<main id="main">
<h1 class="ds-heading" data-size="lg">Praksisplasser</h1>
<p class="ds-paragraph">Velg en <a class="ds-link" href="/x">praksisplass</a>.</p>
<div class="ds-alert" data-color="warning"><p class="ds-paragraph">Fristen er i morgen.</p></div>
<form class="ds-card">
  <div class="ds-field">
    <label class="ds-label" for="email">E-post</label>
    <div data-field="description" id="email-desc">Den du bruker på skolen</div>
    <input class="ds-input" id="email" type="email" aria-invalid="true"
      aria-describedby="email-desc email-err">
    <p class="ds-validation-message" data-field="validation" id="email-err">Skriv en gyldig e-post</p>
  </div>
  <button class="ds-button" data-variant="primary" type="submit">Lagre</button>
  <button class="ds-button" data-variant="secondary" type="button">Avbryt</button>
</form>
<ul class="ds-list"><li>Første</li><li>Andre</li></ul>
<table class="ds-table" data-zebra="true"><caption>Plasser</caption>
<thead><tr><th scope="col">Sted</th><th scope="col">Ledige</th></tr></thead>
<tbody><tr><td>Bergen</td><td>3</td></tr></tbody></table>
</main>
</body></html>`

// cspJS records Content-Security-Policy violations; it is a file because the policy
// forbids inline scripts.
const cspJS = `window.cspViolations = [];
document.addEventListener("securitypolicyviolation",
  e => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI));`

func TestVendoredDesignsystemet(t *testing.T) {
	t.Parallel()
	vendor := filepath.Join("..", "web", "static", "vendor")
	mux := http.NewServeMux()
	mux.Handle("GET /vendor/", http.StripPrefix("/vendor/", http.FileServerFS(os.DirFS(vendor))))
	mux.HandleFunc("GET /csp.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		w.Write([]byte(cspJS))
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(dsPage))
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// data: images are the icons the CSS draws with mask-image.
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:")
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	for _, tc := range []struct {
		name string
		opts browsertest.TabOptions
	}{{"desktop", browsertest.Desktop}, {"phone", browsertest.Phone}} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := browser.Get(t).NewTab(t, tc.opts)
			browsertest.Navigate(t, ctx, srv.URL+"/")

			bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](
				`getComputedStyle(document.querySelector(".ds-button")).backgroundColor`))
			if err != nil {
				t.Fatal(err)
			}
			if bg != "rgb(0, 98, 186)" {
				t.Errorf("primary button background %s, want the theme's accent rgb(0, 98, 186)", bg)
			}
			browsertest.AssertAxe(t, ctx, "Designsystemet sample, "+tc.name)
			if dir := os.Getenv("LAERINGSLIV_SCREENSHOTS"); dir != "" {
				browsertest.Screenshot(t, ctx, filepath.Join(dir, "designsystemet-"+tc.name+".png"))
			}
			v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.cspViolations`))
			if err != nil {
				t.Fatal(err)
			}
			if len(v) > 0 {
				t.Errorf("CSP violations:\n  %s", strings.Join(v, "\n  "))
			}
		})
	}
}
