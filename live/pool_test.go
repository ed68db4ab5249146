package live

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// The same promises as a stream served by its own goroutines, through the pool: exactly what
// was missed after Last-Event-ID, then live events and heartbeats, with the request's
// goroutines gone; a client that leaves is dropped (Done runs) at the next write; closing the
// hub ends every stream.
func TestPoolResumeLiveLeaveShutdown(t *testing.T) {
	hub := NewMemory()
	st := &store{}
	for _, n := range []string{"a", "b", "c"} {
		st.add(hub, n)
	}
	pool := NewPool()
	var done atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "abc")
		Stream{Hub: hub, Topic: "t", Load: st.load, Heartbeat: 50 * time.Millisecond, Pool: pool,
			Done: func() { done.Add(1) }}.Serve(w, r)
	}))
	defer srv.Close()

	open := func(last string) (*http.Response, *bufio.Scanner) {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL, nil)
		req.Header.Set("Last-Event-ID", last)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" || resp.Header.Get("X-Request-Id") != "abc" {
			t.Fatalf("head %v", resp.Header)
		}
		return resp, bufio.NewScanner(resp.Body)
	}
	resp, sc := open("1")
	defer resp.Body.Close()
	if got := readEvents(t, sc, 2); fmt.Sprint(got) != "[id: 2 id: 3]" {
		t.Fatalf("replay %v", got)
	}
	leaver, _ := open("3")
	for deadline := time.Now().Add(5 * time.Second); pool.Streams() != 2; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("pool holds %d streams, want 2", pool.Streams())
		}
	}
	before := runtime.NumGoroutine()
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
	if n := runtime.NumGoroutine(); n > before+2 {
		t.Errorf("%d goroutines with two pooled streams, %d before the events: streams hold goroutines", n, before)
	}

	leaver.Body.Close()
	for deadline := time.Now().Add(5 * time.Second); done.Load() != 1 || pool.Streams() != 1; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("after a client left: %d done, %d streams in the pool", done.Load(), pool.Streams())
		}
	}

	hub.Close()
	ended := make(chan struct{})
	go func() {
		for sc.Scan() {
		}
		close(ended)
	}()
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Fatal("stream did not end on Close")
	}
	if done.Load() != 2 || pool.Streams() != 0 {
		t.Fatalf("after Close: %d done, %d streams", done.Load(), pool.Streams())
	}
}

// Over HTTP/2 a stream cannot be taken over: it is served by its own goroutines as before.
func TestPoolLeavesHTTP2Alone(t *testing.T) {
	hub := NewMemory()
	defer hub.Close()
	st := &store{}
	st.add(hub, "a")
	pool := NewPool()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		Stream{Hub: hub, Topic: "t", Load: st.load, Heartbeat: time.Hour, Pool: pool}.Serve(w, r)
	}))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.ProtoMajor != 2 {
		t.Fatalf("protocol %s", resp.Proto)
	}
	if got := readEvents(t, bufio.NewScanner(resp.Body), 1); fmt.Sprint(got) != "[id: 1]" {
		t.Fatalf("events %v", got)
	}
	if pool.Streams() != 0 {
		t.Fatal("an HTTP/2 stream went into the pool")
	}
}
