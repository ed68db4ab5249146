package loadtest

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

// histogram keeps every sample; a run holds at most a few million.
type histogram struct {
	mu sync.Mutex
	d  []time.Duration
	n  int
}

func newHistogram() *histogram { return &histogram{} }

func (h *histogram) add(d time.Duration) {
	h.mu.Lock()
	h.d = append(h.d, d)
	h.n++
	h.mu.Unlock()
}

// quantile returns the q-quantile (0..1), or 0 without samples.
func (h *histogram) quantile(q float64) time.Duration {
	if len(h.d) == 0 {
		return 0
	}
	i := int(q * float64(len(h.d)-1))
	return h.d[i]
}

func (h *histogram) String() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	sort.Slice(h.d, func(i, j int) bool { return h.d[i] < h.d[j] })
	r := func(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }
	return fmt.Sprintf("p50 %v  p95 %v  p99 %v  max %v", r(h.quantile(0.5)), r(h.quantile(0.95)), r(h.quantile(0.99)), r(h.quantile(1)))
}

// at returns the q-quantile of the samples so far.
func (h *histogram) at(q float64) time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	sort.Slice(h.d, func(i, j int) bool { return h.d[i] < h.d[j] })
	return h.quantile(q)
}
