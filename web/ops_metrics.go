package web

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"
)

// metrics counts requests by route pattern and status class and keeps a duration histogram,
// written in the Prometheus text format. Labels are route patterns only, never paths with ids
// or anything a person typed.
type metrics struct {
	mu       sync.Mutex
	start    time.Time
	requests map[[2]string]uint64 // {route, status}
	hist     map[string]*histogram
	gc       forcedGC // /metrics?gc=1
}

var bucketBounds = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type histogram struct {
	counts []uint64 // one per bound, plus +Inf
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{start: time.Now(), requests: map[[2]string]uint64{}, hist: map[string]*histogram{}}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	if status == 0 {
		status = http.StatusOK
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[2]string{route, strconv.Itoa(status)}]++
	h := m.hist[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(bucketBounds)+1)}
		m.hist[route] = h
	}
	sec := d.Seconds()
	i := sort.SearchFloat64s(bucketBounds, sec)
	h.counts[i]++
	h.sum += sec
	h.n++
}

func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP laeringsliv_http_requests_total HTTP requests by route pattern and status.")
	fmt.Fprintln(w, "# TYPE laeringsliv_http_requests_total counter")
	keys := make([][2]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		fmt.Fprintf(w, "laeringsliv_http_requests_total{route=%q,status=%q} %d\n", k[0], k[1], m.requests[k])
	}
	fmt.Fprintln(w, "# HELP laeringsliv_http_request_duration_seconds Time to serve a request.")
	fmt.Fprintln(w, "# TYPE laeringsliv_http_request_duration_seconds histogram")
	routes := make([]string, 0, len(m.hist))
	for r := range m.hist {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		h := m.hist[r]
		var cum uint64
		for i, b := range bucketBounds {
			cum += h.counts[i]
			fmt.Fprintf(w, "laeringsliv_http_request_duration_seconds_bucket{route=%q,le=%q} %d\n", r, strconv.FormatFloat(b, 'f', -1, 64), cum)
		}
		cum += h.counts[len(bucketBounds)]
		fmt.Fprintf(w, "laeringsliv_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", r, cum)
		fmt.Fprintf(w, "laeringsliv_http_request_duration_seconds_sum{route=%q} %g\n", r, h.sum)
		fmt.Fprintf(w, "laeringsliv_http_request_duration_seconds_count{route=%q} %d\n", r, h.n)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintln(w, "# TYPE laeringsliv_go_goroutines gauge")
	fmt.Fprintf(w, "laeringsliv_go_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintln(w, "# TYPE laeringsliv_go_heap_inuse_bytes gauge")
	fmt.Fprintf(w, "laeringsliv_go_heap_inuse_bytes %d\n", ms.HeapInuse)
	fmt.Fprintln(w, "# TYPE laeringsliv_uptime_seconds gauge")
	fmt.Fprintf(w, "laeringsliv_uptime_seconds %d\n", int64(time.Since(m.start).Seconds()))
}

func (s *Server) metricsPage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.gc.collectIfAsked(r)
	s.metrics.write(w)
	writeMemory(w)
}

// healthz says the process is alive.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "ok %s\n", s.cfg.Version)
}

// readyz says the process can serve: storage answers.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.svc.Ready != nil {
		if err := s.svc.Ready(r.Context()); err != nil {
			s.cfg.Logger.Warn("not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "not ready")
			return
		}
	}
	fmt.Fprintln(w, "ready")
}
