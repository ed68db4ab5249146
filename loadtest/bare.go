package loadtest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"laeringsliv/internal/memstat"
)

// The bare broadcaster is the yardstick: the same API surface the tool drives (join, an
// event stream per participant, notes) served by net/http with nothing behind it but a count
// in memory per session. What the real server achieves is printed beside it, measured in the
// same run on the same machine, so that a figure means "this share of what net/http itself
// manages here and now".

// bareSession is a session of the bare broadcaster: a note count and its streams.
type bareSession struct {
	mu      sync.Mutex
	notes   int
	streams map[chan struct{}]struct{}
}

type bare struct {
	mu       sync.Mutex
	sessions map[int64]*bareSession
	tokens   atomic.Int64
}

// NewBare returns the bare broadcaster's handler. Codes name sessions: code "1" is session 1.
func NewBare() http.Handler {
	b := &bare{sessions: map[int64]*bareSession{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/v1/join", b.join)
	mux.HandleFunc("GET /api/v1/sessions/{id}/events", b.events)
	mux.HandleFunc("POST /api/v1/sessions/{id}/notes", b.note)
	mux.HandleFunc("GET /metrics", bareMetrics)
	return mux
}

// ServeBare serves the bare broadcaster on ln until it fails.
func ServeBare(ln net.Listener) error {
	return (&http.Server{Handler: NewBare(), ReadHeaderTimeout: 10 * time.Second}).Serve(ln)
}

func (b *bare) session(id int64) *bareSession {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.sessions[id]
	if s == nil {
		s = &bareSession{streams: map[chan struct{}]struct{}{}}
		b.sessions[id] = s
	}
	return s
}

func (b *bare) join(w http.ResponseWriter, r *http.Request) {
	var req struct{ Code string }
	if json.NewDecoder(r.Body).Decode(&req) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	id, err := strconv.ParseInt(req.Code, 10, 64)
	if err != nil {
		http.Error(w, "no such session", http.StatusNotFound)
		return
	}
	b.session(id)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]any{"token": "t" + strconv.FormatInt(b.tokens.Add(1), 10), "session": id})
}

func (b *bare) note(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	_, _ = io.Copy(io.Discard, r.Body)
	s := b.session(id)
	s.mu.Lock()
	s.notes++
	for c := range s.streams {
		select {
		case c <- struct{}{}:
		default:
		}
	}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_, _ = io.WriteString(w, `{}`)
}

// events sends the hat, as the real server does, at the start and after every note.
func (b *bare) events(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	s := b.session(id)
	c := make(chan struct{}, 1)
	s.mu.Lock()
	s.streams[c] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.streams, c)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	rc := http.NewResponseController(w)
	sent := -1
	for {
		s.mu.Lock()
		n := s.notes
		s.mu.Unlock()
		if n != sent {
			fmt.Fprintf(w, "event: hat\ndata: {\"notes\":%d,\"writers\":0,\"open\":false,\"participants\":0}\n\n", n)
			if rc.Flush() != nil {
				return
			}
			sent = n
		}
		select {
		case <-c:
		case <-r.Context().Done():
			return
		}
	}
}

// bareMetrics writes the memory gauges the tool reads from the real server, under the same
// names, collecting garbage first when asked.
func bareMetrics(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("gc") == "1" {
		debug.FreeOSMemory()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(w, "go_memstats_heap_inuse_bytes %d\n", ms.HeapInuse)
	fmt.Fprintf(w, "go_memstats_stack_inuse_bytes %d\n", ms.StackInuse)
	fmt.Fprintf(w, "go_goroutines %d\n", runtime.NumGoroutine())
	if rss, ok := memstat.Resident(); ok {
		fmt.Fprintf(w, "process_resident_memory_bytes %d\n", rss)
	}
}

// startBare starts the bare broadcaster and returns its address and a function that stops
// it. With a command (this program, told to serve it), it runs in a process of its own, so
// that its memory per stream is its own and not mixed with the load's; without one, in this
// process.
func startBare(ctx context.Context, command []string) (url string, stop func(), err error) {
	if len(command) == 0 {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return "", nil, err
		}
		srv := &http.Server{Handler: NewBare(), ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = srv.Serve(ln) }()
		return "http://" + ln.Addr().String(), func() { _ = srv.Close() }, nil
	}
	cmd := exec.CommandContext(ctx, command[0], command[1:]...)
	cmd.Stderr = os.Stderr
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop = func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	line, err := bufio.NewReader(outPipe).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "http://") {
		stop()
		return "", nil, fmt.Errorf("no address from %s: %q %v", command[0], line, err)
	}
	return strings.TrimSpace(line), stop, nil
}
