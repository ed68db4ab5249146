package live

import (
	"sync"
	"time"
)

// Heartbeats are shared: one ticker per period for the whole node, rather than one timer per
// stream, which with ten thousand idle streams is ten thousand timers in the runtime's heaps
// and ten thousand wake-ups at scattered moments. A tick closes a channel that every waiting
// stream selects on; the next tick gets a fresh channel.
var beats struct {
	mu sync.Mutex
	by map[time.Duration]*beater
}

type beater struct {
	mu sync.Mutex
	c  chan struct{}
}

// beat returns a channel that closes at the next heartbeat of period d.
func beat(d time.Duration) <-chan struct{} {
	beats.mu.Lock()
	b := beats.by[d]
	if b == nil {
		if beats.by == nil {
			beats.by = map[time.Duration]*beater{}
		}
		b = &beater{c: make(chan struct{})}
		beats.by[d] = b
		go b.run(d) // lives as long as the process, like the streams' server
	}
	beats.mu.Unlock()
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.c
}

func (b *beater) run(d time.Duration) {
	for range time.Tick(d) {
		b.mu.Lock()
		close(b.c)
		b.c = make(chan struct{})
		b.mu.Unlock()
	}
}
