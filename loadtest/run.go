package loadtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
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
}

func (s *session) ack(t time.Time) {
	s.mu.Lock()
	s.acks = append(s.acks, t)
	s.mu.Unlock()
}

// seen records that a client saw the count rise from last to n at time t.
func (s *session) seen(last, n int, t time.Time, h *histogram) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for j := last + 1; j <= n && j <= len(s.acks); j++ {
		h.add(max(0, t.Sub(s.acks[j-1])))
	}
}

type participant struct {
	token   string
	session *session
}

// Run runs the load and prints the figures to out.
func Run(ctx context.Context, c Config, out io.Writer) error {
	if err := c.Validate(); err != nil {
		return err
	}
	// One socket per stream, one per request in flight, and some for the rest.
	if err := raiseFileLimit(uint64(c.Participants) + 512); err != nil {
		fmt.Fprintln(out, "warning:", err)
	}
	tr := &http.Transport{MaxIdleConns: 0, MaxIdleConnsPerHost: 20000, MaxConnsPerHost: 0, IdleConnTimeout: time.Minute}
	client := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	codes := c.Codes
	if len(codes) == 0 {
		var err error
		if codes, err = createSessions(ctx, &c, client); err != nil {
			return fmt.Errorf("create sessions: %w", err)
		}
	}
	mem0 := serverMemory(ctx, client, c.MetricsURL)
	var errs atomic.Int64
	sessions := map[int64]*session{}
	people := make([]*participant, c.Participants)
	var mu sync.Mutex
	parallel(c.Participants, 64, func(i int) {
		var j struct {
			Token   string
			Session int64
		}
		if status, err := postJSON(ctx, client, c.URL+"/api/v1/join", "", map[string]string{"code": codes[i%len(codes)]}, &j); err != nil || status != 201 {
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
	})

	delivery := newHistogram()
	var connected atomic.Int64
	streamCtx, stop := context.WithCancel(ctx)
	defer stop()
	var streams sync.WaitGroup
	ready := make(chan struct{}, c.Participants)
	for _, p := range people {
		if p == nil {
			continue
		}
		streams.Add(1)
		go func() {
			defer streams.Done()
			if err := stream(streamCtx, client, c.URL, p, delivery, &connected, ready); err != nil && streamCtx.Err() == nil {
				errs.Add(1)
			}
		}()
	}
	waitReady(ctx, ready, len(sessionsOf(people)), people)
	time.Sleep(time.Second) // let the server settle before reading its memory
	mem1 := serverMemory(ctx, client, c.MetricsURL)

	acks := newHistogram()
	start := time.Now()
	parallel(len(people), 256, func(i int) {
		p := people[i]
		if p == nil {
			return
		}
		for n := range c.Notes {
			t0 := time.Now()
			status, err := postJSON(ctx, client, c.URL+"/api/v1/sessions/"+strconv.FormatInt(p.session.id, 10)+"/notes", p.token,
				map[string]string{"text": "Load note " + strconv.Itoa(n)}, nil)
			t1 := time.Now()
			if err != nil || status != 201 {
				errs.Add(1)
				continue
			}
			p.session.ack(t1)
			acks.add(t1.Sub(t0))
		}
	})
	elapsed := time.Since(start)
	time.Sleep(3 * time.Second) // let the last events arrive
	stop()
	streams.Wait()

	fmt.Fprintf(out, "participants connected   %d of %d in %d sessions\n", connected.Load(), c.Participants, len(sessions))
	fmt.Fprintf(out, "notes acknowledged       %d in %v: %.0f per second\n", acks.n, elapsed.Round(time.Millisecond), float64(acks.n)/elapsed.Seconds())
	fmt.Fprintf(out, "acknowledgement          %s\n", acks)
	fmt.Fprintf(out, "delivery to every client %s (%d deliveries)\n", delivery, delivery.n)
	fmt.Fprintf(out, "errors                   %d\n", errs.Load())
	reportMemory(out, mem0, mem1, connected.Load())
	return nil
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
func waitReady(ctx context.Context, ready <-chan struct{}, _ int, people []*participant) {
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
			var hat struct{ Notes int }
			if json.Unmarshal([]byte(line[6:]), &hat) == nil {
				if first {
					connected.Add(1)
					ready <- struct{}{}
					first, last = false, hat.Notes
				} else if hat.Notes > last {
					p.session.seen(last, hat.Notes, time.Now(), h)
					last = hat.Notes
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
