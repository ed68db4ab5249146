package web

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"laeringsliv/sqlstore/sqltest"
)

// apiAnswers lists, per /api/v1 route, the status codes its handler answers, written by hand
// from the handlers (as the authorisation table is from the policy) so that the document is
// tested against what the code does. Every participant call answers 401 without a valid
// token, 403 with another session's token, and 503 while the database is down.
var apiAnswers = map[string][]string{
	"POST /api/v1/join":                       {"201", "403", "404", "409", "422", "429", "503"},
	"GET /api/v1/sessions/{ipe}":              {"200", "401", "403", "503"},
	"GET /api/v1/sessions/{ipe}/events":       {"200", "401", "403", "503"},
	"POST /api/v1/sessions/{ipe}/notes":       {"201", "401", "403", "422", "503"},
	"POST /api/v1/sessions/{ipe}/draws":       {"201", "401", "403", "422", "503"},
	"POST /api/v1/sessions/{ipe}/passes":      {"200", "401", "403", "409", "422", "503"},
	"POST /api/v1/sessions/{ipe}/group":       {"200", "401", "403", "422", "503"},
	"POST /api/v1/sessions/{ipe}/reflections": {"200", "401", "403", "404", "422", "503"},
	"POST /api/v1/sessions/{ipe}/votes":       {"201", "401", "403", "422", "503"},
	"POST /api/v1/sessions/{ipe}/phase":       {"200", "401", "403", "409", "422", "503"},
	"GET /api/v1/openapi.json":                {"200"}, // the document itself, not described in it
}

// Every /api/v1 route of the server's route table is in the OpenAPI document with its method
// and the status codes its handler answers, and the document describes nothing else.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	var doc struct {
		Servers []struct{ URL string }                `json:"servers"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].URL != "/api/v1" {
		t.Fatalf("servers %+v, want /api/v1", doc.Servers)
	}
	documented := map[string][]string{} // "METHOD /api/v1/path" → codes
	for path, ops := range doc.Paths {
		for method, raw := range ops {
			if method == "parameters" {
				continue
			}
			var op struct {
				Responses map[string]json.RawMessage `json:"responses"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
			// The document names the session {id}; the route table {ipe}.
			key := strings.ToUpper(method) + " /api/v1" + strings.ReplaceAll(path, "{id}", "{ipe}")
			documented[key] = slices.Sorted(maps.Keys(op.Responses))
		}
	}
	served := map[string]bool{}
	for _, rt := range f.server.routes() {
		if _, path, _ := strings.Cut(rt.pattern, " "); !strings.HasPrefix(path, "/api/v1/") {
			continue
		}
		served[rt.pattern] = true
		want, ok := apiAnswers[rt.pattern]
		if !ok {
			t.Errorf("route %s has no row in apiAnswers: add one", rt.pattern)
			continue
		}
		if rt.pattern == "GET /api/v1/openapi.json" {
			continue
		}
		got, ok := documented[rt.pattern]
		if !ok {
			t.Errorf("route %s is not in the OpenAPI document", rt.pattern)
			continue
		}
		if !slices.Equal(got, slices.Sorted(slices.Values(want))) {
			t.Errorf("%s: the document lists %v, the handler answers %v", rt.pattern, got, want)
		}
	}
	for key := range documented {
		if !served[key] {
			t.Errorf("the OpenAPI document describes %s, which the server does not route", key)
		}
	}
	t.Logf("%d routes under /api/v1, %d operations documented", len(served), len(documented))
}
