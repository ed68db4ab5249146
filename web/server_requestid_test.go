package web

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"laeringsliv/sqlstore/sqltest"
)

func TestValidRequestID(t *testing.T) {
	for id, want := range map[string]bool{
		"abc-123":                  true,
		"4bf92f3577b34da6a3ce929d": true,
		"req_1.2:3":                true,
		"":                         false,
		strings.Repeat("a", 64):    true,
		strings.Repeat("a", 65):    false,
		"a b":                      false,
		"a\nb":                     false,
		"a\"b":                     false,
		"æøå":                      false,
	} {
		if got := validRequestID(id); got != want {
			t.Errorf("validRequestID(%q) = %v, want %v", id, got, want)
		}
	}
}

func TestRequestIDTrust(t *testing.T) {
	r, _ := http.NewRequest("GET", "/", nil)
	r.Header.Set(requestIDHeader, "from-proxy")
	yes := func(*http.Request) bool { return true }
	no := func(*http.Request) bool { return false }
	for name, c := range map[string]struct {
		trusted func(*http.Request) bool
		header  string
		kept    bool
	}{
		"no hook":         {nil, "from-proxy", false},
		"untrusted":       {no, "from-proxy", false},
		"trusted":         {yes, "from-proxy", true},
		"trusted, broken": {yes, "bad id\n", false},
	} {
		r.Header.Set(requestIDHeader, c.header)
		id := requestID(r, c.trusted)
		if (id == c.header) != c.kept || !validRequestID(id) {
			t.Errorf("%s: id %q", name, id)
		}
	}
}

// TestRequestIDInLogsAndHeader checks a request's log lines carry the id the response
// header shows, and that two requests get different ids.
func TestRequestIDInLogsAndHeader(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	var logs bytes.Buffer
	f.server.cfg.Logger = slog.New(requestIDHandler{slog.NewTextHandler(&logs, nil)})
	c := f.client(t)
	first, _ := f.do(t, c, "GET", "/login", nil)
	second, _ := f.do(t, c, "GET", "/login", nil)
	a, b := first.Header.Get(requestIDHeader), second.Header.Get(requestIDHeader)
	if a == "" || a == b {
		t.Fatalf("ids %q and %q", a, b)
	}
	for _, id := range []string{a, b} {
		if !strings.Contains(logs.String(), "request_id="+id) {
			t.Errorf("no log line with request_id=%s:\n%s", id, logs.String())
		}
	}
	// Any line logged with the request's context carries the id.
	var out bytes.Buffer
	l := slog.New(requestIDHandler{slog.NewTextHandler(&out, nil)}).With("k", "v")
	ctx := context.WithValue(context.Background(), ctxRequest, &reqState{requestID: "rid-1"})
	l.WarnContext(ctx, "something")
	if !strings.Contains(out.String(), "request_id=rid-1") {
		t.Errorf("handler dropped the id: %s", out.String())
	}
}
