package web

import (
	"crypto/subtle"
	"net/http"
	"net/http/pprof"
	"strings"
	"time"

	"laeringsliv"
)

// AdminHandler serves the operators' endpoints (/metrics, /healthz, /readyz and the Go
// profiler under /debug/pprof/) for a listener of their own, which main binds to loopback
// unless told otherwise. Nothing here is reachable through the public handler, except
// /metrics with the bearer token when one is configured.
func (s *Server) AdminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /metrics", s.metricsPage)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", s.longRequest(pprof.Profile))
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", s.longRequest(pprof.Trace))
	return s.deadlines(s.withPeer(mux))
}

// longRequest lifts the write deadline for a profile, which takes as long as asked (?seconds=).
func (s *Server) longRequest(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
		h(w, r)
	}
}

// publicMetrics serves /metrics on the public address only to a scraper that presents the
// configured bearer token; without a token configured the public path does not exist.
func (s *Server) publicMetrics(w http.ResponseWriter, r *http.Request) {
	if s.cfg.MetricsToken == "" || !bearerMatches(r, s.cfg.MetricsToken) {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	s.metricsPage(w, r)
}

// bearerMatches compares the request's bearer token with want in constant time.
func bearerMatches(r *http.Request, want string) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(want)) == 1
}
