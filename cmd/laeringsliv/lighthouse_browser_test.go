package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/internal/ci"
)

// lighthouseMin is the score every page must reach in each measured category.
const lighthouseMin = 95

// lighthouseCategories are the Lighthouse categories measured, in the order of the table.
var lighthouseCategories = []string{"performance", "accessibility", "best-practices"}

// lighthouseIPEMin holds a lower threshold per category for the IPE pages while their
// templates are being redesigned. Tighten an entry (or delete it: lighthouseMin applies) once
// the page reaches lighthouseMin; the test logs the failing audits of every page below it.
var lighthouseIPEMin = map[string]map[string]float64{}

// lighthouseChromeFlags start Debian's Chromium quietly: headless, and with nothing that
// reaches out to the network (the test machines have none).
var lighthouseChromeFlags = []string{"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions"}

// lighthousePage is one page measured: phone pages with Lighthouse's mobile settings
// (a mid-range phone on a slow 4G network, simulated), others with its desktop preset.
type lighthousePage struct {
	name   string
	path   string
	mobile bool
	cookie string // the Cookie header of a signed-in person; empty for public pages
}

// TestBrowserLighthouse measures the main screens with Lighthouse in Debian's Chromium: the
// phone's join page of a running IPE session, the facilitator's console, the projector view,
// a participant's dashboard and a published handbook. Every page scores at least
// lighthouseMin in performance, accessibility and best practices (the IPE pages, for now,
// what lighthouseIPEMin says).
func TestBrowserLighthouse(t *testing.T) {
	run := lighthouseRunner(t)
	t.Parallel()
	m := startApp(t)
	leader := signInHTTP(t, m, laeringsliv.RoleLeader)
	participant := signInHTTP(t, m, laeringsliv.RoleParticipant)
	console, code := runningIPE(t, m, leader)
	handbook := publishedHandbook(t, m)
	pages := []lighthousePage{
		{name: "ipe-phone", path: "/ipe?code=" + url.QueryEscape(code), mobile: true},
		{name: "ipe-console", path: console, cookie: leader},
		{name: "ipe-screen", path: console + "/screen", cookie: leader},
		{name: "dashboard", path: "/", mobile: true, cookie: participant},
		{name: "dashboard-desktop", path: "/", cookie: participant},
		{name: "login", path: "/login", mobile: true},
		{name: "handbook", path: handbook, mobile: true},
	}
	var table strings.Builder
	fmt.Fprintf(&table, "%-18s %-7s %11s %13s %14s\n", "page", "device", "performance", "accessibility", "best-practices")
	for _, p := range pages {
		r := run(t, m.URL()+p.path, p)
		device := map[bool]string{true: "mobile", false: "desktop"}[p.mobile]
		fmt.Fprintf(&table, "%-18s %-7s", p.name, device)
		for i, c := range lighthouseCategories {
			fmt.Fprintf(&table, " %*.0f", []int{11, 13, 14}[i], r.score(c))
		}
		table.WriteString("\n")
		for _, c := range lighthouseCategories {
			min := lighthouseThreshold(p.name, c)
			if got := r.score(c); got < min {
				t.Errorf("%s (%s): %s %.0f, want at least %.0f; failing audits:\n%s", p.name, p.path, c, got, min, r.failing(c))
			} else if got < lighthouseMin {
				t.Logf("%s: %s %.0f is below %d, allowed by lighthouseIPEMin; failing audits:\n%s", p.name, c, got, lighthouseMin, r.failing(c))
			}
		}
	}
	t.Logf("Lighthouse %s scores:\n%s", lighthouseVersion, table.String())
}

// lighthouseThreshold is the score page must reach in category.
func lighthouseThreshold(page, category string) float64 {
	if min, ok := lighthouseIPEMin[page][category]; ok {
		return min
	}
	return lighthouseMin
}

// lighthouseVersion is the version tools/lighthouse/package.json pins, for the log.
var lighthouseVersion string

// lighthouseRunner finds node, the pinned Lighthouse and Chromium, and returns a function that
// measures one URL. Without them it skips the test, or fails it with CI=true, where
// scripts/install-test-deps.sh has installed them.
func lighthouseRunner(t *testing.T) func(*testing.T, string, lighthousePage) *lighthouseResult {
	t.Helper()
	missing := func(err error) {
		t.Helper()
		if ci.On() {
			t.Fatalf("%v (CI=true: scripts/install-test-deps.sh installs it)", err)
		}
		t.Skipf("%v; skipping the Lighthouse test (scripts/install-test-deps.sh installs it)", err)
	}
	chromium, err := browsertest.ChromiumPath()
	if err != nil {
		missing(err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing(fmt.Errorf("node: %w", err))
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "tools", "lighthouse"))
	if err != nil {
		t.Fatal(err)
	}
	cli := filepath.Join(dir, "node_modules", "lighthouse", "cli", "index.js")
	if _, err := os.Stat(cli); err != nil {
		missing(fmt.Errorf("lighthouse is not installed in %s: %w", dir, err))
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	var installed struct {
		Version string `json:"version"`
	}
	readJSON(t, filepath.Join(dir, "package.json"), &pkg)
	readJSON(t, filepath.Join(dir, "node_modules", "lighthouse", "package.json"), &installed)
	if want := pkg.Dependencies["lighthouse"]; installed.Version != want {
		missing(fmt.Errorf("lighthouse %s is installed in %s, the pinned version is %s (npm ci)", installed.Version, dir, want))
	}
	lighthouseVersion = installed.Version
	return func(t *testing.T, target string, p lighthousePage) *lighthouseResult {
		t.Helper()
		return runLighthouse(t, node, cli, chromium, target, p)
	}
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

// runLighthouse runs the Lighthouse CLI on target and reads its JSON report.
func runLighthouse(t *testing.T, node, cli, chromium, target string, p lighthousePage) *lighthouseResult {
	t.Helper()
	profile := t.TempDir()
	flags := append(append([]string{}, lighthouseChromeFlags...), "--user-data-dir="+profile)
	args := []string{cli, target, "--output=json", "--output-path=stdout", "--quiet",
		"--only-categories=" + strings.Join(lighthouseCategories, ","),
		"--chrome-flags=" + strings.Join(flags, " "), "--disable-full-page-screenshot", "--max-wait-for-load=30000"}
	if p.mobile {
		args = append(args, "--form-factor=mobile")
	} else {
		args = append(args, "--preset=desktop")
	}
	if p.cookie != "" {
		h, err := json.Marshal(map[string]string{"Cookie": p.cookie})
		if err != nil {
			t.Fatal(err)
		}
		args = append(args, "--extra-headers="+string(h))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium, "HOME="+profile)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("lighthouse %s: %v\n%s", p.name, err, stderr.String())
	}
	var r lighthouseResult
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("lighthouse %s: report: %v\n%s", p.name, err, stderr.String())
	}
	if r.RuntimeError.Code != "" {
		t.Fatalf("lighthouse %s: %s: %s", p.name, r.RuntimeError.Code, r.RuntimeError.Message)
	}
	if r.FinalURL != target {
		t.Fatalf("lighthouse %s: measured %s, not %s (signed out?)", p.name, r.FinalURL, target)
	}
	if dir := os.Getenv("LAERINGSLIV_LIGHTHOUSE_REPORTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, p.name+".json"), stdout.Bytes(), 0o644); err != nil {
			t.Error(err)
		}
	}
	if len(r.RunWarnings) > 0 {
		t.Logf("lighthouse %s warns: %s", p.name, strings.Join(r.RunWarnings, "; "))
	}
	t.Logf("lighthouse %s: %s in %s; %s", p.name, r.FinalURL, time.Since(start).Round(time.Second), r.metrics())
	return &r
}

// lighthouseResult is the part of Lighthouse's JSON report the test reads.
type lighthouseResult struct {
	FinalURL     string   `json:"finalDisplayedUrl"`
	RunWarnings  []string `json:"runWarnings"`
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

// lighthouseMetrics are the audits whose figures the log shows for each page, by short name.
var lighthouseMetrics = []struct{ name, audit string }{{"FCP", "first-contentful-paint"}, {"LCP", "largest-contentful-paint"},
	{"TBT", "total-blocking-time"}, {"CLS", "cumulative-layout-shift"}}

// metrics says the page's main figures as Lighthouse displays them, and the bytes it loaded.
func (r *lighthouseResult) metrics() string {
	var out []string
	for _, m := range lighthouseMetrics {
		out = append(out, m.name+" "+r.Audits[m.audit].DisplayValue)
	}
	return strings.Join(out, ", ") + fmt.Sprintf(", %.1f KiB", r.Audits["total-byte-weight"].NumericValue/1024)
}

// score is the category's score out of 100; a category Lighthouse could not score is 0.
func (r *lighthouseResult) score(category string) float64 {
	c, ok := r.Categories[category]
	if !ok || c.Score == nil {
		return 0
	}
	return math.Round(*c.Score * 100)
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

// signInHTTP signs the demo account of role in through the login form and returns the Cookie
// header its browser would send.
func signInHTTP(t *testing.T, m *Main, role laeringsliv.Role) string {
	t.Helper()
	l := loginFor(t, m, role)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(m.URL()+"/login", url.Values{"email": {l.Email}, "password": {l.Password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) == 0 {
		t.Fatalf("%s signs in: status %d, cookies %v", role, resp.StatusCode, resp.Cookies())
	}
	var pairs []string
	for _, c := range resp.Cookies() {
		pairs = append(pairs, c.Name+"="+c.Value)
	}
	return strings.Join(pairs, "; ")
}

// runningIPE has the leader create an IPE session in their workplace through the web forms
// and open it for notes; it returns the console's path and the join code.
func runningIPE(t *testing.T, m *Main, cookie string) (console, code string) {
	t.Helper()
	home := homeWorkplace(t, m, loginFor(t, m, laeringsliv.RoleLeader))
	form := url.Values{"kind": {string(laeringsliv.IPEKindCapture)}, "question": {"Hva kan vi gjøre bedre ved vaktskiftet?"},
		"grouping": {string(laeringsliv.IPEGroupingHand)}, "groups": {"2"}, "phase_minutes": {"5"}}
	console = postAs(t, m, cookie, "/workplaces/"+itoa(home.ID)+"/ipe", form)
	postAs(t, m, cookie, console+"/phase", url.Values{"from": {string(laeringsliv.IPEPhaseDraft)}})
	ctx := context.Background()
	ss, err := m.DB.FindIPESessions(ctx, home.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ss {
		if strings.HasSuffix(console, "/ipe/"+itoa(s.ID)) {
			if s.Phase != laeringsliv.IPEPhaseCapture {
				t.Fatalf("session %d is in phase %s, want capture", s.ID, s.Phase)
			}
			return console, s.JoinCode
		}
	}
	t.Fatalf("no session behind %s", console)
	return "", ""
}

// postAs submits form to path with cookie and returns where the app redirects.
func postAs(t *testing.T, m *Main, cookie, path string, form url.Values) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, m.URL()+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Cookie", cookie)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || loc == "" {
		t.Fatalf("POST %s: status %d, location %q", path, resp.StatusCode, loc)
	}
	return loc
}

// publishedHandbook publishes a short handbook of the demo's first programme and returns its
// public path.
func publishedHandbook(t *testing.T, m *Main) string {
	t.Helper()
	ctx := context.Background()
	h := &laeringsliv.Handbook{ProgrammeID: workplaces(t, m)[0].ProgrammeID, Title: "Håndbok for medarbeiderdrevet innovasjon"}
	if err := m.DB.CreateHandbook(ctx, h); err != nil {
		t.Fatal(err)
	}
	author := loginPerson(t, m, laeringsliv.RoleTeacher)
	for _, c := range []*laeringsliv.HandbookChapter{
		{HandbookID: h.ID, Title: "Vaktskiftet", Body: "Rapporten ved **vaktskiftet** tar ti minutter.\n\n## Slik gjør vi det\n\n- Stå sammen ved dagtavla.\n- Si det viktigste først."},
		{HandbookID: h.ID, Title: "Idéfangst", Body: "Alle skriver en lapp i hatten, anonymt. Gruppene trekker og reflekterer."},
	} {
		if err := m.DB.CreateChapter(ctx, c, author); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.DB.SetHandbookPublished(ctx, h.ID, true); err != nil {
		t.Fatal(err)
	}
	return "/handbooks/" + itoa(h.ID)
}
