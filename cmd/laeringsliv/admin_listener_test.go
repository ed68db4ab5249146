package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

// /metrics is served on the operators' listener, not on the public one, unless a scraper
// brings the bearer token.
func TestAdminListener(t *testing.T) {
	cfg := Config{Addr: "127.0.0.1:0", AdminAddr: "127.0.0.1:0", Database: tempDB(t), LogFormat: "text",
		LogLevel: slog.LevelWarn, Institution: DefaultInstitution, MetricsToken: "a-scraper-token-of-length"}
	m := NewMain(cfg, slog.New(slog.NewTextHandler(t.Output(), nil)), io.Discard)
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Close() })
	if !strings.HasPrefix(m.AdminURL(), "http://127.0.0.1:") || m.AdminURL() == m.URL() {
		t.Fatalf("admin URL %q beside %q", m.AdminURL(), m.URL())
	}
	for _, tc := range []struct {
		url, token string
		want       int
	}{
		{m.AdminURL() + "/metrics", "", http.StatusOK},
		{m.AdminURL() + "/healthz", "", http.StatusOK},
		{m.URL() + "/metrics", "", http.StatusNotFound},
		{m.URL() + "/metrics", "wrong-token-wrong-token", http.StatusNotFound},
		{m.URL() + "/metrics", cfg.MetricsToken, http.StatusOK},
		{m.AdminURL() + "/login", "", http.StatusNotFound},
		{m.AdminURL() + "/debug/pprof/goroutine?debug=1", "", http.StatusOK},
		{m.URL() + "/debug/pprof/goroutine?debug=1", "", http.StatusNotFound},
	} {
		req, _ := http.NewRequest("GET", tc.url, nil)
		if tc.token != "" {
			req.Header.Set("Authorization", "Bearer "+tc.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("GET %s (token %q): %d, want %d", tc.url, tc.token, resp.StatusCode, tc.want)
		}
		if tc.want == http.StatusOK && strings.HasSuffix(tc.url, "/metrics") && !strings.Contains(string(body), "laeringsliv_") {
			t.Errorf("GET %s: no metrics in %q", tc.url, body)
		}
	}
}
