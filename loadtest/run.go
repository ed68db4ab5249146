package loadtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// session tracks the acknowledgement time of each note of one session, in order of
// acknowledgement: once the j-th note is acknowledged, the hat holds at least j notes, so a
// client that sees a count of j or more has received it.
type session struct {
	id   int64
	mu   sync.Mutex
	acks []time.Time
	last atomic.Int64 // Unix ns of the latest delivery to any client
}

func (s *session) ack(t time.Time) {
	s.mu.Lock()
	s.acks = append(s.acks, t)
	s.mu.Unlock()
}

func (s *session) acked() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.acks)
}

// seen records that a client saw the count rise from last to n at time t. A note the client
// shows before its acknowledgement reached the writer counts as delivered at once.
func (s *session) seen(last, n int, t time.Time, h *histogram) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for j := last + 1; j <= n; j++ {
		if j <= len(s.acks) {
			h.add(max(0, t.Sub(s.acks[j-1])))
		} else {
			h.add(0) // shown before its writer had the acknowledgement
		}
	}
	if t.UnixNano() > s.last.Load() {
		s.last.Store(t.UnixNano())
	}
}

type participant struct {
	token   string
	session *session
	first   atomic.Int64 // the count in the stream's first hat; -1 before it
	seen    atomic.Int64 // the highest count the stream has shown
}

// result is what one run against one server measured.
type result struct {
	connected, joined int64
	sessions          int
	joinTime          time.Duration
	acks, delivery    *histogram
	elapsed           time.Duration // from the first note sent to the last acknowledged
	fanout            time.Duration // from the first note sent to the last delivery
	errs, lost        int64
	mem0, mem1        memory
	load0, load1      string
}

// Run runs the load c.Repeat times and prints the figures of each run to out, then their
// medians. With c.Bare each run is preceded by the same load against a bare net/http
// broadcaster, and the server's figures are printed as shares of its.
func Run(ctx context.Context, c Config, out io.Writer) (*Summary, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	// One socket per stream, one per request in flight, and some for the rest.
	if err := raiseFileLimit(uint64(c.Participants) + 512); err != nil {
		fmt.Fprintln(out, "warning:", err)
	}
	var runs, bases []*result
	for i := range c.Repeat {
		if c.Repeat > 1 {
			fmt.Fprintf(out, "==== run %d of %d\n", i+1, c.Repeat)
		}
		r, base, err := runOnce(ctx, c, out)
		if err != nil {
			return nil, err
		}
		runs, bases = append(runs, r), append(bases, base)
	}
	sum := summarize(runs, bases)
	if c.Repeat > 1 {
		sum.print(out)
	}
	return sum, nil
}

// runOnce runs the load once, after the bare broadcaster's run with c.Bare.
func runOnce(ctx context.Context, c Config, out io.Writer) (r, base *result, err error) {
	client := newClient()
	codes := c.Codes
	if len(codes) == 0 {
		if codes, err = createSessions(ctx, &c, client); err != nil {
			return nil, nil, fmt.Errorf("create sessions: %w", err)
		}
	}
	if c.Bare {
		url, stop, err := startBare(ctx, c.BareCommand)
		if err != nil {
			return nil, nil, fmt.Errorf("start the bare broadcaster: %w", err)
		}
		bareCodes := make([]string, len(codes))
		for i := range codes {
			bareCodes[i] = strconv.Itoa(i + 1)
		}
		base = runLoad(ctx, c, newClient(), url, url, bareCodes)
		stop()
		fmt.Fprintln(out, "== bare net/http broadcaster (no storage, same messages and clients)")
		base.print(out, nil)
		fmt.Fprintln(out, "== server", c.URL)
	}
	r = runLoad(ctx, c, client, c.URL, c.MetricsURL, codes)
	r.print(out, base)
	return r, base, nil
}

func newClient() *http.Client {
	tr := &http.Transport{MaxIdleConns: 0, MaxIdleConnsPerHost: 20000, MaxConnsPerHost: 0, IdleConnTimeout: time.Minute}
	return &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// runLoad joins, opens the streams, writes the notes and waits for their delivery.
func runLoad(ctx context.Context, c Config, client *http.Client, base, metrics string, codes []string) *result {
	r := &result{acks: newHistogram(), delivery: newHistogram(), load0: loadAverage()}
	r.mem0 = serverMemory(ctx, client, metrics)
	sessions := map[int64]*session{}
	people := make([]*participant, c.Participants)
	var mu sync.Mutex
	var errs atomic.Int64
	joinStart := time.Now()
	parallel(c.Participants, 64, func(i int) {
		var j struct {
			Token   string
			Session int64
		}
		if status, err := postJSON(ctx, client, base+"/api/v1/join", "", map[string]string{"code": codes[i%len(codes)]}, &j); err != nil || status != 201 {
			errs.Add(1)
			return
		}
		mu.Lock()
		s := sessions[j.Session]
		if s == nil {
			s = &session{id: j.Session}
			sessions[j.Session] = s
		}
		mu.Unlock()
		people[i] = &participant{token: j.Token, session: s}
		people[i].first.Store(-1)
	})
	r.joinTime = time.Since(joinStart)
	r.sessions = len(sessions)

	var connected atomic.Int64
	streamCtx, stop := context.WithCancel(ctx)
	defer stop()
	var streams sync.WaitGroup
	ready := make(chan struct{}, c.Participants)
	for _, p := range people {
		if p == nil {
			continue
		}
		r.joined++
		streams.Add(1)
		go func() {
			defer streams.Done()
			if err := stream(streamCtx, client, base, p, r.delivery, &connected, ready); err != nil && streamCtx.Err() == nil {
				errs.Add(1)
			}
		}()
	}
	waitReady(ctx, ready, people)
	time.Sleep(time.Second) // let the server settle before reading its memory
	r.mem1 = serverMemory(ctx, client, metrics)

	start := time.Now()
	var lastAck, slots atomic.Int64
	parallel(len(people), max(1, c.Writers), func(i int) {
		p := people[i]
		if p == nil {
			return
		}
		for n := range c.Notes {
			if c.Rate > 0 { // wait for this note's moment in the schedule
				at := start.Add(time.Duration(float64(slots.Add(1)-1) / c.Rate * float64(time.Second)))
				time.Sleep(time.Until(at))
			}
			t0 := time.Now()
			status, err := postJSON(ctx, client, base+"/api/v1/sessions/"+strconv.FormatInt(p.session.id, 10)+"/notes", p.token,
				map[string]string{"text": "Load note " + strconv.Itoa(n)}, nil)
			t1 := time.Now()
			if err != nil || status != 201 {
				errs.Add(1)
				continue
			}
			p.session.ack(t1)
			r.acks.add(t1.Sub(t0))
			lastAck.Store(max(lastAck.Load(), t1.UnixNano()))
		}
	})
	if lastAck.Load() != 0 {
		r.elapsed = time.Unix(0, lastAck.Load()).Sub(start)
	}
	r.lost = waitDelivered(people, 10*time.Second)
	stop()
	streams.Wait()
	for s := range sessionsOf(people) {
		if s.last.Load() == 0 {
			continue
		}
		if l := time.Unix(0, s.last.Load()).Sub(start); l > r.fanout {
			r.fanout = l
		}
	}
	r.connected, r.errs, r.load1 = connected.Load(), errs.Load(), loadAverage()
	return r
}

// waitDelivered waits until every stream has shown every acknowledged note of its session,
// or until timeout, and returns how many (stream, note) deliveries are missing then.
func waitDelivered(people []*participant, timeout time.Duration) int64 {
	deadline := time.Now().Add(timeout)
	for {
		var missing int64
		for _, p := range people {
			if p == nil || p.first.Load() < 0 {
				continue
			}
			want := p.first.Load() + int64(p.session.acked())
			missing += max(0, want-p.seen.Load())
		}
		if missing == 0 || time.Now().After(deadline) {
			return missing
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (r *result) print(out io.Writer, base *result) {
	ratio := func(f func(*result) float64) string {
		if base == nil || f(base) == 0 {
			return ""
		}
		return fmt.Sprintf("   (%.2f × bare)", f(r)/f(base))
	}
	fmt.Fprintf(out, "load average             %s at the start, %s at the end\n", r.load0, r.load1)
	fmt.Fprintf(out, "participants joined      %d in %v: %.0f per second%s\n", r.joined, r.joinTime.Round(time.Millisecond),
		perSecond(int(r.joined), r.joinTime), ratio(func(x *result) float64 { return perSecond(int(x.joined), x.joinTime) }))
	fmt.Fprintf(out, "participants connected   %d in %d sessions\n", r.connected, r.sessions)
	fmt.Fprintf(out, "notes acknowledged       %d in %v: %.0f per second%s\n", r.acks.n, r.elapsed.Round(time.Millisecond),
		perSecond(r.acks.n, r.elapsed), ratio(func(x *result) float64 { return perSecond(x.acks.n, x.elapsed) }))
	fmt.Fprintf(out, "acknowledgement          %s\n", r.acks)
	fmt.Fprintf(out, "delivery to every client %s\n", r.delivery)
	fmt.Fprintf(out, "fan-out                  %d deliveries in %v: %.0f per second%s\n", r.delivery.n, r.fanout.Round(time.Millisecond),
		perSecond(r.delivery.n, r.fanout), ratio(func(x *result) float64 { return perSecond(x.delivery.n, x.fanout) }))
	fmt.Fprintf(out, "deliveries missing       %d (acknowledged notes some client never saw)\n", r.lost)
	fmt.Fprintf(out, "errors                   %d\n", r.errs)
	reportMemory(out, r.mem0, r.mem1, r.connected)
	if base != nil && base.connected > 0 && r.connected > 0 && base.mem1.rss >= 0 && r.mem1.rss >= 0 {
		per := func(x *result) float64 { return float64(x.mem1.rss-x.mem0.rss) / float64(x.connected) }
		fmt.Fprintf(out, "  resident per stream    %.2f × bare\n", per(r)/per(base))
	}
}

// loadAverage returns the 1-, 5- and 15-minute load averages, where the system tells them.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func sessionsOf(ps []*participant) map[*session]bool {
	m := map[*session]bool{}
	for _, p := range ps {
		if p != nil {
			m[p.session] = true
		}
	}
	return m
}

// waitReady waits until every stream has its first event, or 60 seconds.
func waitReady(ctx context.Context, ready <-chan struct{}, people []*participant) {
	n := 0
	for _, p := range people {
		if p != nil {
			n++
		}
	}
	timeout := time.After(60 * time.Second)
	for range n {
		select {
		case <-ready:
		case <-timeout:
			return
		case <-ctx.Done():
			return
		}
	}
}

// stream follows a participant's event stream, recording delivery of hat counts.
func stream(ctx context.Context, client *http.Client, base string, p *participant, h *histogram, connected *atomic.Int64, ready chan<- struct{}) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/api/v1/sessions/"+strconv.FormatInt(p.session.id, 10)+"/events?token="+p.token, nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	sc := bufio.NewScanner(resp.Body)
	event, last, first := "", -1, true
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			event = line[7:]
		case strings.HasPrefix(line, "data: ") && event == "hat":
			var hat struct {
				Notes int `json:"notes"`
			}
			if json.Unmarshal([]byte(line[6:]), &hat) == nil {
				if first {
					p.first.Store(int64(hat.Notes))
					p.seen.Store(int64(hat.Notes))
					connected.Add(1)
					ready <- struct{}{}
					first, last = false, hat.Notes
				} else if hat.Notes > last {
					p.session.seen(last, hat.Notes, time.Now(), h)
					last = hat.Notes
					p.seen.Store(int64(hat.Notes))
				}
			}
		}
	}
	return sc.Err()
}

func postJSON(ctx context.Context, client *http.Client, url, token string, v, out any) (int, error) {
	b, _ := json.Marshal(v)
	req, err := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if out != nil {
		return resp.StatusCode, json.NewDecoder(resp.Body).Decode(out)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// parallel runs f(0..n-1) on at most width goroutines.
func parallel(n, width int, f func(i int)) {
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range min(n, width) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}
