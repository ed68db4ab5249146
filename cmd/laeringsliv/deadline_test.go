package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// A client that trickles a request body in (one byte every two seconds) is cut off once the
// read deadline passes, however slowly it keeps sending; the server is not held.
func TestSlowBodyCutOff(t *testing.T) {
	const readTimeout = 2 * time.Second
	cfg := Config{Addr: "127.0.0.1:0", Database: tempDB(t), LogFormat: "text", LogLevel: slog.LevelError,
		Institution: DefaultInstitution, ReadTimeout: readTimeout, WriteTimeout: 5 * time.Second}
	m := NewMain(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Close() })
	addr := strings.TrimPrefix(m.URL(), "http://")

	const clients = 20
	held := make([]time.Duration, clients)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			held[i] = slowJoin(t, addr)
		}()
	}
	wg.Wait()
	worst := time.Duration(0)
	for _, d := range held {
		worst = max(worst, d)
	}
	t.Logf("%d slow clients, each sending 1 byte per 2 s; longest held %v (read deadline %v)", clients, worst.Round(time.Millisecond), readTimeout)
	if worst > readTimeout+4*time.Second {
		t.Errorf("a slow client was held %v; the read deadline is %v", worst, readTimeout)
	}
}

// slowJoin sends POST /api/v1/join with a 1000-byte body, one byte every two seconds, and
// returns how long the server kept the connection before answering or closing it.
func slowJoin(t *testing.T, addr string) time.Duration {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Error(err)
		return 0
	}
	defer c.Close()
	start := time.Now()
	fmt.Fprintf(c, "POST /api/v1/join HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{", addr)
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		_, _ = bufio.NewReader(c).ReadString(0) // until the server answers and closes, or resets
	}()
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-closed:
			return time.Since(start)
		case <-tick.C:
			if _, err := c.Write([]byte(" ")); err != nil {
				<-closed
				return time.Since(start)
			}
			if time.Since(start) > time.Minute {
				t.Error("held for a minute")
				return time.Since(start)
			}
		}
	}
}
