package web

import (
	"strings"
	"sync"
	"time"
)

// loginLimiter slows password guessing down without ever locking anyone out (OWASP's
// "Slow down online guessing attacks with device cookies"; ASVS V6.3). Failed logins are
// counted under three keys, each of which earns a short, growing wait before the next attempt
// under the same key, capped at maxLoginDelay:
//
//   - the account from one address (someone guessing one account);
//   - one address, over every account (a password spray from one place);
//   - the account from many addresses (a distributed guess): only when failures come from more
//     than distinctAddrs addresses, so one attacker's address never slows the owner elsewhere.
//
// A browser that has signed in to the account before carries a device cookie, and skips the
// first and third keys. An attempt made during a wait is refused without checking the password
// and not counted, so an attacker cannot stretch the wait: the owner's right password works at
// once from another address, and within maxLoginDelay from the attacker's own.
//
// It lives in memory; with several nodes each keeps its own count, which multiplies the rate
// by the number of nodes but keeps it finite.
type loginLimiter struct {
	mu     sync.Mutex
	now    func() time.Time
	counts map[string]*failures
}

// failures is the recent failures under one key.
type failures struct {
	n     int
	last  time.Time
	addrs map[string]bool // for an account: the addresses that failed, up to distinctAddrs+1
}

const (
	loginWindow   = 15 * time.Minute // failures older than this are forgotten
	freeFailures  = 3                // failures under a key before any wait
	freeAddrFails = 20               // failures from one address over all accounts before a wait
	maxLoginDelay = 4 * time.Second  // the longest wait; never a lock-out
	distinctAddrs = 5                // addresses failing on one account before it is slowed for all
	maxLimiterKey = 100000           // keys kept before old ones are pruned
)

func newLoginLimiter(now func() time.Time) *loginLimiter {
	return &loginLimiter{now: now, counts: map[string]*failures{}}
}

// loginAttempt is who tries to sign in to what.
type loginAttempt struct {
	email  string // normalised
	addr   string
	device string // the nonce of a valid device cookie for this account, or ""
}

func (a loginAttempt) keys() (pair, addr, acct string) {
	e := strings.ToLower(strings.TrimSpace(a.email))
	return "p:" + e + "|" + a.addr, "a:" + a.addr, "m:" + e
}

// wait returns how long the attempt must wait before it may be made; 0 means now.
func (l *loginLimiter) wait(a loginAttempt) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	pair, addr, acct := a.keys()
	w := l.waitFor(addr, freeAddrFails)
	if !l.trustedDevice(a.device) {
		w = max(w, l.waitFor(pair, freeFailures))
		if f := l.get(acct); f != nil && len(f.addrs) > distinctAddrs {
			w = max(w, l.waitFor(acct, freeFailures))
		}
	}
	return w
}

// failed records a failed attempt.
func (l *loginLimiter) failed(a loginAttempt) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	pair, addr, acct := a.keys()
	keys := []string{pair, addr, acct}
	if a.device != "" {
		keys = append(keys, "d:"+a.device)
	}
	for _, k := range keys {
		f := l.get(k)
		if f == nil {
			f = &failures{}
			l.counts[k] = f
		}
		f.n++
		f.last = now
	}
	if f := l.counts[acct]; len(f.addrs) <= distinctAddrs {
		if f.addrs == nil {
			f.addrs = map[string]bool{}
		}
		f.addrs[a.addr] = true
	}
	if len(l.counts) > maxLimiterKey {
		l.prune()
	}
}

// trustedDevice reports whether a device cookie (by its nonce) still exempts its browser: it
// does until it has been used for deviceMaxFailures wrong passwords within the window.
func (l *loginLimiter) trustedDevice(nonce string) bool {
	if nonce == "" {
		return false
	}
	f := l.get("d:" + nonce)
	return f == nil || f.n < deviceMaxFailures
}

// succeeded forgets the failures of the account from this address.
func (l *loginLimiter) succeeded(a loginAttempt) {
	l.mu.Lock()
	defer l.mu.Unlock()
	pair, _, _ := a.keys()
	delete(l.counts, pair)
}

// waitFor is the wait under one key: none for the first free failures, then one second,
// doubling with each failure up to maxLoginDelay, counted from the last failure.
func (l *loginLimiter) waitFor(key string, free int) time.Duration {
	f := l.get(key)
	if f == nil || f.n < free {
		return 0
	}
	d := maxLoginDelay
	if shift := f.n - free; shift < 8 {
		d = min(time.Second<<shift, maxLoginDelay)
	}
	return max(0, d-l.now().Sub(f.last))
}

// get returns the failures under key, forgetting them once they are older than the window.
func (l *loginLimiter) get(key string) *failures {
	f := l.counts[key]
	if f != nil && l.now().Sub(f.last) > loginWindow {
		delete(l.counts, key)
		return nil
	}
	return f
}

// prune forgets old failures and, if a spray of addresses and names still leaves too many,
// arbitrary ones (map order is random), so that memory stays bounded at some cost in precision.
func (l *loginLimiter) prune() {
	for k := range l.counts {
		l.get(k)
	}
	for k := range l.counts {
		if len(l.counts) <= maxLimiterKey*3/4 {
			break
		}
		delete(l.counts, k)
	}
}

// Reset mails: one per account per resetMailGap, and at most resetMailsPerAddr requests from
// one address per window, so that the form cannot be used to flood someone's inbox.
const (
	resetMailGap      = 2 * time.Minute
	resetMailsPerAddr = 20
)

// resetMailAllowed reports whether a reset link may be mailed now, and counts it if so.
func (l *loginLimiter) resetMailAllowed(email, addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	mk, ak := "r:"+strings.ToLower(email), "ra:"+addr
	if f := l.get(mk); f != nil && now.Sub(f.last) < resetMailGap {
		return false
	}
	if f := l.get(ak); f != nil && f.n >= resetMailsPerAddr {
		return false
	}
	for _, k := range []string{mk, ak} {
		f := l.get(k)
		if f == nil {
			f = &failures{}
			l.counts[k] = f
		}
		f.n++
		f.last = now
	}
	return true
}
