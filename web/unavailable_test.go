package web

import (
	"net/http"
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
	for _, tc := range []struct{ method, path string }{{"GET", "/"}, {"GET", "/login"}, {"GET", "/api/v1/sessions/1"}} {
		resp, body := f.do(t, c, tc.method, tc.path, nil)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
			t.Errorf("%s %s during an outage: %d, Retry-After %q; want 503 with Retry-After\n%s",
				tc.method, tc.path, resp.StatusCode, resp.Header.Get("Retry-After"), body)
		}
	}
}
