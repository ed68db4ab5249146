package web

import (
	"net/netip"
	"sync"
	"time"
)

// joinLimiter throttles joins to open sessions, where a code is all it takes: without it one
// person could join many times and open the hat alone, since k counts devices. It counts joins
// per session from one client address and from one device (a random id the phone page keeps),
// within a window. The limits leave room for a staff room behind one address; what they cannot
// stop, the facilitator sees, since the console shows devices joined beside people expected.
// It holds no note, token or participant, only counts, and forgets them after the window.
// Loopback addresses are exempt from the address limit: they are the load tool and local tests
// (behind a proxy, the client address comes from the trusted proxy's header).
type joinLimiter struct {
	mu        sync.Mutex
	now       func() time.Time
	window    time.Duration
	perAddr   int
	perDevice int
	counts    map[joinKey]*joinCount
	swept     time.Time
}

type joinKey struct {
	session int64
	kind    byte // 'a' address, 'd' device
	who     string
}

type joinCount struct {
	n     int
	since time.Time
}

func newJoinLimiter(now func() time.Time) *joinLimiter {
	return &joinLimiter{now: now, window: 10 * time.Minute, perAddr: 60, perDevice: 2,
		counts: map[joinKey]*joinCount{}}
}

// allow records a join to session from addr and device (device may be empty) and reports
// whether it is within the limits; a refused join is not counted.
func (l *joinLimiter) allow(session int64, addr, device string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.sweep(now)
	var keys []joinKey
	var limits []int
	if ip, err := netip.ParseAddr(addr); err != nil || !ip.IsLoopback() {
		keys, limits = append(keys, joinKey{session, 'a', addr}), append(limits, l.perAddr)
	}
	if device != "" {
		keys = append(keys, joinKey{session, 'd', device})
		limits = append(limits, l.perDevice)
	}
	for i, k := range keys {
		if c := l.counts[k]; c != nil && now.Sub(c.since) < l.window && c.n >= limits[i] {
			return false
		}
	}
	for _, k := range keys {
		c := l.counts[k]
		if c == nil || now.Sub(c.since) >= l.window {
			c = &joinCount{since: now}
			l.counts[k] = c
		}
		c.n++
	}
	return true
}

// sweep drops counts older than the window, at most once a window.
func (l *joinLimiter) sweep(now time.Time) {
	if now.Sub(l.swept) < l.window {
		return
	}
	for k, c := range l.counts {
		if now.Sub(c.since) >= l.window {
			delete(l.counts, k)
		}
	}
	l.swept = now
}
