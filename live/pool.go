package live

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"runtime"
	"sync"
	"time"
)

// Pool keeps idle event streams without a goroutine each. A stream served over HTTP/1.x is
// taken over from net/http once its first events are written: the connection is hijacked,
// the request's two goroutines (the handler and net/http's background reader) and their
// buffers end, and one writer per topic sends every stream of that topic what is new when the
// topic changes, and a heartbeat. An idle stream then costs its socket and a few hundred bytes
// instead of some 25 KB. A write that fails or times out drops the connection; the client
// reconnects and resumes after its Last-Event-ID, as after any network failure.
//
// Streams over HTTP/2, or through a ResponseWriter that cannot hijack, are served the usual
// way by Stream.Serve.
type Pool struct {
	mu     sync.Mutex
	groups map[string]*group
}

// NewPool returns an empty pool.
func NewPool() *Pool { return &Pool{groups: map[string]*group{}} }

// Streams returns how many streams the pool holds, for tests and metrics.
func (p *Pool) Streams() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, g := range p.groups {
		g.mu.Lock()
		n += len(g.conns)
		g.mu.Unlock()
	}
	return n
}

// group is the streams of one topic and the goroutine that writes to them.
type group struct {
	topic string
	st    Stream // the first stream's settings: hub, Changed, heartbeat, write timeout
	wake  chan struct{}
	mu    sync.Mutex
	conns map[*pooled]struct{}
}

// pooled is one detached stream.
type pooled struct {
	conn net.Conn
	last int64
	load func(ctx context.Context, after int64) ([]Event, error)
	done func()
}

// adopt takes over the stream: it loads the first events, hijacks the connection, writes the
// response head and the events itself, and hands the connection to the topic's writer. It
// reports false, having written nothing, when the connection cannot be taken over.
func (p *Pool) adopt(w http.ResponseWriter, r *http.Request, st Stream) bool {
	if r.ProtoMajor != 1 || st.Topic == "" {
		return false
	}
	last := LastEventID(r)
	events, err := st.Load(r.Context(), last)
	if err != nil {
		return false
	}
	h := w.Header().Clone()
	conn, brw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return false
	}
	_ = brw // anything the client sent after its request is of no use to a stream
	_ = conn.SetDeadline(time.Time{})
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	h.Set("Connection", "close") // the body ends when the connection does
	h.Del("Content-Length")
	h.Del("Transfer-Encoding")
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 200 OK\r\n")
	_ = h.Write(&b)
	b.WriteString("\r\n")
	c := &pooled{conn: conn, last: last, load: st.Load, done: st.Done}
	c.append(&b, events)
	_ = conn.SetWriteDeadline(time.Now().Add(st.WriteTimeout))
	if _, err := conn.Write(b.Bytes()); err != nil {
		c.close()
		return true
	}
	p.add(st, c)
	return true
}

// append adds events to b and moves the stream's last id.
func (c *pooled) append(b *bytes.Buffer, events []Event) {
	for _, e := range events {
		if e.ID != 0 {
			c.last = e.ID
		}
		if e.Frame == nil {
			e.Frame = Encode(e)
		}
		b.Write(e.Frame)
	}
}

// close ends the stream: Done first, so that whatever the client sees after the connection
// closes (a reconnect, a metric read) finds the stream already counted as ended.
func (c *pooled) close() {
	if c.done != nil {
		c.done()
	}
	_ = c.conn.Close()
}

// add puts c into its topic's group, starting the group's writer if it is the first, and
// wakes the writer so that anything that changed while c was being taken over reaches it.
func (p *Pool) add(st Stream, c *pooled) {
	p.mu.Lock()
	g := p.groups[st.Topic]
	if g == nil {
		g = &group{topic: st.Topic, st: st, wake: make(chan struct{}, 1), conns: map[*pooled]struct{}{}}
		p.groups[st.Topic] = g
		go p.run(g)
	}
	g.mu.Lock()
	g.conns[c] = struct{}{}
	g.mu.Unlock()
	p.mu.Unlock()
	select {
	case g.wake <- struct{}{}:
	default:
	}
}

// run writes to a group's streams until the last is gone or the hub closes.
func (p *Pool) run(g *group) {
	st := g.st
	var notices func() <-chan struct{}
	if st.Changed != nil {
		notices = st.Changed
	} else {
		sub := st.Hub.Subscribe(st.Topic)
		defer sub.Close()
		notices = func() <-chan struct{} { return sub.C }
	}
	next := notices()
	for {
		ping := false
		select {
		case <-st.Hub.Done():
			g.closeAll()
			p.remove(g)
			return
		case <-next:
			next = notices()
		case <-g.wake:
		case <-st.Hub.Beat(st.Heartbeat):
			ping = true
		}
		if p.writeAll(g, ping) {
			return
		}
	}
}

// writeAll sends each stream what it has not seen (and a heartbeat comment when ping), over a
// few goroutines at once, and drops the streams whose write fails. It reports whether the
// group is empty and gone.
func (p *Pool) writeAll(g *group, ping bool) bool {
	g.mu.Lock()
	conns := make([]*pooled, 0, len(g.conns))
	for c := range g.conns {
		conns = append(conns, c)
	}
	g.mu.Unlock()
	workers := min(len(conns), 2*runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var dead []*pooled
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			for i := w; i < len(conns); i += workers {
				c := conns[i]
				events, err := c.load(context.Background(), c.last)
				if err != nil {
					continue // the next notice or heartbeat tries again
				}
				b.Reset()
				c.append(&b, events)
				if ping {
					b.WriteString(": ping\n\n")
				}
				if b.Len() == 0 {
					continue
				}
				_ = c.conn.SetWriteDeadline(time.Now().Add(g.st.WriteTimeout))
				if _, err := c.conn.Write(b.Bytes()); err != nil {
					mu.Lock()
					dead = append(dead, c)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(dead) == 0 {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	g.mu.Lock()
	for _, c := range dead {
		delete(g.conns, c)
		c.close()
	}
	empty := len(g.conns) == 0
	g.mu.Unlock()
	if empty {
		delete(p.groups, g.topic)
	}
	return empty
}

func (g *group) closeAll() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for c := range g.conns {
		c.close()
		delete(g.conns, c)
	}
}

func (p *Pool) remove(g *group) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.groups[g.topic] == g {
		delete(p.groups, g.topic)
	}
}
