package live

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Publish never blocks, however many notices a subscriber leaves unread; they merge into one.
func TestMemoryPublishNeverBlocks(t *testing.T) {
	m := NewMemory()
	sub := m.Subscribe("s1")
	other := m.Subscribe("s2")
	defer sub.Close()
	defer other.Close()
	for range 10000 {
		m.Publish("s1")
	}
	<-sub.C
	select {
	case <-sub.C:
		t.Fatal("notices did not merge")
	case <-other.C:
		t.Fatal("another topic was notified")
	default:
	}
	sub.Close()
	m.Publish("s1") // no subscribers: nothing to do
	if got := m.Topics(); len(got) != 1 || got[0] != "s2" {
		t.Fatalf("topics %v", got)
	}
}

// store is a tiny event log for the stream tests.
type store struct {
	mu     sync.Mutex
	events []Event
}

func (s *store) add(hub Hub, name string) {
	s.mu.Lock()
	s.events = append(s.events, Event{ID: int64(len(s.events) + 1), Name: name, Data: []byte(`{"n":"` + name + `"}`)})
	s.mu.Unlock()
	hub.Publish("t")
}

func (s *store) load(_ context.Context, after int64) ([]Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Event(nil), s.events[after:]...), nil
}

func readEvents(t *testing.T, sc *bufio.Scanner, n int) []string {
	t.Helper()
	var got []string
	for len(got) < n && sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, "id: ") || strings.HasPrefix(line, ":") {
			got = append(got, line)
		}
	}
	return got
}

// A client that reconnects with Last-Event-ID gets exactly what it missed, then live events;
// heartbeats arrive while idle; closing the hub ends the stream.
func TestStreamResumeHeartbeatShutdown(t *testing.T) {
	hub := NewMemory()
	st := &store{}
	for _, n := range []string{"a", "b", "c"} {
		st.add(hub, n)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		Stream{Hub: hub, Topic: "t", Load: st.load, Heartbeat: 50 * time.Millisecond}.Serve(w, r)
	}))
	defer srv.Close()

	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("Last-Event-ID", "1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	sc := bufio.NewScanner(resp.Body)
	if got := readEvents(t, sc, 2); fmt.Sprint(got) != "[id: 2 id: 3]" {
		t.Fatalf("replay %v", got)
	}
	st.add(hub, "d")
	got := readEvents(t, sc, 1)
	for len(got) > 0 && got[0] == ": ping" {
		got = readEvents(t, sc, 1)
	}
	if fmt.Sprint(got) != "[id: 4]" {
		t.Fatalf("live %v", got)
	}
	if got := readEvents(t, sc, 1); fmt.Sprint(got) != "[: ping]" {
		t.Fatalf("heartbeat %v", got)
	}
	hub.Close()
	done := make(chan struct{})
	go func() {
		for sc.Scan() {
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("stream did not end on Close")
	}
}

func TestLastEventID(t *testing.T) {
	for in, want := range map[string]int64{"": 0, "7": 7, " 12 ": 12, "-3": 0, "x": 0, "99999999999999999999": 0} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Last-Event-ID", in)
		if got := LastEventID(r); got != want {
			t.Errorf("LastEventID(%q) = %d, want %d", in, got, want)
		}
	}
}

func FuzzLastEventID(f *testing.F) {
	f.Add("12")
	f.Fuzz(func(t *testing.T, s string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Last-Event-ID", s)
		if LastEventID(r) < 0 {
			t.Fatal("negative")
		}
	})
}
