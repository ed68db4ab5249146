package web

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// With the database gone, pages and the API answer 503 with Retry-After, not 500.
func TestDatabaseOutage(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	c := f.signIn(t, laeringsliv.RoleParticipant)
	if resp, _ := f.do(t, c, "GET", "/", nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("before the outage: %d", resp.StatusCode)
	}
	f.db.Close()
	for _, tc := range []struct{ method, path string }{{"GET", "/"}, {"GET", "/login"}} {
		resp, body := f.do(t, c, tc.method, tc.path, nil)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
			t.Errorf("%s %s during an outage: %d, Retry-After %q; want 503 with Retry-After\n%s",
				tc.method, tc.path, resp.StatusCode, resp.Header.Get("Retry-After"), body)
		}
	}
	// The participant API answers in JSON, with the same status.
	req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/join", strings.NewReader(`{"code":"ABCDEF"}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := f.client(t).Do(req)
	must(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(body), `"unavailable"`) {
		t.Errorf("POST /api/v1/join during an outage: %d, Retry-After %q\n%s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
}
