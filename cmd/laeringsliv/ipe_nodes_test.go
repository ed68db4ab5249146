package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// postJSON sends v as JSON with a bearer token and decodes the answer into out.
func postJSON(t *testing.T, url, token string, v, out any) int {
	t.Helper()
	b, _ := json.Marshal(v)
	req, _ := http.NewRequest("POST", url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		_ = json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode
}

// sseLines reads an event stream's lines into a channel.
func sseLines(t *testing.T, url string, lastID string) <-chan string {
	t.Helper()
	return sseLinesAs(t, url, "", lastID)
}

// sseLinesAs is sseLines for the person of a bearer API token.
func sseLinesAs(t *testing.T, url, token, lastID string) <-chan string {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("events: %v %v", resp, err)
	}
	ch := make(chan string, 100)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			ch <- sc.Text()
		}
		close(ch)
	}()
	return ch
}

func waitLine(t *testing.T, ch <-chan string, want string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case l, ok := <-ch:
			if !ok {
				t.Fatalf("stream ended before %q", want)
			}
			if strings.Contains(l, want) {
				return
			}
		case <-timeout:
			t.Fatalf("no %q within 10 s", want)
		}
	}
}

// Two nodes serve one session on one PostgreSQL: a participant on node A follows what happens
// on node B live, and a client that reconnects with Last-Event-ID misses no event.
func TestIPETwoNodes(t *testing.T) {
	dsn := sqltest.PostgresURL(t)
	a, _ := mustRunMain(t, dsn, true)
	b, _ := mustRunMain(t, dsn, true)
	for _, m := range []*Main{a, b} {
		t.Cleanup(func() {
			if err := m.Close(); err != nil {
				t.Error(err)
			}
		})
	}
	ctx := context.Background()
	ws, err := a.DB.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{InstitutionID: a.Institution.ID})
	if err != nil || len(ws) == 0 {
		t.Fatal(err)
	}
	sess := &laeringsliv.IPESession{WorkplaceID: ws[0].ID, Kind: laeringsliv.IPEKindCapture, Question: "To noder?"}
	if err := a.DB.CreateIPESession(ctx, sess, []string{"G1"}, nil); err != nil {
		t.Fatal(err)
	}
	var tokens []string
	for i := range 3 {
		var j struct{ Token string }
		node := []*Main{a, b}[i%2]
		if code := postJSON(t, node.URL()+"/api/v1/join", "", map[string]string{"code": sess.JoinCode}, &j); code != 201 {
			t.Fatalf("join: %d", code)
		}
		tokens = append(tokens, j.Token)
	}
	path := "/api/v1/sessions/" + itoa(sess.ID)
	onA := sseLines(t, a.URL()+path+"/events?token="+tokens[0], "")
	waitLine(t, onA, "event: hat")

	// The phase moves on node B (as the facilitator's store call and notice would).
	if _, err := b.DB.SetIPEPhase(ctx, sess.ID, laeringsliv.IPEPhaseDraft); err != nil {
		t.Fatal(err)
	}
	for i, tok := range tokens {
		if code := postJSON(t, b.URL()+path+"/notes", tok, map[string]string{"text": "notat " + itoa(int64(i))}, nil); code != 201 {
			t.Fatalf("note on node b: %d", code)
		}
	}
	waitLine(t, onA, `"writers":3`) // node B's notes reached node A's stream live

	// A client that saw event 1 reconnects to node B and gets event 2 onwards.
	if _, err := a.DB.SetIPEPhase(ctx, sess.ID, laeringsliv.IPEPhaseCapture); err != nil {
		t.Fatal(err)
	}
	resumed := sseLines(t, b.URL()+path+"/events?token="+tokens[1], "1")
	waitLine(t, resumed, "id: 2")
}
