package web

import (
	"sync"
	"time"
)

// loginLimiter slows down password guessing: at most maxPerKey failed logins per e-mail
// address and per client address within a window. It lives in memory; with several nodes each
// keeps its own count, which multiplies the limit by the number of nodes but keeps it finite.
type loginLimiter struct {
	mu     sync.Mutex
	now    func() time.Time
	counts map[string]*window
}

type window struct {
	start time.Time
	fails int
}

const (
	loginWindow       = 15 * time.Minute
	loginFailsPerMail = 10
	loginFailsPerAddr = 50
)

func newLoginLimiter(now func() time.Time) *loginLimiter {
	return &loginLimiter{now: now, counts: map[string]*window{}}
}

// allowed reports whether another attempt may be made for these keys.
func (l *loginLimiter) allowed(email, addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.fails("m:"+email) < loginFailsPerMail && l.fails("a:"+addr) < loginFailsPerAddr
}

// failed records a failed attempt.
func (l *loginLimiter) failed(email, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range []string{"m:" + email, "a:" + addr} {
		l.fails(k) // resets an old window
		if w := l.counts[k]; w != nil {
			w.fails++
		} else {
			l.counts[k] = &window{start: l.now(), fails: 1}
		}
	}
	if len(l.counts) > 100000 { // bound memory under a spray of addresses
		l.prune()
	}
}

// succeeded forgets the failures of an e-mail address.
func (l *loginLimiter) succeeded(email string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.counts, "m:"+email)
}

func (l *loginLimiter) fails(key string) int {
	w := l.counts[key]
	if w == nil {
		return 0
	}
	if l.now().Sub(w.start) > loginWindow {
		delete(l.counts, key)
		return 0
	}
	return w.fails
}

func (l *loginLimiter) prune() {
	for k := range l.counts {
		l.fails(k)
	}
}
