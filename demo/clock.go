package demo

import (
	"sync"
	"time"

	"laeringsliv"
)

// Clock is the time the services stamp the demo's rows with. Whoever wires the services hands
// Clock.Now to the store before seeding; Seed then sets it to when each part of the programme
// happened, so that enrolments, innovations, sessions, submissions, decisions and exam
// registrations fall within the programme's years instead of on the day of seeding. Each
// reading moves it on by a second, so rows keep the order they were written in. A nil or
// unset Clock reads the real time.
type Clock struct {
	mu sync.Mutex
	at time.Time
}

// Now returns the demo time, one second after the previous reading.
func (c *Clock) Now() time.Time {
	if c == nil {
		return time.Now()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at.IsZero() {
		return time.Now()
	}
	c.at = c.at.Add(time.Second)
	return c.at
}

// Set moves the clock to t; nothing happens on a nil Clock.
func (c *Clock) Set(t time.Time) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = t
}

// morning is a working morning in Norway, the time the demo sets its clock to.
func morning(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 9, 0, 0, 0, laeringsliv.Norway())
}
