// Package live tells screens that something changed, for IPE sessions and any other feature
// whose screens follow a facilitator live (the reading workshop has the same shape).
//
// A Hub carries only topic names, never content: a subscriber that hears "topic X changed"
// reads what it missed from the database, where events are stored with a per-topic sequence.
// That makes resuming after a reconnect (Last-Event-ID), several server nodes (PostgreSQL
// LISTEN/NOTIFY carrying ids only) and slow subscribers the same problem with one answer.
package live

import (
	"sync"
	"time"
)

// Hub fans out change notices by topic.
type Hub interface {
	// Publish tells every subscriber of topic that it changed. It never blocks.
	Publish(topic string)
	// Subscribe returns a subscription to topic; the caller must Close it.
	Subscribe(topic string) *Subscription
	// Done returns a channel that closes when the hub shuts down.
	Done() <-chan struct{}
	// Beat returns a channel that closes at the next shared heartbeat of period d.
	Beat(d time.Duration) <-chan struct{}
}

// Subscription receives notices for one topic. C holds at most one pending notice: notices
// that arrive while one is pending merge into it, so a slow reader costs no memory and never
// slows the publisher; it reads everything new when it gets round to it.
type Subscription struct {
	C     <-chan struct{}
	c     chan struct{}
	Done  <-chan struct{} // closed when the hub shuts down
	topic string
	hub   *Memory
}

// Close ends the subscription.
func (s *Subscription) Close() { s.hub.unsubscribe(s) }

func (s *Subscription) notify() {
	select {
	case s.c <- struct{}{}:
	default: // one is pending already
	}
}

// Memory is the hub of one process.
type Memory struct {
	mu     sync.Mutex
	topics map[string]map[*Subscription]struct{}
	done   chan struct{}
	closed bool
	beats  beats
}

// NewMemory returns an in-process hub.
func NewMemory() *Memory {
	return &Memory{topics: map[string]map[*Subscription]struct{}{}, done: make(chan struct{})}
}

// Publish notifies the topic's subscribers in this process.
func (m *Memory) Publish(topic string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for s := range m.topics[topic] {
		s.notify()
	}
}

// Subscribe returns a subscription to topic.
func (m *Memory) Subscribe(topic string) *Subscription {
	c := make(chan struct{}, 1)
	s := &Subscription{C: c, c: c, Done: m.done, topic: topic, hub: m}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.topics[topic] == nil {
		m.topics[topic] = map[*Subscription]struct{}{}
	}
	m.topics[topic][s] = struct{}{}
	return s
}

func (m *Memory) unsubscribe(s *Subscription) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.topics[s.topic], s)
	if len(m.topics[s.topic]) == 0 {
		delete(m.topics, s.topic)
	}
}

// Done returns a channel that closes when the hub shuts down.
func (m *Memory) Done() <-chan struct{} { return m.done }

// Topics returns the topics that have subscribers, so that a node can wake them all after it
// may have missed notices.
func (m *Memory) Topics() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	list := make([]string, 0, len(m.topics))
	for t := range m.topics {
		list = append(list, t)
	}
	return list
}

// Close ends every stream: Done closes so that handlers return and clients reconnect, to
// another node when this one is shutting down. Register it with http.Server.RegisterOnShutdown.
func (m *Memory) Close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.closed {
		m.closed = true
		close(m.done)
	}
}
