package loadtest

import (
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
	s.seen(0, 3, t0.Add(30*time.Millisecond), h) // the third note has no ack yet: not counted
	_ = h.String()                               // sorts
	if h.n != 2 || h.quantile(0) != 20*time.Millisecond {
		t.Fatalf("n=%d min=%v", h.n, h.quantile(0))
	}
}
