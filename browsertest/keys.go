package browsertest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// PressTab presses Tab n times, as a keyboard user moving through the page.
func PressTab(tb testing.TB, ctx context.Context, n int) {
	tb.Helper()
	press(tb, ctx, strings.Repeat(kb.Tab, n))
}

// PressEnter presses Enter on the focused element.
func PressEnter(tb testing.TB, ctx context.Context) {
	tb.Helper()
	press(tb, ctx, kb.Enter)
}

// PressEnterAndWait presses Enter and waits for the page it leads to, as when Enter
// submits a form or follows a link.
func PressEnterAndWait(tb testing.TB, ctx context.Context) {
	tb.Helper()
	_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter)))
	if err != nil {
		tb.Fatalf("browsertest: Enter did not load a page: %v", err)
	}
}

// TypeText types text into the focused element, one key at a time.
func TypeText(tb testing.TB, ctx context.Context, text string) {
	tb.Helper()
	press(tb, ctx, text)
}

func press(tb testing.TB, ctx context.Context, keys string) {
	tb.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(keys)); err != nil {
		tb.Fatalf("browsertest: pressing %q: %v", keys, err)
	}
}

// describeFocus names document.activeElement the way a test would look for it:
// tag, #id, [name=…], and the text a screen reader would start with (label,
// aria-label or content), e.g. `input#email[name=email] "E-post"`.
const describeFocus = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "body";
  let s = el.tagName.toLowerCase();
  if (el.id) s += "#" + el.id;
  const name = el.getAttribute("name");
  if (name) s += "[name=" + name + "]";
  const label = (el.labels && el.labels.length ? el.labels[0].textContent : "") ||
    el.getAttribute("aria-label") ||
    (el.type === "submit" || el.type === "button" ? el.value : "") || el.textContent || "";
  const text = label.replace(/\s+/g, " ").trim().slice(0, 80);
  return text ? s + " " + JSON.stringify(text) : s;
})()`

// Focused describes the element that has keyboard focus; "body" when nothing has.
func Focused(tb testing.TB, ctx context.Context) string {
	tb.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](describeFocus))
	if err != nil {
		tb.Fatalf("browsertest: reading focus: %v", err)
	}
	return s
}

// WaitFocused waits up to within for the focused element's description to start with
// want, and returns the last description it read; the caller decides what a mismatch
// means. Use it right after a page loads: Chromium moves focus to an autofocus field in
// a rendering step after the load event, later on a busy machine.
func WaitFocused(tb testing.TB, ctx context.Context, want string, within time.Duration) string {
	tb.Helper()
	deadline := time.Now().Add(within)
	for {
		got := Focused(tb, ctx)
		if strings.HasPrefix(got, want) || time.Now().After(deadline) {
			return got
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TabTo presses Tab until the focused element's description contains want, and fails the
// test after max presses. It returns how many presses it took.
func TabTo(tb testing.TB, ctx context.Context, want string, max int) int {
	tb.Helper()
	var seen []string
	for i := 1; i <= max; i++ {
		PressTab(tb, ctx, 1)
		got := Focused(tb, ctx)
		if strings.Contains(got, want) {
			return i
		}
		seen = append(seen, got)
	}
	tb.Fatalf("browsertest: no element matching %q within %d Tab presses; focus went to:\n  %s",
		want, max, strings.Join(seen, "\n  "))
	return 0
}
