package web

import (
	"net/http"
	"runtime/debug"
	"sync"
	"time"
)

// forcedGC serialises and spaces out garbage collections asked for through /metrics?gc=1,
// so that the parameter cannot be used to keep the server collecting. Each server has its own.
type forcedGC struct {
	mu   sync.Mutex
	last time.Time
}

// collectIfAsked collects garbage and returns freed memory to the operating system before
// the figures are written, when a client on loopback asks with ?gc=1 (the load tool, which
// needs heap and resident memory without the garbage of past requests to compute memory per
// idle connection). From any other address, or within half a second of the last, the
// parameter is ignored.
func (g *forcedGC) collectIfAsked(r *http.Request) {
	if r.URL.Query().Get("gc") != "1" || !clientIP(r).IsLoopback() {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if time.Since(g.last) < 500*time.Millisecond {
		return
	}
	debug.FreeOSMemory()
	g.last = time.Now()
}
