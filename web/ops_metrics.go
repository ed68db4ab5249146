package web

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"laeringsliv"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics holds the server's own Prometheus registry: the standard Go and process
// collectors, the database pools' statistics, and the HTTP and live-stream figures. Labels
// are route patterns and stream kinds only, never paths with ids or anything a person typed.
// Each Server has its own registry so that tests can build many servers in one process.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	streams  *prometheus.GaugeVec
	gc       forcedGC // /metrics?gc=1
}

func newMetrics(pools map[string]*sql.DB, jobs laeringsliv.JobService) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "laeringsliv_http_requests_total",
			Help: "HTTP requests served, by route pattern and status code.",
		}, []string{"route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "laeringsliv_http_request_duration_seconds",
			Help:    "Time to serve a request, by route pattern; live event streams are left out.",
			Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		streams: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "laeringsliv_live_streams_open",
			Help: "Live event streams (server-sent events) open now, by kind.",
		}, []string{"kind"}),
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.requests, m.duration, m.streams,
	)
	for _, kind := range []string{"ipe", "reading", "job"} { // shown at 0 before the first stream
		m.streams.WithLabelValues(kind)
	}
	if jobs != nil {
		m.reg.MustRegister(jobCollector{jobs: jobs, desc: prometheus.NewDesc("laeringsliv_jobs",
			"Jobs in the durable queue, by state (River's: available, scheduled, running, retryable, completed, …).",
			[]string{"state"}, nil)})
	}
	for name, db := range pools {
		m.reg.MustRegister(collectors.NewDBStatsCollector(db, name))
	}
	return m
}

// observe counts a finished request; a live stream's duration says nothing about speed, so
// streams are counted but kept out of the histogram.
func (m *metrics) observe(route string, status int, d time.Duration, stream bool) {
	if status == 0 {
		status = http.StatusOK
	}
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	if !stream {
		m.duration.WithLabelValues(route).Observe(d.Seconds())
	}
}

// streamOpened marks the request as a live stream of kind and counts it open until the
// returned function is called.
func (m *metrics) streamOpened(r *http.Request, kind string) (closed func()) {
	state(r).stream = true
	g := m.streams.WithLabelValues(kind)
	g.Inc()
	return g.Dec
}

func (s *Server) metricsPage(w http.ResponseWriter, r *http.Request) {
	s.metrics.gc.collectIfAsked(r)
	promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{ErrorLog: nil}).ServeHTTP(w, r)
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
			s.cfg.Logger.WarnContext(r.Context(), "not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "not ready")
			return
		}
	}
	fmt.Fprintln(w, "ready")
}

// jobCollector reads the queue's jobs by state at each scrape.
type jobCollector struct {
	jobs laeringsliv.JobService
	desc *prometheus.Desc
}

// jobStates are River's job states, each shown even at 0 so that a dashboard sees the series.
var jobStates = []string{"available", "cancelled", "completed", "discarded", "pending", "retryable", "running", "scheduled"}

func (c jobCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c jobCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	counts, err := c.jobs.CountJobs(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for _, st := range jobStates {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(counts[st]), st)
	}
}
