package web

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"time"

	"laeringsliv"
	"laeringsliv/live"
)

// ipeFeed shares one read of a session's new events and hat among all its streams, and one
// encoding of each: when a note lands, every stream of the session wakes at once, and without
// sharing, two thousand streams would each query the database and each encode the same
// events. A stream asks for a snapshot fetched no earlier than the moment it started loading,
// so it never misses what woke it; the first to ask fetches while the rest wait on the
// session's lock, and the many that find a fresh enough snapshot take it without any lock.
type ipeFeed struct {
	svc     laeringsliv.IPEService
	mu      sync.Mutex // held while adding an entry
	entries sync.Map   // session id → *feedEntry
}

type feedEntry struct {
	mu   sync.Mutex // held while fetching
	snap atomic.Pointer[feedSnapshot]
	used atomic.Int64 // Unix ms of the last use, for dropping idle entries
}

// feedSnapshot is immutable once published; a new fetch publishes a new one.
type feedSnapshot struct {
	fetched time.Time               // when the fetch began
	events  []*laeringsliv.IPEEvent // every stored event of the session, in order
	frames  [][]byte                // events[i] encoded for the wire
	hat     laeringsliv.IPEHat      //
	hatEv   live.Event              // the hat, encoded, without an id
}

func newIPEFeed(svc laeringsliv.IPEService) *ipeFeed {
	return &ipeFeed{svc: svc}
}

// snapshot returns the session's state as of a fetch that began no earlier than since.
func (f *ipeFeed) snapshot(ctx context.Context, id int64, since time.Time) (*feedSnapshot, error) {
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
	s := &feedSnapshot{fetched: time.Now()}
	if old != nil {
		s.events, s.frames = old.events, old.frames // appending below never touches old's length
	}
	last := int64(0)
	if n := len(s.events); n > 0 {
		last = s.events[n-1].Seq
	}
	for {
		more, err := f.svc.FindIPEEvents(ctx, id, last, 1000)
		if err != nil {
			return nil, err
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
	hat, err := f.svc.FindIPEHat(ctx, id)
	if err != nil {
		return nil, err
	}
	s.hat = hat
	if old != nil && old.hat == hat {
		s.hatEv = old.hatEv
	} else {
		b, _ := json.Marshal(hat)
		s.hatEv = live.Event{Name: laeringsliv.IPEEventHat, Data: b}
		s.hatEv.Frame = live.Encode(s.hatEv)
	}
	e.snap.Store(s)
	return s, nil
}

// after returns the snapshot's stored events after seq, encoded.
func (s *feedSnapshot) after(seq int64, out []live.Event) []live.Event {
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
func (f *ipeFeed) entry(id int64, now time.Time) *feedEntry {
	if v, ok := f.entries.Load(id); ok {
		e := v.(*feedEntry)
		e.used.Store(now.UnixMilli())
		return e
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.entries.Range(func(k, v any) bool {
		if now.UnixMilli()-v.(*feedEntry).used.Load() > 10*60*1000 {
			f.entries.Delete(k)
		}
		return true
	})
	e := &feedEntry{}
	e.used.Store(now.UnixMilli())
	v, _ := f.entries.LoadOrStore(id, e)
	return v.(*feedEntry)
}
