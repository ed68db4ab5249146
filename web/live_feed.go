package web

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"laeringsliv"
	"laeringsliv/live"
)

// eventFeed shares one read of a live session's new events, and of any state that streams
// send besides them (T: the IPE hat's counts; nothing for a reading workshop), among all the
// session's streams, and one encoding of each. While a session has streams on this node, one
// goroutine of the feed follows its topic: at each notice it reads what is new from the
// database, publishes an immutable snapshot and wakes the streams. Streams never query the
// database and never wait on a lock held across a query: they read the latest snapshot and
// write what their client has not had. Two thousand streams of a session cost one query per
// change, not two thousand.
//
// The IPE session and the reading workshop both use it: their events share one log shape.
type eventFeed[T comparable] struct {
	events  func(ctx context.Context, id, after int64, limit int) ([]*laeringsliv.LoggedEvent, error)
	state   func(ctx context.Context, id int64) (T, error) // nil: no state besides the events
	encode  func(T) live.Event                             // the state as an event without an id
	mu      sync.Mutex                                     // guards entries
	entries map[int64]*feedEntry[T]
}

// feedEntry is a session followed by the feed: its latest snapshot and its streams.
type feedEntry[T comparable] struct {
	snap    atomic.Pointer[feedSnapshot[T]]
	mu      sync.Mutex // guards changed
	changed chan struct{}
	streams int           // guarded by the feed's mu
	stop    chan struct{} // closed when the last stream leaves
}

// feedSnapshot is immutable once published; a new fetch publishes a new one.
type feedSnapshot[T comparable] struct {
	events  []*laeringsliv.LoggedEvent // every stored event of the session, in order
	frames  [][]byte                   // events[i] encoded for the wire
	state   T
	stateEv live.Event // the state, encoded, without an id
}

func newEventFeed[T comparable](events func(context.Context, int64, int64, int) ([]*laeringsliv.LoggedEvent, error),
	state func(context.Context, int64) (T, error), encode func(T) live.Event) *eventFeed[T] {
	return &eventFeed[T]{events: events, state: state, encode: encode, entries: map[int64]*feedEntry[T]{}}
}

// attach returns the session's entry, starting to follow the session for its first stream.
func (f *eventFeed[T]) attach(hub live.Hub, topic string, id int64) *feedEntry[T] {
	f.mu.Lock()
	defer f.mu.Unlock()
	e := f.entries[id]
	if e == nil {
		e = &feedEntry[T]{changed: make(chan struct{}), stop: make(chan struct{})}
		f.entries[id] = e
		sub := hub.Subscribe(topic) // before the first fetch, so no notice falls between
		go f.follow(e, sub, id)
	}
	e.streams++
	return e
}

// detach stops following the session when its last stream leaves.
func (f *eventFeed[T]) detach(id int64, e *feedEntry[T]) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if e.streams--; e.streams == 0 {
		delete(f.entries, id)
		close(e.stop)
	}
}

// follow fetches at the start, at every notice and every 15 s (a notice lost between nodes
// is caught up), until the last stream leaves or the hub closes. A failed fetch is retried
// a second later; streams keep what they had meanwhile.
func (f *eventFeed[T]) follow(e *feedEntry[T], sub *live.Subscription, id int64) {
	defer sub.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-e.stop:
		case <-sub.Done:
		}
		cancel()
	}()
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	for {
		wait := (<-chan time.Time)(nil)
		if err := f.fetch(ctx, e, id); err != nil && ctx.Err() == nil {
			wait = time.After(time.Second)
		}
		select {
		case <-ctx.Done():
			return
		case <-sub.C:
		case <-tick.C:
		case <-wait:
		}
	}
}

// fetch reads what is new and, if anything is, publishes a snapshot and wakes the streams.
func (f *eventFeed[T]) fetch(ctx context.Context, e *feedEntry[T], id int64) error {
	old := e.snap.Load()
	s := &feedSnapshot[T]{}
	if old != nil {
		s.events, s.frames = old.events, old.frames // appending below never touches old's length
	}
	grew, err := f.readEvents(ctx, s, id)
	if err != nil {
		return err
	}
	if f.state != nil {
		st, err := f.state(ctx, id)
		if err != nil {
			return err
		}
		s.state = st
		if old != nil && old.state == st {
			s.stateEv = old.stateEv
		} else if f.encode != nil {
			s.stateEv = f.encode(st)
			s.stateEv.Frame = live.Encode(s.stateEv)
		}
	}
	if old != nil && !grew && (f.state == nil || old.state == s.state) {
		return nil // nothing new: no stream needs waking
	}
	e.snap.Store(s)
	e.mu.Lock()
	close(e.changed)
	e.changed = make(chan struct{})
	e.mu.Unlock()
	return nil
}

// readEvents appends the stored events after the snapshot's last to it, and reports whether
// there were any.
func (f *eventFeed[T]) readEvents(ctx context.Context, s *feedSnapshot[T], id int64) (bool, error) {
	last := int64(0)
	if n := len(s.events); n > 0 {
		last = s.events[n-1].Seq
	}
	grew, rebuilt := false, false
	for {
		more, err := f.events(ctx, id, last, 1000)
		if err != nil {
			return false, err
		}
		if last > 0 && !rebuilt && rewritesEarlier(more) {
			// A redaction changed the text of an event sent before: encode them all anew,
			// so that no stream, new or resuming, is served the old text.
			s.events, s.frames, last, rebuilt = nil, nil, 0, true
			continue
		}
		for _, ev := range more {
			s.events = append(s.events, ev)
			s.frames = append(s.frames, live.Encode(live.Event{ID: ev.Seq, Name: ev.Kind, Data: ev.Data}))
		}
		grew = grew || len(more) > 0
		if len(more) < 1000 {
			return grew, nil
		}
		last = more[len(more)-1].Seq
	}
}

// next returns a channel that closes at the entry's next published snapshot.
func (e *feedEntry[T]) next() <-chan struct{} {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.changed
}

// after appends the snapshot's stored events after seq, encoded, to out.
func (s *feedSnapshot[T]) after(seq int64, out []live.Event) []live.Event {
	i := len(s.events)
	for i > 0 && s.events[i-1].Seq > seq {
		i--
	}
	for j := i; j < len(s.events); j++ {
		out = append(out, live.Event{ID: s.events[j].Seq, Name: s.events[j].Kind, Frame: s.frames[j]})
	}
	return out
}

// serve serves the session's events on topic as SSE: each stored event with its sequence as
// the id, so that a reconnecting client resumes after what it saw, and the state's event
// whenever the state changed since this stream last sent it.
//
// With a pool, an HTTP/1.x stream is taken over by the pool once its first events are
// written (see live.Pool); done runs when the stream ends, however it ends.
func (f *eventFeed[T]) serve(w http.ResponseWriter, r *http.Request, hub live.Hub, topic string, id int64, pool *live.Pool, done func()) {
	e := f.attach(hub, topic, id)
	var last T
	sent := false
	live.Stream{Hub: hub, Topic: topic, Changed: e.next, Pool: pool, Done: func() {
		f.detach(id, e)
		if done != nil {
			done()
		}
	}, Load: func(_ context.Context, after int64) ([]live.Event, error) {
		snap := e.snap.Load()
		if snap == nil {
			return nil, nil // the first fetch has not landed; it wakes the stream
		}
		out := snap.after(after, nil)
		if f.encode != nil && (!sent || snap.state != last) {
			out = append(out, snap.stateEv)
			last, sent = snap.state, true
		}
		return out, nil
	}}.Serve(w, r)
}

// rewritesEarlier reports whether events change what earlier events of the log are served
// with: a redaction rewrites the text of the draw event of its note.
func rewritesEarlier(events []*laeringsliv.LoggedEvent) bool {
	for _, ev := range events {
		if ev.Kind == laeringsliv.IPEEventRedacted {
			return true
		}
	}
	return false
}
