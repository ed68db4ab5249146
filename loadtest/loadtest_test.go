package loadtest

import (
	"strings"
	"testing"
	"time"
)

func TestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		c  Config
		ok bool
	}{
		{Config{URL: "http://127.0.0.1:8080/", Codes: []string{"ABCDEF"}, Participants: 10}, true},
		{Config{URL: "http://x", Email: "a@b.no", Workplace: 1, Sessions: 2, Participants: 10}, true},
		{Config{URL: "ftp://x", Codes: []string{"A"}, Participants: 1}, false},
		{Config{URL: "http://x", Participants: 1}, false},
		{Config{URL: "http://x", Codes: []string{"A"}}, false},
		{Config{URL: "http://x", Codes: []string{"A"}, Participants: 1, Notes: -1}, false},
		{Config{URL: "::", Codes: []string{"A"}, Participants: 1}, false},
	} {
		if err := tc.c.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: %v, want ok=%v", tc.c, err, tc.ok)
		}
	}
}

func TestHistogram(t *testing.T) {
	h := newHistogram()
	if s := h.String(); s != "p50 0s  p95 0s  p99 0s  max 0s" {
		t.Fatalf("empty: %s", s)
	}
	for i := 100; i >= 1; i-- {
		h.add(time.Duration(i) * time.Millisecond)
	}
	if s := h.String(); s != "p50 50ms  p95 95ms  p99 99ms  max 100ms" {
		t.Fatalf("got %s", s)
	}
}

func TestSessionSeen(t *testing.T) {
	s := &session{}
	t0 := time.Now()
	s.ack(t0)
	s.ack(t0.Add(10 * time.Millisecond))
	h := newHistogram()
	s.seen(0, 3, t0.Add(30*time.Millisecond), h) // the third note has no ack yet: delivered at once
	_ = h.String()                               // sorts
	if h.n != 3 || h.quantile(0) != 0 || h.quantile(1) != 30*time.Millisecond {
		t.Fatalf("n=%d min=%v", h.n, h.quantile(0))
	}
}

func TestParseMemory(t *testing.T) {
	page := "# TYPE go_goroutines gauge\ngo_goroutines 12\n" +
		"go_memstats_heap_inuse_bytes 4096\ngo_memstats_stack_inuse_bytes 2048\n" +
		"process_resident_memory_bytes 1.048576e+06\nlaeringsliv_http_requests_total{route=\"x\"} 5\n"
	if got, want := parseMemory(page), (memory{rss: 1048576, heap: 4096, stacks: 2048, goroutines: 12}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := parseMemory("go_memstats_heap_inuse_bytes x\n\ngarbage"); got != (memory{-1, -1, -1, -1}) {
		t.Errorf("garbage: %+v", got)
	}
}

func TestReportMemory(t *testing.T) {
	var b strings.Builder
	reportMemory(&b, memory{rss: 10 << 20, heap: 1 << 20, stacks: 1 << 20, goroutines: 10},
		memory{rss: 10<<20 + 1000*20*1024, heap: 1<<20 + 1000*4*1024, stacks: 1<<20 + 1000*8*1024, goroutines: 2010}, 1000)
	for _, want := range []string{"resident (RSS)         20.0 KB", "Go heap in use         4.0 KB", "goroutine stacks       8.0 KB", "10 -> 2010"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	reportMemory(&b, memory{-1, -1, -1, -1}, memory{-1, -1, -1, -1}, 10)
	if !strings.Contains(b.String(), "unavailable") {
		t.Errorf("no metrics: %s", b.String())
	}
}

// The bare broadcaster, driven by the tool in this process, loses nothing.
func TestRunBare(t *testing.T) {
	url, stop, err := startBare(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	var out strings.Builder
	c := Config{URL: url, Codes: []string{"1", "2"}, Participants: 20, Notes: 2, Writers: 4}
	if _, err := Run(t.Context(), c, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"participants connected   20 in 2 sessions", "notes acknowledged       40 ",
		"deliveries missing       0", "errors                   0", "fan-out                  400 deliveries"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{5}, 5},
		{[]time.Duration{9, 1, 5}, 5},
		{[]time.Duration{9, 1, 5, 7}, 6},
		{[]time.Duration{30, -1, 20}, 20},
	} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v; want %v", c.in, got, c.want)
		}
	}
}

// A series' summary is the median of each figure, and a ratio the median of each run's
// ratio to its own bare run.
func TestSummarize(t *testing.T) {
	run := func(ack, del time.Duration, deliveries int, fanout time.Duration) *result {
		r := &result{acks: newHistogram(), delivery: newHistogram(), elapsed: time.Second, fanout: fanout}
		r.acks.add(ack)
		for range deliveries {
			r.delivery.add(del)
		}
		return r
	}
	runs := []*result{run(10*time.Millisecond, 4*time.Millisecond, 100, time.Second),
		run(30*time.Millisecond, 8*time.Millisecond, 100, 2*time.Second),
		run(20*time.Millisecond, 6*time.Millisecond, 100, time.Second)}
	bases := []*result{run(0, 0, 100, time.Second), run(0, 0, 100, time.Second), run(0, 0, 100, 4*time.Second)}
	s := summarize(runs, bases)
	if s.AckP99 != 20*time.Millisecond || s.DeliveryP99 != 6*time.Millisecond {
		t.Errorf("ack p99 %v, delivery p99 %v; want the middle runs' 20ms and 6ms", s.AckP99, s.DeliveryP99)
	}
	if s.FanoutRatio != 1 { // ratios 1, 0.5 and 4
		t.Errorf("fan-out ratio %v; want 1", s.FanoutRatio)
	}
}
