package live

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Event is one Server-Sent Event. ID 0 sends no id, for state that is not stored (a count,
// say) and so must not move the client's Last-Event-ID.
type Event struct {
	ID   int64
	Name string
	Data []byte
	// Frame, when set, is the event already encoded by Encode. A node that sends one event
	// to thousands of streams encodes it once and hands every stream the same bytes.
	Frame []byte
}

// Encode returns the event as it goes on the wire.
func Encode(e Event) []byte {
	var b bytes.Buffer
	if e.ID != 0 {
		b.WriteString("id: " + strconv.FormatInt(e.ID, 10) + "\n")
	}
	b.WriteString("event: " + e.Name + "\n")
	for _, line := range strings.Split(string(e.Data), "\n") {
		b.WriteString("data: " + line + "\n")
	}
	b.WriteString("\n")
	return b.Bytes()
}

// Stream describes an event stream.
type Stream struct {
	Hub   Hub
	Topic string
	// Load returns what the client has not seen: stored events after seq, in order, and any
	// state events. It is called once at the start and after every notice.
	Load func(ctx context.Context, after int64) ([]Event, error)
	// Changed, when set, replaces the stream's own subscription to Topic: it returns a
	// channel that closes at the next change, after which Load has it ready. A feed that
	// reads the database once for all of a topic's streams provides it, so that a stream
	// wakes only when there is something to send and never waits for a query.
	Changed func() <-chan struct{}
	// Heartbeat is how often a comment keeps proxies from closing an idle stream (15 s).
	Heartbeat time.Duration
	// WriteTimeout bounds each write, so a client that stopped reading is dropped (10 s).
	WriteTimeout time.Duration
	// Pool, when set, takes the stream over once its first events are written (see Pool);
	// Topic then names the stream's group, and Load must be safe to call from the pool.
	Pool *Pool
	// Done, when set, is called once when the stream ends, however it is served.
	Done func()
}

// LastEventID returns the sequence a reconnecting client last saw: the Last-Event-ID header,
// or a last_event_id query parameter for the first connection of a page that already holds
// state. Anything malformed counts as 0: the client gets everything again, which is safe.
func LastEventID(r *http.Request) int64 {
	v := r.Header.Get("Last-Event-ID")
	if v == "" {
		v = r.URL.Query().Get("last_event_id")
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// Serve writes the stream until the client leaves, a write fails, or the hub closes. The
// request's own deadlines would cut the stream, so it lifts them; each write gets its own
// deadline through http.ResponseController instead.
func (st Stream) Serve(w http.ResponseWriter, r *http.Request) {
	if st.Heartbeat == 0 {
		st.Heartbeat = 15 * time.Second
	}
	if st.WriteTimeout == 0 {
		st.WriteTimeout = 10 * time.Second
	}
	if st.Pool != nil && st.Pool.adopt(w, r, st) {
		return // the pool calls Done
	}
	if st.Done != nil {
		defer st.Done()
	}
	notices, done, unsubscribe := st.subscribe() // before the first load, so no notice falls between
	defer unsubscribe()
	next := notices()
	rc := http.NewResponseController(w)
	// A stream outlives the request deadlines: no read deadline (the server's background read
	// would otherwise cancel the request when it passes), and a write deadline per write.
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)

	last := LastEventID(r)
	load := func() bool {
		events, err := st.Load(r.Context(), last)
		// On an error the client reconnects and resumes from last.
		return err == nil && st.write(rc, w, events, &last)
	}
	if !load() {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case <-done:
			return
		case <-st.Hub.Beat(st.Heartbeat):
			// Load as well: a notice lost between nodes is caught up within one heartbeat.
			if !load() || !st.flush(rc, func() { _, _ = io.WriteString(w, ": ping\n\n") }) {
				return
			}
		case <-next:
			next = notices()
			if !load() {
				return
			}
		}
	}
}

// subscribe returns where the stream hears of changes, the channel that closes when the hub
// shuts down, and what ends the subscription. Without Changed it subscribes to the topic.
func (st Stream) subscribe() (notices func() <-chan struct{}, done <-chan struct{}, unsubscribe func()) {
	if st.Changed != nil {
		return st.Changed, st.Hub.Done(), func() {}
	}
	sub := st.Hub.Subscribe(st.Topic)
	return func() <-chan struct{} { return sub.C }, sub.Done, sub.Close
}

func (st Stream) write(rc *http.ResponseController, w http.ResponseWriter, events []Event, last *int64) bool {
	return st.flush(rc, func() {
		for _, e := range events {
			if e.ID != 0 {
				*last = e.ID
			}
			if e.Frame == nil {
				e.Frame = Encode(e)
			}
			_, _ = w.Write(e.Frame)
		}
	})
}

func (st Stream) flush(rc *http.ResponseController, write func()) bool {
	_ = rc.SetWriteDeadline(time.Now().Add(st.WriteTimeout))
	write()
	return rc.Flush() == nil
}
