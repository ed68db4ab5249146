// Package memstat reads how much memory this process holds: the resident set from Linux's
// /proc/self/statm, and a Watch that samples heap and resident set to find their peaks while
// something runs. The server's /metrics and the memory measurements of the tests share it.
package memstat

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Resident returns the resident set size in bytes; ok is false where the system does not
// tell it (not Linux).
func Resident() (bytes int64, ok bool) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	pages, ok := ResidentPages(string(b))
	return pages * int64(os.Getpagesize()), ok
}

// ResidentPages reads the second field of /proc/self/statm: resident pages.
func ResidentPages(statm string) (int64, bool) {
	f := strings.Fields(statm)
	if len(f) < 2 {
		return 0, false
	}
	n, err := strconv.ParseInt(f[1], 10, 64)
	return n, err == nil && n >= 0
}

// Watch samples the heap in use and the resident set every 20 ms from Start until Stop.
type Watch struct {
	heap0, rss0       int64
	mu                sync.Mutex
	peakHeap, peakRSS int64
	stop, done        chan struct{}
}

// Start collects garbage, records the starting point and begins sampling.
func Start() *Watch {
	runtime.GC()
	w := &Watch{stop: make(chan struct{}), done: make(chan struct{})}
	w.heap0, w.rss0 = sample()
	go w.run()
	return w
}

func sample() (heap, rss int64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	rss, _ = Resident()
	return int64(m.HeapInuse), rss
}

func (w *Watch) run() {
	defer close(w.done)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		h, r := sample()
		w.mu.Lock()
		w.peakHeap, w.peakRSS = max(w.peakHeap, h), max(w.peakRSS, r)
		w.mu.Unlock()
		select {
		case <-w.stop:
			return
		case <-tick.C:
		}
	}
}

// Stop ends sampling and returns how far the heap and the resident set rose above the start
// at their peaks, in bytes.
func (w *Watch) Stop() (heapRise, rssRise int64) {
	close(w.stop)
	<-w.done
	h, r := sample() // the last moment counts too, however short the run
	w.mu.Lock()
	defer w.mu.Unlock()
	return max(w.peakHeap, h) - w.heap0, max(w.peakRSS, r) - w.rss0
}
