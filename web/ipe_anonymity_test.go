package web

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// lockedBuffer collects log output from concurrent requests.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// A session run through the API by several writers, signed in and not, leaves no note id or
// note text next to a participant token in the logs (at debug level) or the metrics. The
// store's own test (sqlstore TestIPEAnonymity) scans every table.
func TestIPEAnonymityLogs(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	var logs lockedBuffer
	f.server.cfg.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	sess := f.newIPESession(t, f.own)
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	base := "/api/v1/sessions/" + itoa(sess.ID)
	f.api(t, teacher, "POST", base+"/phase", "", phaseRequest{From: laeringsliv.IPEPhaseDraft}, nil)

	var secrets, notes []string
	for i, c := range []*http.Client{f.signIn(t, laeringsliv.RoleParticipant), f.signIn(t, laeringsliv.RoleLeader), f.client(t), f.client(t)} {
		var j JoinResponse
		f.api(t, c, "POST", "/api/v1/join", "", joinRequest{Code: sess.JoinCode}, &j)
		secrets = append(secrets, j.Token, laeringsliv.HashToken(j.Token))
		for k := range 2 {
			text := "logscan-" + itoa(int64(i)) + "-" + itoa(int64(k))
			notes = append(notes, text)
			if code := f.api(t, c, "POST", base+"/notes", j.Token, noteRequest{Text: text}, nil); code != 201 {
				t.Fatalf("note: %d", code)
			}
		}
	}
	all, err := f.db.FindIPENotes(context.Background(), sess.ID)
	must(t, err)
	for _, n := range all {
		notes = append(notes, n.ID)
	}
	metrics := f.metrics(t)
	for name, text := range map[string]string{"logs": logs.String(), "metrics": metrics} {
		for _, s := range append(secrets, notes...) {
			if strings.Contains(text, s) {
				t.Errorf("%s hold %q", name, s)
			}
		}
	}
	if !strings.Contains(logs.String(), "/api/v1/sessions/{ipe}/notes") {
		t.Fatal("the logs were not captured")
	}
}
