package live

import (
	"sync"
	"time"
)

// Heartbeats are shared: one ticker per period for the whole hub, rather than one timer per
// stream, which with ten thousand idle streams is ten thousand timers in the runtime's heaps
// and ten thousand wake-ups at scattered moments. A tick closes a channel that every waiting
// stream selects on; the next tick gets a fresh channel. The tickers belong to the hub and
// stop when it closes.
type beats struct {
	mu sync.Mutex
	by map[time.Duration]*beater
}

type beater struct {
	mu sync.Mutex
	c  chan struct{}
}

// Beat returns a channel that closes at the hub's next heartbeat of period d.
func (m *Memory) Beat(d time.Duration) <-chan struct{} {
	m.beats.mu.Lock()
	b := m.beats.by[d]
	if b == nil {
		if m.beats.by == nil {
			m.beats.by = map[time.Duration]*beater{}
		}
		b = &beater{c: make(chan struct{})}
		m.beats.by[d] = b
		go b.run(d, m.done)
	}
	m.beats.mu.Unlock()
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.c
}

func (b *beater) run(d time.Duration, done <-chan struct{}) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-done:
			return
		}
		b.mu.Lock()
		close(b.c)
		b.c = make(chan struct{})
		b.mu.Unlock()
	}
}
