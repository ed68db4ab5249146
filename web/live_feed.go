package web

import (
	"context"
	"sync"
	"time"

	"laeringsliv"
	"laeringsliv/live"
)

// eventFeed shares one read of a live session's new events, and of any state that streams
// send besides them (T: the IPE hat's counts; nothing for a reading workshop), among all the
// session's streams. When something lands, every stream of the session wakes at once; without
// sharing, two thousand streams would each query the database. A stream asks for a snapshot
// fetched no earlier than the moment it started loading, so it never misses what woke it; the
// first to ask fetches, the rest wait on the session's lock and reuse that fetch.
//
// The IPE session and the reading workshop both use it: their events share one log shape.
type eventFeed[T any] struct {
	events  func(ctx context.Context, id, after int64, limit int) ([]*laeringsliv.LoggedEvent, error)
	state   func(ctx context.Context, id int64) (T, error) // nil: no state besides the events
	mu      sync.Mutex
	entries map[int64]*feedEntry[T]
}

type feedEntry[T any] struct {
	mu      sync.Mutex
	fetched time.Time // when the last fetch began
	used    time.Time
	events  []*laeringsliv.LoggedEvent // every stored event of the session, in order
	state   T
}

func newEventFeed[T any](events func(context.Context, int64, int64, int) ([]*laeringsliv.LoggedEvent, error),
	state func(context.Context, int64) (T, error)) *eventFeed[T] {
	return &eventFeed[T]{events: events, state: state, entries: map[int64]*feedEntry[T]{}}
}

// snapshot returns the session's events after seq and its state, as of a fetch that began no
// earlier than since.
func (f *eventFeed[T]) snapshot(ctx context.Context, id, after int64, since time.Time) ([]*laeringsliv.LoggedEvent, T, error) {
	e := f.entry(id, since)
	e.mu.Lock()
	defer e.mu.Unlock()
	var zero T
	if e.fetched.Before(since) || e.fetched.IsZero() {
		start := time.Now()
		last := int64(0)
		if n := len(e.events); n > 0 {
			last = e.events[n-1].Seq
		}
		for {
			more, err := f.events(ctx, id, last, 1000)
			if err != nil {
				return nil, zero, err
			}
			e.events = append(e.events, more...)
			if len(more) < 1000 {
				break
			}
			last = more[len(more)-1].Seq
		}
		if f.state != nil {
			st, err := f.state(ctx, id)
			if err != nil {
				return nil, zero, err
			}
			e.state = st
		}
		e.fetched = start
	}
	i := len(e.events)
	for i > 0 && e.events[i-1].Seq > after {
		i--
	}
	return e.events[i:], e.state, nil
}

// entry returns the session's entry, dropping entries idle for ten minutes.
func (f *eventFeed[T]) entry(id int64, now time.Time) *feedEntry[T] {
	f.mu.Lock()
	defer f.mu.Unlock()
	e := f.entries[id]
	if e == nil {
		if len(f.entries) > 256 {
			for k, old := range f.entries {
				if now.Sub(old.used) > 10*time.Minute {
					delete(f.entries, k)
				}
			}
		}
		e = &feedEntry[T]{}
		f.entries[id] = e
	}
	e.used = now
	return e
}

// stream serves the session's events on topic as SSE: each stored event with its sequence as
// the id, so that a reconnecting client resumes after what it saw; extra, if not nil, adds
// events of the state that carry no id.
func (f *eventFeed[T]) stream(hub live.Hub, topic string, id int64, extra func(T) []live.Event) live.Stream {
	return live.Stream{Hub: hub, Topic: topic, Load: func(ctx context.Context, after int64) ([]live.Event, error) {
		stored, st, err := f.snapshot(ctx, id, after, time.Now())
		if err != nil {
			return nil, err
		}
		out := make([]live.Event, 0, len(stored)+1)
		for _, e := range stored {
			out = append(out, live.Event{ID: e.Seq, Name: e.Kind, Data: e.Data})
		}
		if extra != nil {
			out = append(out, extra(st)...)
		}
		return out, nil
	}}
}
