package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
)

// An acknowledged note is never lost: the server runs as its own process on SQLite, writers
// send notes as fast as they can, and the process is killed with SIGKILL at a different moment
// in each round. Every note the server acknowledged (201) is in the hat when the database is
// opened again. Notes in flight at the kill may or may not be there; none is there twice.
func TestIPENotesSurviveKill9(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "crash.db")
	for round, after := range []time.Duration{150 * time.Millisecond, 400 * time.Millisecond, 900 * time.Millisecond} {
		url, cmd := startServeProcess(t, dbPath, round == 0)
		sess := captureSession(t, dbPath, round)
		acked, sent := writeUntilKilled(t, url, sess.JoinCode, sess.ID, cmd, after)

		db, err := sqlstore.Open(context.Background(), dbPath)
		if err != nil {
			t.Fatal(err)
		}
		notes, err := db.FindIPENotes(context.Background(), sess.ID)
		_ = db.Close()
		if err != nil {
			t.Fatal(err)
		}
		stored := map[string]int{}
		for _, n := range notes {
			stored[n.Text]++
		}
		lost := 0
		for _, text := range acked {
			if stored[text] != 1 {
				lost++
			}
		}
		for text, n := range stored {
			if n > 1 {
				t.Errorf("round %d: %q stored %d times", round, text, n)
			}
		}
		t.Logf("round %d, killed after %v: %d notes sent, %d acknowledged, %d stored, %d acknowledged and lost",
			round, after, sent, len(acked), len(notes), lost)
		if lost > 0 {
			t.Errorf("round %d: %d acknowledged notes lost", round, lost)
		}
		if len(acked) == 0 {
			t.Errorf("round %d: no note was acknowledged before the kill, so nothing was tested", round)
		}
	}
}

// startServeProcess runs "laeringsliv serve" as a child process on dbPath, with any extra
// flags, and returns its URL.
func startServeProcess(t *testing.T, dbPath string, demo bool, extra ...string) (string, *exec.Cmd) {
	t.Helper()
	args := []string{"serve", "--addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0", "--database", dbPath}
	if demo {
		args = append(args, "--demo")
	}
	args = append(args, extra...)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), execMainEnv+"=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	i := strings.Index(line, "http://127.0.0.1:")
	if err != nil || i < 0 {
		t.Fatalf("first line %q, %v; stderr:\n%s", line, err, stderr.String())
	}
	return strings.Fields(line[i:])[0], cmd
}

// captureSession creates a session open for writing in the first demo workplace, through a
// connection of the test's own (the server's process has the database open too).
func captureSession(t *testing.T, dbPath string, round int) *laeringsliv.IPESession {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	insts, err := db.FindInstitutions(ctx)
	if err != nil || len(insts) == 0 {
		t.Fatalf("institutions: %v %v", insts, err)
	}
	ws, err := db.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{InstitutionID: insts[0].ID})
	if err != nil || len(ws) == 0 {
		t.Fatalf("workplaces: %v", err)
	}
	s := &laeringsliv.IPESession{WorkplaceID: ws[0].ID, Kind: laeringsliv.IPEKindCapture,
		Question: fmt.Sprintf("Runde %d: hva kan vi gjøre bedre?", round)}
	if err := db.CreateIPESession(ctx, s, []string{"Gruppe 1"}, nil); err != nil {
		t.Fatal(err)
	}
	if s, err = db.SetIPEPhase(ctx, s.ID, laeringsliv.IPEPhaseDraft); err != nil {
		t.Fatal(err)
	}
	return s
}

// writeUntilKilled joins writers and has them send notes until the process is killed after
// the given time; it returns the texts the server acknowledged and how many were sent.
func writeUntilKilled(t *testing.T, url, code string, sessionID int64, cmd *exec.Cmd, after time.Duration) ([]string, int) {
	t.Helper()
	const writers = 20
	client := &http.Client{Timeout: 5 * time.Second}
	post := func(path, token string, body any) (*http.Response, error) {
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest("POST", url+path, bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		return client.Do(req)
	}
	tokens := make([]string, writers)
	for i := range tokens {
		resp, err := post("/api/v1/join", "", map[string]any{"code": code, "device": fmt.Sprintf("dev-%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		var j struct{ Token string }
		_ = json.NewDecoder(resp.Body).Decode(&j)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("join: %d", resp.StatusCode)
		}
		tokens[i] = j.Token
	}
	var mu sync.Mutex
	var acked []string
	sent := 0
	var wg sync.WaitGroup
	for i, token := range tokens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				text := fmt.Sprintf("writer %d note %d of session %d", i, n, sessionID)
				mu.Lock()
				sent++
				mu.Unlock()
				resp, err := post(fmt.Sprintf("/api/v1/sessions/%d/notes", sessionID), token, map[string]any{"text": text})
				if err != nil {
					return // the server is gone
				}
				resp.Body.Close()
				if resp.StatusCode == http.StatusCreated {
					mu.Lock()
					acked = append(acked, text)
					mu.Unlock()
				}
			}
		}()
	}
	time.Sleep(after)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	wg.Wait()
	return acked, sent
}
