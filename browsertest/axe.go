package browsertest

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core, vendored by scripts/vendor-assets.sh (see web/static/vendor/VERSIONS).
//
//go:embed axe.min.js
var axeSource string

// axeTags are the rule sets Axe runs: WCAG 2.0 and 2.1, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// Violation is one axe rule that failed, with the elements that failed it.
type Violation struct {
	ID     string `json:"id"`     // rule id, e.g. "image-alt"
	Impact string `json:"impact"` // minor, moderate, serious or critical
	Help   string `json:"help"`
	URL    string `json:"helpUrl"`
	Nodes  []Node `json:"nodes"`
}

// Node is one element that failed a rule.
type Node struct {
	Target  []string `json:"target"` // CSS selectors; one per frame or shadow root
	HTML    string   `json:"html"`
	Summary string   `json:"failureSummary"`
}

// axeRun runs axe on the current document and keeps only what a failure message needs.
// Targets inside shadow roots are arrays; they are joined so Target stays []string.
const axeRun = `axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({
      target: n.target.map(t => Array.isArray(t) ? t.join(" >>> ") : String(t)),
      html: n.html, failureSummary: n.failureSummary || ""
    }))
  })))`

// Axe injects axe-core into the current page, unless it is there already, and returns the
// WCAG 2.1 A and AA violations it finds. Scripts evaluated through the DevTools protocol
// are not subject to the page's Content-Security-Policy, so strict pages can be checked.
func Axe(ctx context.Context) ([]Violation, error) {
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		return nil, fmt.Errorf("axe: %w", err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
			return nil, fmt.Errorf("axe: injecting axe-core: %w", err)
		}
	}
	tags := `["` + strings.Join(axeTags, `","`) + `"]`
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]Violation](fmt.Sprintf(axeRun, tags), chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("axe: run: %w", err)
	}
	return v, nil
}

// AssertAxe fails the test if axe finds violations on the current page, listing each one.
// name says which page it was, for the failure message.
func AssertAxe(tb testing.TB, ctx context.Context, name string) {
	tb.Helper()
	v, err := Axe(ctx)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	if len(v) > 0 {
		tb.Errorf("%s: %s", name, FormatViolations(v))
	}
}

// maxHTML is how much of an element's HTML a failure message shows.
const maxHTML = 160

// FormatViolations describes violations for a person reading a test log.
func FormatViolations(vs []Violation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d accessibility violation(s) (%s):", len(vs), strings.Join(axeTags, ", "))
	for _, v := range vs {
		fmt.Fprintf(&b, "\n  %s [%s] %s\n    %s", v.ID, v.Impact, v.Help, v.URL)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "\n    - %s  %s", strings.Join(n.Target, " "), truncate(oneLine(n.HTML), maxHTML))
		}
	}
	return b.String()
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
