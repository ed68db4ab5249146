package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestMetricsStandard checks the metrics page carries the standard Go and process figures,
// the pools' statistics, HELP for every family, and that an open live stream is counted in
// its gauge but kept out of the duration histogram.
func TestMetricsStandard(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		c := f.client(t)
		f.do(t, c, "GET", "/login", nil)
		p := f.signInAs(t, f.people[laeringsliv.RoleParticipant])
		ws := &laeringsliv.Workshop{WorkplaceID: f.own.ID, Title: "Leseverksted", Grouping: laeringsliv.GroupingByHand}
		g := &laeringsliv.ReadingGroup{Number: 1, MemberIDs: []int64{f.people[laeringsliv.RoleParticipant].ID}}
		must(t, db.CreateWorkshop(context.Background(), ws, []*laeringsliv.ReadingGroup{g}))
		openStream(t, f, p, workshopPath(ws)+"/events", "")
		_, err := db.EnqueueJob(context.Background(), f.inst.ID, 0, laeringsliv.BackupJob{})
		must(t, err)

		body := f.metrics(t)
		pool := `go_sql_open_connections{db_name="main"}`
		if db.Dialect() == "sqlite" {
			pool = `go_sql_open_connections{db_name="write"}`
		}
		for _, want := range []string{
			"go_goroutines ", "go_memstats_heap_inuse_bytes ", "process_start_time_seconds ",
			"process_resident_memory_bytes ", pool,
			`laeringsliv_http_requests_total{route="GET /login",status="200"} 1`,
			`laeringsliv_http_request_duration_seconds_count{route="GET /login"} 1`,
			`laeringsliv_live_streams_open{kind="reading"} 1`,
			`laeringsliv_live_streams_open{kind="job"} 0`,
			`laeringsliv_jobs{state="available"} 1`, `laeringsliv_jobs{state="retryable"} 0`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("metrics lack %q", want)
			}
		}
		for _, line := range strings.Split(body, "\n") {
			if strings.HasPrefix(line, "# TYPE ") {
				name := strings.Fields(line)[2]
				if !strings.Contains(body, "# HELP "+name+" ") {
					t.Errorf("%s has no HELP", name)
				}
			}
			if strings.Contains(line, "events") && strings.Contains(line, "duration") {
				t.Errorf("a live stream in the duration histogram: %s", line)
			}
		}
		if strings.Contains(body, "laeringsliv_go_") || strings.Contains(body, "laeringsliv_uptime") {
			t.Error("hand-written runtime figures are back")
		}
	})
}

// TestStreamGaugeFalls checks the live-stream gauge falls when a stream closes.
func TestStreamGaugeFalls(t *testing.T) {
	m := newMetrics(nil, nil)
	r, _ := http.NewRequest("GET", "/", nil)
	r = withState(r, &reqState{})
	done := m.streamOpened(r, "ipe")
	if !state(r).stream {
		t.Fatal("request not marked as a stream")
	}
	done()
	m.observe("GET /x", 200, time.Second, true)
	var b strings.Builder
	rec := &recorder{header: http.Header{}, body: &b}
	s := &Server{metrics: m}
	s.metricsPage(rec, r)
	if !strings.Contains(b.String(), `laeringsliv_live_streams_open{kind="ipe"} 0`) ||
		strings.Contains(b.String(), `laeringsliv_http_request_duration_seconds_count{route="GET /x"}`) {
		t.Errorf("stream figures wrong:\n%s", b.String())
	}
}

type recorder struct {
	header http.Header
	body   *strings.Builder
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(int)             {}
