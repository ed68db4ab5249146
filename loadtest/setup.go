// Package loadtest drives simulated IPE participants over the public API against a running
// server and reports connections, note throughput, acknowledgement and delivery latencies,
// errors and the server's memory. It is a tool for figures, never a timed test.
package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Config says what to run.
type Config struct {
	URL          string   // the server, e.g. http://127.0.0.1:8080
	MetricsURL   string   // its operators' listener with /metrics, e.g. http://127.0.0.1:9090; "" is URL
	Codes        []string // join codes of sessions already in the capture phase
	Email        string   // or: a facilitator who creates Sessions sessions in Workplace
	Password     string
	Workplace    int64
	Sessions     int
	Participants int // in all, spread over the sessions
	Notes        int // per participant
	Writers      int // participants writing at once; 256 when zero
	// Rate, when set, paces the notes to that many per second in all (each sent at its
	// scheduled moment, as people write, not as fast as the server answers), so that delivery
	// latency is measured at a given load rather than at saturation.
	Rate float64
	// Bare runs the same load against a bare net/http broadcaster first, started by
	// BareCommand (a program that prints its address on its first line) or in this process.
	Bare        bool
	BareCommand []string
	// Repeat runs the load that many times (1 when zero), each time in new sessions (and a
	// new bare broadcaster), and prints the median of the runs' figures: one run on a shared
	// machine is noise.
	Repeat int
}

// Validate checks the configuration.
func (c *Config) Validate() error {
	if c.Rate < 0 {
		return errors.New("--rate must not be negative")
	}
	c.URL = strings.TrimSuffix(c.URL, "/")
	if c.MetricsURL == "" {
		c.MetricsURL = c.URL
	}
	c.MetricsURL = strings.TrimSuffix(c.MetricsURL, "/")
	if u, err := url.Parse(c.MetricsURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("--metrics-url must be an http(s) address")
	}
	switch u, err := url.Parse(c.URL); {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return errors.New("--url must be an http(s) address")
	case len(c.Codes) == 0 && (c.Email == "" || c.Workplace == 0 || c.Sessions < 1):
		return errors.New("give --code, or --login, --workplace and --sessions")
	case c.Participants < 1 || c.Notes < 0 || c.Writers < 0:
		return errors.New("--participants must be at least 1, --notes and --writers not negative")
	case c.Repeat < 0 || c.Repeat > 100:
		return errors.New("--repeat must be between 1 and 100")
	case c.Repeat > 1 && len(c.Codes) > 0:
		return errors.New("--repeat needs --login: each run gets sessions of its own")
	}
	c.Repeat = max(c.Repeat, 1)
	if c.Writers == 0 {
		c.Writers = 256
	}
	return nil
}

// facilitator is a signed-in browser session, for creating sessions.
type facilitator struct {
	client *http.Client
	base   string
	cookie string
}

var codeRE = regexp.MustCompile(`app-ipe-code">([A-Z2-9]{6})<`)

// createSessions signs in and creates n sessions moved to the capture phase; it returns
// their join codes.
func createSessions(ctx context.Context, c *Config, client *http.Client) ([]string, error) {
	f := &facilitator{client: client, base: c.URL}
	resp, err := f.post(ctx, "/login", url.Values{"email": {c.Email}, "password": {c.Password}, "next": {"/"}})
	if err != nil {
		return nil, err
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == "__Host-session" {
			f.cookie = ck.Name + "=" + ck.Value
		}
	}
	if f.cookie == "" {
		return nil, errors.New("sign-in failed")
	}
	var codes []string
	groups := strconv.Itoa(min(50, max(1, c.Participants/c.Sessions/4))) // the form allows 50
	for range c.Sessions {
		resp, err := f.post(ctx, "/workplaces/"+strconv.FormatInt(c.Workplace, 10)+"/ipe", url.Values{"kind": {"capture"},
			"question": {"Load test"}, "grouping": {"hand"}, "groups": {groups}, "k": {"3"}, "vote_budget": {"3"}, "phase_minutes": {"0"}})
		if err != nil {
			return nil, err
		}
		console := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || console == "" {
			return nil, fmt.Errorf("create session: status %d", resp.StatusCode)
		}
		if _, err := f.post(ctx, console+"/phase", url.Values{"from": {"draft"}}); err != nil {
			return nil, err
		}
		body, err := f.get(ctx, console)
		if err != nil {
			return nil, err
		}
		m := codeRE.FindStringSubmatch(body)
		if m == nil {
			return nil, errors.New("no join code on the console")
		}
		codes = append(codes, m[1])
	}
	return codes, nil
}

func (f *facilitator) post(ctx context.Context, path string, form url.Values) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", f.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return f.do(req)
}

func (f *facilitator) get(ctx context.Context, path string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", f.base+path, nil)
	if err != nil {
		return "", err
	}
	resp, err := f.do(req)
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// do sends the session cookie by hand: the server's cookie is Secure, which a cookie jar
// withholds from plain http on loopback.
func (f *facilitator) do(req *http.Request) (*http.Response, error) {
	if f.cookie != "" {
		req.Header.Set("Cookie", f.cookie)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	if req.Method == "POST" {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return resp, nil
}
