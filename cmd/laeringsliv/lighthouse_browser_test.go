package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"laeringsliv"
)

// lighthouseMin is the score every page must reach in each measured category.
const lighthouseMin = 95

// lighthouseIPEMin holds a lower threshold per category for the IPE pages while their
// templates are being redesigned, by page name (a flow step is "ipe-phone/capture"). Tighten
// an entry, or delete it so that lighthouseMin applies, once the page reaches lighthouseMin;
// the test logs the failing audits of every page below lighthouseMin.
var lighthouseIPEMin = map[string]map[string]float64{}

// lighthousePage is one page measured: phone pages with Lighthouse's mobile settings
// (a mid-range phone on a slow 4G network, simulated), others with its desktop preset.
type lighthousePage struct {
	name   string
	url    string
	mobile bool
	cookie string // the Cookie header of a signed-in person; empty for public pages
}

// TestBrowserLighthouse measures the main screens with Lighthouse in Debian's Chromium: the
// phone flow of a running IPE session (join page, note form, note sent), the facilitator's
// console, the projector view, a participant's dashboard, the sign-in page and a published
// handbook. Every page scores at least lighthouseMin in performance, accessibility and best
// practices (the IPE pages, for now, what lighthouseIPEMin says). The phone flow's later steps
// are not page loads: Lighthouse has no performance score for them (the log shows their
// figures), only accessibility and best practices.
func TestBrowserLighthouse(t *testing.T) {
	lt := findLighthouse(t)
	t.Parallel()
	m := startApp(t)
	leader := signInHTTP(t, m, laeringsliv.RoleLeader)
	participant := signInHTTP(t, m, laeringsliv.RoleParticipant)
	console, code := runningIPE(t, m, leader)
	handbook := publishedHandbook(t, m)
	var table lighthouseTable
	flow := steady(t, "ipe-phone", lighthouseThreshold("ipe-phone/join", "performance"),
		func() *lighthouseFlow { return lt.flow(t, ipePhoneFlow(m.URL()+"/ipe?code="+url.QueryEscape(code))) },
		func(f *lighthouseFlow) float64 { return f.Steps[0].LHR.performance() })
	for _, s := range flow.Steps {
		table.add(t, "ipe-phone/"+s.Name, "mobile", &s.LHR)
	}
	for _, p := range []lighthousePage{
		{name: "ipe-console", url: m.URL() + console, cookie: leader},
		{name: "ipe-screen", url: m.URL() + console + "/screen", cookie: leader},
		{name: "dashboard", url: m.URL() + "/", mobile: true, cookie: participant},
		{name: "dashboard-desktop", url: m.URL() + "/", cookie: participant},
		{name: "login", url: m.URL() + "/login", mobile: true},
		{name: "handbook", url: m.URL() + handbook, mobile: true},
	} {
		r := steady(t, p.name, lighthouseThreshold(p.name, "performance"),
			func() *lighthouseResult { return lt.page(t, p) }, (*lighthouseResult).performance)
		table.add(t, p.name, map[bool]string{true: "mobile", false: "desktop"}[p.mobile], r)
	}
	t.Logf("Lighthouse %s scores:\n%s", lt.version, table.String())
}

// ipePhoneFlow is a participant's phone in a running session: the join page, joining, the
// note form, writing a note and seeing it sent. The selectors are TestBrowserIPEFlow's.
func ipePhoneFlow(joinURL string) lighthousePlan {
	return lighthousePlan{Name: "ipe-phone", FormFactor: "mobile", Steps: []lighthouseStep{
		{Name: "join", Mode: "navigation", URL: joinURL},
		{Name: "joining", Mode: "timespan", Actions: []lighthouseAction{{Click: "#ipe-join-form button[type=submit]"},
			{WaitFor: "!document.getElementById('ipe-capture').hidden"}}},
		{Name: "capture", Mode: "snapshot"},
		{Name: "write", Mode: "timespan", Actions: []lighthouseAction{{Type: "#f-note", Text: "Mer ro ved medisinutdeling."},
			{Click: "#ipe-note-form button[type=submit]"},
			{WaitFor: "document.getElementById('f-note').value === '' && document.getElementById('ipe-status').textContent.length > 0"}}},
		{Name: "sent", Mode: "snapshot"},
	}}
}

// lighthouseTable checks each page's scores and collects them for the log.
type lighthouseTable struct{ strings.Builder }

// add checks the scores of page, measured on device, and adds its row.
func (tb *lighthouseTable) add(t *testing.T, page, device string, r *lighthouseResult) {
	t.Helper()
	r.check(t, page)
	if m := r.metrics(); m != "" {
		t.Logf("%s (%s): %s", page, r.GatherMode, m)
	}
	if tb.Len() == 0 {
		fmt.Fprintf(tb, "%-20s %-7s %-10s %11s %13s %14s\n", "page", "device", "mode", "performance", "accessibility", "best-practices")
	}
	fmt.Fprintf(tb, "%-20s %-7s %-10s", page, device, r.GatherMode)
	for i, c := range lighthouseCategories {
		got, ok := r.score(c)
		width := []int{11, 13, 14}[i]
		if !ok || c == "performance" && r.GatherMode != "navigation" {
			fmt.Fprintf(tb, " %*s", width, "-")
			continue
		}
		fmt.Fprintf(tb, " %*.0f", width, got)
		if want := lighthouseThreshold(page, c); got < want {
			t.Errorf("%s (%s): %s %.0f, want at least %.0f; failing audits:\n%s", page, r.FinalURL, c, got, want, r.failing(c))
		} else if got < lighthouseMin {
			t.Logf("%s: %s %.0f is below %d, allowed by lighthouseIPEMin; failing audits:\n%s", page, c, got, lighthouseMin, r.failing(c))
		}
	}
	tb.WriteString("\n")
}

// lighthouseRuns is how many times a page below its performance threshold is measured: the
// machine is shared (a neighbour's load shows as blocking time on the simulated phone, whose
// CPU is the host's slowed four times), and Lighthouse's own advice for its variance is the
// median of five runs.
const lighthouseRuns = 5

// steady measures once, and when the performance score is below want measures until there
// are lighthouseRuns results, and returns the one of median performance.
func steady[R any](t *testing.T, name string, want float64, measure func() R, performance func(R) float64) R {
	t.Helper()
	runs := []R{measure()}
	if performance(runs[0]) >= want {
		return runs[0]
	}
	for len(runs) < lighthouseRuns {
		runs = append(runs, measure())
	}
	sort.SliceStable(runs, func(i, j int) bool { return performance(runs[i]) < performance(runs[j]) })
	var scores []string
	for _, r := range runs {
		scores = append(scores, fmt.Sprintf("%.0f", performance(r)))
	}
	t.Logf("%s: performance below %.0f at first, measured %d times: %s; the median counts", name, want, len(runs), strings.Join(scores, ", "))
	return runs[len(runs)/2]
}

// lighthouseThreshold is the score page must reach in category.
func lighthouseThreshold(page, category string) float64 {
	if bar, ok := lighthouseIPEMin[page][category]; ok {
		return bar
	}
	return lighthouseMin
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

// publishedHandbook returns the public path of the demo's published handbook.
func publishedHandbook(t *testing.T, m *Main) string {
	t.Helper()
	hs, err := m.DB.FindPublishedHandbooks(context.Background())
	if err != nil || len(hs) == 0 {
		t.Fatalf("published handbooks %v, %v; want the demo's", hs, err)
	}
	return "/handbooks/" + itoa(hs[0].ID)
}
