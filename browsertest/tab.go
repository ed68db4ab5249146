package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TabOptions describe the device a tab pretends to be.
type TabOptions struct {
	Width, Height int  // viewport in CSS pixels; 0 means Desktop's
	Mobile        bool // mobile emulation: touch, meta viewport, device scale 2
	// AcceptLanguage is sent as the Accept-Language header and seen as
	// navigator.languages, for example "nb-NO,nb,nn,en". Empty keeps Chromium's.
	AcceptLanguage string
	// Timeout bounds everything done through the tab's context; 0 means two minutes,
	// so a hung page fails the test instead of the whole run.
	Timeout time.Duration
}

var (
	// Phone is a common small phone, portrait.
	Phone = TabOptions{Width: 360, Height: 740, Mobile: true}
	// Desktop is a common laptop window.
	Desktop = TabOptions{Width: 1280, Height: 900}
	// Projector is a 1080p projector, for presentation views.
	Projector = TabOptions{Width: 1920, Height: 1080}
)

// NewTab opens a tab in a fresh browser context, so each tab has its own cookies and
// storage, like a separate person. tb.Cleanup closes it. Use the returned context with
// chromedp actions and the helpers of this package.
func (b *Browser) NewTab(tb testing.TB, opts TabOptions) context.Context {
	tb.Helper()
	if opts.Width == 0 || opts.Height == 0 {
		opts.Width, opts.Height = Desktop.Width, Desktop.Height
	}
	if opts.Timeout == 0 {
		opts.Timeout = 2 * time.Minute
	}
	tab, closeTab := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	tb.Cleanup(closeTab)

	var viewport []chromedp.EmulateViewportOption
	if opts.Mobile {
		viewport = append(viewport, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.EmulateViewport(int64(opts.Width), int64(opts.Height), viewport...),
		// Every tab acts as the focused window, as a person's own browser does. Without
		// this, tabs open side by side in one browser compete for focus, and what needs
		// a focused page (autofocus, focus events) depends on which tab came last.
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
			return err
		}),
	}
	if opts.AcceptLanguage != "" {
		steps = append(steps, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{
				UserAgent:      b.userAgent,
				AcceptLanguage: opts.AcceptLanguage,
			})
			return err
		}))
	}
	// The first action creates the tab, and binds its life to tab rather than to the
	// timeout context below.
	if err := chromedp.Do(tab, steps...); err != nil {
		tb.Fatalf("browsertest: opening tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, opts.Timeout)
	tb.Cleanup(cancel)
	return ctx
}

// Navigate loads url in the tab and waits for the load event.
func Navigate(tb testing.TB, ctx context.Context, url string) {
	tb.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		tb.Fatalf("browsertest: navigate to %s: %v", url, err)
	}
}

// Screenshot saves a PNG of the whole page to path, creating its folder.
func Screenshot(tb testing.TB, ctx context.Context, path string) {
	tb.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.Fatalf("browsertest: screenshot: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.Fatal(err)
	}
}
