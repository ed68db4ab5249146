package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"laeringsliv/browsertest"
	"laeringsliv/internal/ci"
)

// lighthouseCategories are the Lighthouse categories measured, in the order of the table.
var lighthouseCategories = []string{"performance", "accessibility", "best-practices"}

// lighthouseChromeFlags start Debian's Chromium quietly: headless, and with nothing that
// reaches out to the network (the test machines have none).
var lighthouseChromeFlags = []string{"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions"}

// lighthouseTool is the pinned Lighthouse of tools/lighthouse, run by node against Chromium.
type lighthouseTool struct {
	node, dir, chromium, version string
}

// findLighthouse finds node, the pinned Lighthouse and Chromium. Without them it skips the
// test, or fails it with CI=true, where scripts/install-test-deps.sh has installed them.
func findLighthouse(t *testing.T) *lighthouseTool {
	t.Helper()
	missing := func(err error) {
		t.Helper()
		if ci.On() {
			t.Fatalf("%v (CI=true: scripts/install-test-deps.sh installs it)", err)
		}
		t.Skipf("%v; skipping the Lighthouse test (scripts/install-test-deps.sh installs it)", err)
	}
	var lt lighthouseTool
	var err error
	if lt.chromium, err = browsertest.ChromiumPath(); err != nil {
		missing(err)
	}
	if lt.node, err = exec.LookPath("node"); err != nil {
		missing(fmt.Errorf("node: %w", err))
	}
	if lt.dir, err = filepath.Abs(filepath.Join("..", "..", "tools", "lighthouse")); err != nil {
		t.Fatal(err)
	}
	installed := filepath.Join(lt.dir, "node_modules", "lighthouse", "package.json")
	if _, err := os.Stat(installed); err != nil {
		missing(fmt.Errorf("lighthouse is not installed in %s (npm ci): %w", lt.dir, err))
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
		Version      string            `json:"version"`
	}
	readJSON(t, installed, &pkg)
	lt.version = pkg.Version
	readJSON(t, filepath.Join(lt.dir, "package.json"), &pkg)
	if want := pkg.Dependencies["lighthouse"]; lt.version != want {
		missing(fmt.Errorf("lighthouse %s is installed in %s, the pinned version is %s (npm ci)", lt.version, lt.dir, want))
	}
	return &lt
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
}

// chromeFlags are lighthouseChromeFlags with a fresh profile in dir.
func chromeFlags(dir string) string {
	return strings.Join(append(append([]string{}, lighthouseChromeFlags...), "--user-data-dir="+dir), " ")
}

// page runs the Lighthouse CLI on p and reads its report.
func (lt *lighthouseTool) page(t *testing.T, p lighthousePage) *lighthouseResult {
	t.Helper()
	extra := []string{"--form-factor=mobile"}
	if !p.mobile {
		extra = []string{"--preset=desktop"}
	}
	if p.cookie != "" {
		h, err := json.Marshal(map[string]string{"Cookie": p.cookie})
		if err != nil {
			t.Fatal(err)
		}
		extra = append(extra, "--extra-headers="+string(h))
	}
	var r lighthouseResult
	lt.run(t, p.name, func(profile string) []string {
		return append([]string{filepath.Join(lt.dir, "node_modules", "lighthouse", "cli", "index.js"), p.url,
			"--output=json", "--output-path=stdout", "--quiet", "--only-categories=" + strings.Join(lighthouseCategories, ","),
			"--chrome-flags=" + chromeFlags(profile), "--disable-full-page-screenshot", "--max-wait-for-load=30000"}, extra...)
	}, &r)
	if r.FinalURL != p.url {
		t.Fatalf("lighthouse %s: measured %s, not %s (signed out?)", p.name, r.FinalURL, p.url)
	}
	return &r
}

// lighthouseFlow is the part of a Lighthouse user-flow result the test reads.
type lighthouseFlow struct {
	Steps []struct {
		Name string           `json:"name"`
		LHR  lighthouseResult `json:"lhr"`
	} `json:"steps"`
}

// lighthousePlan is a Lighthouse user flow for tools/lighthouse/flow.mjs: a navigation
// step loads a page, a timespan measures its actions, a snapshot does its actions and then
// inspects the page.
type lighthousePlan struct {
	Name       string           `json:"name"`
	FormFactor string           `json:"formFactor"` // mobile or desktop
	Steps      []lighthouseStep `json:"steps"`
}

type lighthouseStep struct {
	Name    string             `json:"name"`
	Mode    string             `json:"mode"` // navigation, timespan or snapshot
	URL     string             `json:"url,omitempty"`
	Actions []lighthouseAction `json:"actions,omitempty"`
}

// lighthouseAction is one of: click a CSS selector, type text into one, wait for a
// JavaScript expression to be true.
type lighthouseAction struct {
	Click   string `json:"click,omitempty"`
	Type    string `json:"type,omitempty"`
	Text    string `json:"text,omitempty"`
	WaitFor string `json:"waitFor,omitempty"`
}

// flow runs plan with tools/lighthouse/flow.mjs.
func (lt *lighthouseTool) flow(t *testing.T, plan lighthousePlan) *lighthouseFlow {
	t.Helper()
	b, err := json.Marshal(plan)
	if err != nil {
		t.Fatal(err)
	}
	var f lighthouseFlow
	lt.run(t, plan.Name, func(profile string) []string {
		return []string{filepath.Join(lt.dir, "flow.mjs"), string(b), chromeFlags(profile)}
	}, &f)
	if len(f.Steps) != len(plan.Steps) {
		t.Fatalf("lighthouse %s: %d steps measured of %d", plan.Name, len(f.Steps), len(plan.Steps))
	}
	return &f
}

// lighthouseAttempts is how many times a Lighthouse run that fails is tried.
const lighthouseAttempts = 3

// run runs node with the arguments args gives for a fresh browser profile, decodes its
// standard output into out, and keeps the output in $LAERINGSLIV_LIGHTHOUSE_REPORTS/name.json
// when that is set. Lighthouse sometimes fails to record a trace on a busy machine and asks
// to be run again ("NO_NAVSTART"): a failed run is tried again, lighthouseAttempts times in all.
func (lt *lighthouseTool) run(t *testing.T, name string, args func(profile string) []string, out any) {
	t.Helper()
	for attempt := 1; ; attempt++ {
		start := time.Now()
		stdout, err := lt.node1(t, args)
		if err == nil {
			err = json.Unmarshal(stdout, out)
		}
		if err == nil {
			if dir := os.Getenv("LAERINGSLIV_LIGHTHOUSE_REPORTS"); dir != "" {
				if err := os.WriteFile(filepath.Join(dir, name+".json"), stdout, 0o644); err != nil {
					t.Error(err)
				}
			}
			t.Logf("lighthouse %s: %s", name, time.Since(start).Round(time.Second))
			return
		}
		if attempt == lighthouseAttempts {
			t.Fatalf("lighthouse %s, %d runs, the last: %v", name, attempt, err)
		}
		t.Logf("lighthouse %s, run %d: %v; running it again", name, attempt, err)
	}
}

// node1 runs node once with a fresh profile and returns its standard output.
func (lt *lighthouseTool) node1(t *testing.T, args func(profile string) []string) ([]byte, error) {
	t.Helper()
	profile := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, lt.node, args(profile)...)
	cmd.Dir = lt.dir
	cmd.Env = append(os.Environ(), "CHROME_PATH="+lt.chromium, "HOME="+profile)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%w\n%s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}

// lighthouseResult is the part of Lighthouse's JSON report the test reads.
type lighthouseResult struct {
	GatherMode  string   `json:"gatherMode"` // navigation, timespan or snapshot
	FinalURL    string   `json:"finalDisplayedUrl"`
	RunWarnings []string `json:"runWarnings"`
	Environment struct {
		BenchmarkIndex float64 `json:"benchmarkIndex"` // the host's speed; Lighthouse calls under 1000 slow
	} `json:"environment"`
	RuntimeError struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
	Categories map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Title        string   `json:"title"`
		Score        *float64 `json:"score"`
		DisplayValue string   `json:"displayValue"`
		NumericValue float64  `json:"numericValue"`
	} `json:"audits"`
}

// check fails t when Lighthouse could not measure the page, and logs its warnings.
func (r *lighthouseResult) check(t *testing.T, name string) {
	t.Helper()
	if r.RuntimeError.Code != "" {
		t.Fatalf("lighthouse %s: %s: %s", name, r.RuntimeError.Code, r.RuntimeError.Message)
	}
	if len(r.RunWarnings) > 0 {
		t.Logf("lighthouse %s warns: %s", name, strings.Join(r.RunWarnings, "; "))
	}
}

// score is the category's score out of 100, and false when the category has none (a
// timespan or snapshot step scores only what it can observe).
func (r *lighthouseResult) score(category string) (float64, bool) {
	c, ok := r.Categories[category]
	if !ok || c.Score == nil {
		return 0, false
	}
	return math.Round(*c.Score * 100), true
}

// performance is the performance score, for steady.
func (r *lighthouseResult) performance() float64 {
	got, _ := r.score("performance")
	return got
}

// lighthouseMetrics are the audits whose figures the log shows for each page, by short name.
var lighthouseMetrics = []struct{ name, audit string }{{"FCP", "first-contentful-paint"}, {"LCP", "largest-contentful-paint"},
	{"TBT", "total-blocking-time"}, {"CLS", "cumulative-layout-shift"}, {"INP", "interaction-to-next-paint"}}

// metrics says the page's main figures as Lighthouse displays them, and the bytes it loaded.
func (r *lighthouseResult) metrics() string {
	var out []string
	for _, m := range lighthouseMetrics {
		if a, ok := r.Audits[m.audit]; ok && a.DisplayValue != "" {
			out = append(out, m.name+" "+a.DisplayValue)
		}
	}
	if a, ok := r.Audits["total-byte-weight"]; ok {
		out = append(out, fmt.Sprintf("%.1f KiB", a.NumericValue/1024))
	}
	if len(out) > 0 {
		out = append(out, fmt.Sprintf("host benchmark index %.0f", r.Environment.BenchmarkIndex))
	}
	return strings.Join(out, ", ")
}

// failing lists the category's audits that do not pass, heaviest first.
func (r *lighthouseResult) failing(category string) string {
	type miss struct {
		weight float64
		line   string
	}
	var ms []miss
	for _, ref := range r.Categories[category].AuditRefs {
		a, ok := r.Audits[ref.ID]
		if !ok || a.Score == nil || *a.Score >= 0.9 {
			continue
		}
		ms = append(ms, miss{ref.Weight, fmt.Sprintf("  %s (weight %.0f, score %.2f) %s %s", ref.ID, ref.Weight, *a.Score, a.Title, a.DisplayValue)})
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].weight > ms[j].weight })
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.line + "\n")
	}
	return b.String()
}
