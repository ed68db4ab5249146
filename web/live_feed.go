package web

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"laeringsliv"
	"laeringsliv/live"
)

// eventFeed shares one read of a live session's new events, and of any state that streams
// send besides them (T: the IPE hat's counts; nothing for a reading workshop), among all the
// session's streams, and one encoding of each. When something lands, every stream of the
// session wakes at once; without sharing, two thousand streams would each query the database
// and each encode the same events. A stream asks for a snapshot fetched no earlier than the
// moment it started loading, so it never misses what woke it; the first to ask fetches while
// the rest wait on the session's lock, and the many that find a fresh enough snapshot take it
// without any lock.
//
// The IPE session and the reading workshop both use it: their events share one log shape.
type eventFeed[T comparable] struct {
	events  func(ctx context.Context, id, after int64, limit int) ([]*laeringsliv.LoggedEvent, error)
	state   func(ctx context.Context, id int64) (T, error) // nil: no state besides the events
	encode  func(T) live.Event                             // the state as an event without an id
	mu      sync.Mutex                                     // held while adding an entry
	entries sync.Map                                       // session id → *feedEntry[T]
}

type feedEntry[T comparable] struct {
	mu   sync.Mutex // held while fetching
	snap atomic.Pointer[feedSnapshot[T]]
	used atomic.Int64 // Unix ms of the last use, for dropping idle entries
}

// feedSnapshot is immutable once published; a new fetch publishes a new one.
type feedSnapshot[T comparable] struct {
	fetched time.Time                  // when the fetch began
	events  []*laeringsliv.LoggedEvent // every stored event of the session, in order
	frames  [][]byte                   // events[i] encoded for the wire
	state   T
	stateEv live.Event // the state, encoded, without an id
}

func newEventFeed[T comparable](events func(context.Context, int64, int64, int) ([]*laeringsliv.LoggedEvent, error),
	state func(context.Context, int64) (T, error), encode func(T) live.Event) *eventFeed[T] {
	return &eventFeed[T]{events: events, state: state, encode: encode}
}

// snapshot returns the session's state as of a fetch that began no earlier than since.
func (f *eventFeed[T]) snapshot(ctx context.Context, id int64, since time.Time) (*feedSnapshot[T], error) {
	e := f.entry(id, since)
	if s := e.snap.Load(); s != nil && !s.fetched.Before(since) {
		return s, nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	old := e.snap.Load()
	if old != nil && !old.fetched.Before(since) {
		return old, nil // another stream fetched while this one waited
	}
	s := &feedSnapshot[T]{fetched: time.Now()}
	if old != nil {
		s.events, s.frames = old.events, old.frames // appending below never touches old's length
	}
	last := int64(0)
	if n := len(s.events); n > 0 {
		last = s.events[n-1].Seq
	}
	rebuilt := false
	for {
		more, err := f.events(ctx, id, last, 1000)
		if err != nil {
			return nil, err
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
		if len(more) < 1000 {
			break
		}
		last = more[len(more)-1].Seq
	}
	if f.state != nil {
		st, err := f.state(ctx, id)
		if err != nil {
			return nil, err
		}
		s.state = st
		if old != nil && old.state == st {
			s.stateEv = old.stateEv
		} else if f.encode != nil {
			s.stateEv = f.encode(st)
			s.stateEv.Frame = live.Encode(s.stateEv)
		}
	}
	e.snap.Store(s)
	return s, nil
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

// entry returns the session's entry, dropping entries idle for ten minutes whenever one is
// added. The common case, a known session, takes no lock.
func (f *eventFeed[T]) entry(id int64, now time.Time) *feedEntry[T] {
	if v, ok := f.entries.Load(id); ok {
		e := v.(*feedEntry[T])
		e.used.Store(now.UnixMilli())
		return e
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.entries.Range(func(k, v any) bool {
		if now.UnixMilli()-v.(*feedEntry[T]).used.Load() > 10*60*1000 {
			f.entries.Delete(k)
		}
		return true
	})
	e := &feedEntry[T]{}
	e.used.Store(now.UnixMilli())
	v, _ := f.entries.LoadOrStore(id, e)
	return v.(*feedEntry[T])
}

// stream serves the session's events on topic as SSE: each stored event with its sequence as
// the id, so that a reconnecting client resumes after what it saw, and the state's event
// whenever the state changed since this stream last sent it.
func (f *eventFeed[T]) stream(hub live.Hub, topic string, id int64) live.Stream {
	var last T
	sent := false
	return live.Stream{Hub: hub, Topic: topic, Load: func(ctx context.Context, after int64) ([]live.Event, error) {
		snap, err := f.snapshot(ctx, id, time.Now())
		if err != nil {
			return nil, err
		}
		out := snap.after(after, nil)
		if f.encode != nil && (!sent || snap.state != last) {
			out = append(out, snap.stateEv)
			last, sent = snap.state, true
		}
		return out, nil
	}}
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
