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

// Clients that trickle a request body in (one byte every second, or every four) are cut off
// once the read deadline passes: it counts from the start of the request, so bytes that keep
// arriving do not extend it, and the server is not held.
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

	const clients = 100
	held := make([]time.Duration, clients)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			every := time.Second
			if i%2 == 1 {
				every = 4 * time.Second
			}
			held[i] = slowJoin(t, addr, every)
		}()
	}
	wg.Wait()
	worst := time.Duration(0)
	for _, d := range held {
		worst = max(worst, d)
	}
	t.Logf("%d slow clients, sending 1 byte per 1 s or 4 s; longest held %v (read deadline %v)", clients, worst.Round(time.Millisecond), readTimeout)
	if worst > readTimeout+4*time.Second {
		t.Errorf("a slow client was held %v; the read deadline is %v", worst, readTimeout)
	}
}

// slowJoin sends POST /api/v1/join with a 1000-byte body, one byte every interval, and returns
// how long the server kept the connection before answering or closing it.
func slowJoin(t *testing.T, addr string, every time.Duration) time.Duration {
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
	tick := time.NewTicker(every)
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
