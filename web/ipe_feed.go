package web

import (
	"context"
	"sync"
	"time"

	"laeringsliv"
)

// ipeFeed shares one read of a session's new events and hat among all its streams. When a
// note lands, every stream of the session wakes at once; without sharing, two thousand streams
// would each query the database. A stream asks for a snapshot fetched no earlier than the
// moment it started loading, so it never misses what woke it; the first to ask fetches, the
// rest wait on the session's lock and reuse that fetch.
type ipeFeed struct {
	svc     laeringsliv.IPEService
	mu      sync.Mutex
	entries map[int64]*feedEntry
}

type feedEntry struct {
	mu      sync.Mutex
	fetched time.Time // when the last fetch began
	used    time.Time
	events  []*laeringsliv.IPEEvent // every stored event of the session, in order
	hat     laeringsliv.IPEHat
}

func newIPEFeed(svc laeringsliv.IPEService) *ipeFeed {
	return &ipeFeed{svc: svc, entries: map[int64]*feedEntry{}}
}

// snapshot returns the session's events after seq and its hat, as of a fetch that began no
// earlier than since.
func (f *ipeFeed) snapshot(ctx context.Context, id, after int64, since time.Time) ([]*laeringsliv.IPEEvent, laeringsliv.IPEHat, error) {
	e := f.entry(id, since)
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.fetched.Before(since) || e.fetched.IsZero() {
		start := time.Now()
		last := int64(0)
		if n := len(e.events); n > 0 {
			last = e.events[n-1].Seq
		}
		for {
			more, err := f.svc.FindIPEEvents(ctx, id, last, 1000)
			if err != nil {
				return nil, laeringsliv.IPEHat{}, err
			}
			e.events = append(e.events, more...)
			if len(more) < 1000 {
				break
			}
			last = more[len(more)-1].Seq
		}
		hat, err := f.svc.FindIPEHat(ctx, id)
		if err != nil {
			return nil, laeringsliv.IPEHat{}, err
		}
		e.hat, e.fetched = hat, start
	}
	i := len(e.events)
	for i > 0 && e.events[i-1].Seq > after {
		i--
	}
	return e.events[i:], e.hat, nil
}

// entry returns the session's entry, dropping entries idle for ten minutes.
func (f *ipeFeed) entry(id int64, now time.Time) *feedEntry {
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
		e = &feedEntry{}
		f.entries[id] = e
	}
	e.used = now
	return e
}
