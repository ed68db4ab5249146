package live

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// pgChannel is the one NOTIFY channel of the application; payloads are "<node> <topic>".
const pgChannel = "laeringsliv_live"

// Postgres is a hub for several nodes on one PostgreSQL database. Each node keeps one
// dedicated connection that LISTENs, and one that NOTIFYs; notices carry only a topic name (an
// id), never content, and well under NOTIFY's 8000-byte limit. Subscribers read what changed
// from the database, so a notice lost while the listening connection was down costs nothing:
// after every reconnect the node wakes all its local subscribers to catch up.
type Postgres struct {
	*Memory
	dsn    string
	node   string
	log    *slog.Logger
	out    chan string
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	// ready is closed once the listener has connected the first time, for tests.
	ready     chan struct{}
	readyOnce sync.Once
}

// NewPostgres starts a hub on the database at dsn. Close stops it.
func NewPostgres(dsn string, log *slog.Logger) *Postgres {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	ctx, cancel := context.WithCancel(context.Background())
	p := &Postgres{Memory: NewMemory(), dsn: dsn, node: hex.EncodeToString(b), log: log,
		out: make(chan string, 4096), ctx: ctx, cancel: cancel, ready: make(chan struct{})}
	p.wg.Add(2)
	go p.listen()
	go p.notify()
	return p
}

// Ready is closed once the node listens.
func (p *Postgres) Ready() <-chan struct{} { return p.ready }

// Publish notifies local subscribers at once and the other nodes through PostgreSQL. It never
// blocks: when the outgoing queue is full the notice is dropped, and the other nodes catch up
// at their subscribers' next heartbeat.
func (p *Postgres) Publish(topic string) {
	p.Memory.Publish(topic)
	select {
	case p.out <- topic:
	default:
		p.log.Warn("live: notice queue full; other nodes catch up on heartbeat")
	}
}

// Close stops the connections and ends every local stream.
func (p *Postgres) Close() {
	p.cancel()
	p.wg.Wait()
	p.Memory.Close()
}

func (p *Postgres) listen() {
	defer p.wg.Done()
	for p.ctx.Err() == nil {
		err := p.listenOnce()
		if p.ctx.Err() != nil {
			return
		}
		p.log.Warn("live: listener connection lost; reconnecting", "err", err)
		sleep(p.ctx, time.Second)
	}
}

func (p *Postgres) listenOnce() error {
	conn, err := pgx.Connect(p.ctx, p.dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(p.ctx, "LISTEN "+pgChannel); err != nil {
		return err
	}
	p.readyOnce.Do(func() { close(p.ready) })
	for _, t := range p.Memory.Topics() { // catch up on whatever was missed while away
		p.Memory.Publish(t)
	}
	for {
		n, err := conn.WaitForNotification(p.ctx)
		if err != nil {
			return err
		}
		node, topic, ok := strings.Cut(n.Payload, " ")
		if ok && node != p.node {
			p.Memory.Publish(topic)
		}
	}
}

func (p *Postgres) notify() {
	defer p.wg.Done()
	var conn *pgx.Conn
	defer func() {
		if conn != nil {
			conn.Close(context.Background())
		}
	}()
	for {
		var topic string
		select {
		case <-p.ctx.Done():
			return
		case topic = <-p.out:
		}
		for conn == nil || conn.IsClosed() {
			c, err := pgx.Connect(p.ctx, p.dsn)
			if err == nil {
				conn = c
				break
			}
			if p.ctx.Err() != nil {
				return
			}
			p.log.Warn("live: notify connection failed; retrying", "err", err)
			sleep(p.ctx, time.Second)
		}
		if _, err := conn.Exec(p.ctx, "SELECT pg_notify($1, $2)", pgChannel, p.node+" "+topic); err != nil {
			p.log.Warn("live: notify failed", "err", err)
			conn.Close(context.Background())
			conn = nil
		}
	}
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
