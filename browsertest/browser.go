// Package browsertest drives Debian's headless Chromium through chromedp for browser tests:
// one browser per test binary, a fresh browser context (cookie jar) per tab, phone and
// desktop viewports, axe-core accessibility checks and keyboard helpers.
//
// Chromium is found at $LAERINGSLIV_CHROMIUM, /usr/bin/chromium or "chromium" on PATH. When
// it is missing a test is skipped, except with CI=true, where it fails: CI must install it
// (scripts/install-test-deps.sh does).
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"laeringsliv/internal/ci"
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// ErrNoChromium is returned by Start when no Chromium executable is found.
var ErrNoChromium = errors.New("browsertest: Chromium not found (set LAERINGSLIV_CHROMIUM, or install the Debian package chromium)")

// Browser is one running headless Chromium.
type Browser struct {
	ctx       context.Context // the chromedp context that owns the browser process
	cancel    context.CancelFunc
	dataDir   string
	userAgent string
}

// ChromiumPath returns the Chromium executable to use, or ErrNoChromium.
func ChromiumPath() (string, error) {
	if p := os.Getenv("LAERINGSLIV_CHROMIUM"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return "", fmt.Errorf("%w: LAERINGSLIV_CHROMIUM=%s: %v", ErrNoChromium, p, err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", ErrNoChromium
}

// Start launches Chromium with a fresh profile. The caller must Close it. Most tests want
// New or Shared instead, which also skip or fail when Chromium is missing.
func Start() (*Browser, error) {
	path, err := ChromiumPath()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "laeringsliv-chromium-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.Headless,
		chromedp.NoSandbox, // tests run as root in CI, where the sandbox refuses to start
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, ctxCancel := chromedp.NewContext(allocCtx)
	b := &Browser{
		ctx:     ctx,
		cancel:  func() { ctxCancel(); allocCancel() },
		dataDir: dir,
	}
	// The first call starts the process; the user agent is needed to override
	// Accept-Language per tab without changing anything else.
	v, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("browsertest: starting %s: %w", path, err)
	}
	b.userAgent = v.UserAgent
	return b, nil
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() {
	b.cancel()
	os.RemoveAll(b.dataDir)
}

// New starts a Browser that tb.Cleanup closes. Without Chromium it skips the test, or fails
// it when CI=true.
func New(tb testing.TB) *Browser {
	tb.Helper()
	b, err := Start()
	if err != nil {
		unavailable(tb, err)
	}
	tb.Cleanup(b.Close)
	return b
}

// Shared is one Browser for a whole test binary, started by the first test that asks.
// Declare it at package level and close it from TestMain:
//
//	var browser browsertest.Shared
//
//	func TestMain(m *testing.M) {
//		code := m.Run()
//		browser.Close()
//		os.Exit(code)
//	}
type Shared struct {
	once sync.Once
	b    *Browser
	err  error
}

// Get returns the shared Browser, starting it on first use. Without Chromium it skips the
// test, or fails it when CI=true.
func (s *Shared) Get(tb testing.TB) *Browser {
	tb.Helper()
	s.once.Do(func() { s.b, s.err = Start() })
	if s.err != nil {
		unavailable(tb, s.err)
	}
	return s.b
}

// Close stops the shared Browser if it was started.
func (s *Shared) Close() {
	if s.b != nil {
		s.b.Close()
	}
}

// unavailable ends the test: a missing Chromium is a skip on a developer's machine and a
// failure in CI; any other start-up error is always a failure.
func unavailable(tb testing.TB, err error) {
	tb.Helper()
	if errors.Is(err, ErrNoChromium) && !InCI() {
		tb.Skipf("%v; skipping browser test", err)
	}
	if errors.Is(err, ErrNoChromium) {
		tb.Fatalf("%v; CI=true, so a missing browser is a failure: run scripts/install-test-deps.sh", err)
	}
	tb.Fatal(err)
}

// InCI reports whether this is a CI run (see package ci).
func InCI() bool { return ci.On() }
