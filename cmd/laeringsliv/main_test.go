package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore/sqltest"
)

// execMainEnv makes the test binary run main itself, so that tests can send it real signals.
const execMainEnv = "LAERINGSLIV_TEST_EXEC_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(execMainEnv) == "1" {
		main()
	}
	_, err := os.Stat("data")
	existed := err == nil
	code := sqltest.RunMain(m)
	if _, err := os.Stat("data"); err == nil && !existed {
		// A test wrote into the source tree; every test must write under t.TempDir().
		fmt.Fprintln(os.Stderr, "FAIL: a test created cmd/laeringsliv/data; write under t.TempDir()")
		_ = os.RemoveAll("data")
		code = 1
	}
	os.Exit(code)
}

// syncBuffer is a bytes.Buffer that a running server and a test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testFiles holds, per database, the temporary folder of uploaded files, so that two nodes on
// one PostgreSQL database share their files as production nodes do.
var testFiles sync.Map // database → folder

// testFilesDir returns the folder of uploaded files for a test's database, under t.TempDir():
// with PostgreSQL the default would be ./data/files, inside the source tree.
func testFilesDir(t *testing.T, db string) string {
	dir, _ := testFiles.LoadOrStore(db, filepath.Join(t.TempDir(), "files"))
	return dir.(string)
}

// mustRunMain starts the whole application on a free port with a temporary SQLite database.
func mustRunMain(t *testing.T, dbPath string, demo bool) (*Main, *syncBuffer) {
	t.Helper()
	cfg := Config{Addr: "127.0.0.1:0", Database: dbPath, Demo: demo, LogFormat: "text",
		LogLevel: slog.LevelWarn, Institution: DefaultInstitution, Files: testFilesDir(t, dbPath)}
	out := &syncBuffer{}
	m := NewMain(cfg, slog.New(slog.NewTextHandler(t.Output(), nil)), out)
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return m, out
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "data", "test.db") }

func get(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func TestMainServeDemo(t *testing.T) {
	path := tempDB(t)
	m, out := mustRunMain(t, path, true)
	if !strings.HasPrefix(m.URL(), "http://127.0.0.1:") || strings.HasSuffix(m.URL(), ":0") {
		t.Fatalf("URL = %q", m.URL())
	}
	for _, p := range []string{"/healthz", "/readyz"} {
		if code := get(t, m.URL()+p); code != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", p, code)
		}
	}
	s := out.String()
	if !strings.Contains(s, m.URL()) {
		t.Errorf("stdout does not show the URL:\n%s", s)
	}
	for _, l := range demo.Logins() {
		if !strings.Contains(s, l.Email) || !strings.Contains(s, string(l.Role)) {
			t.Errorf("stdout does not list the %s login %s", l.Role, l.Email)
		}
	}
	if m.Institution == nil || m.Institution.Name != "Høgskolen i Fjordvik" {
		t.Errorf("serving institution %+v, want the demo's", m.Institution)
	}
	url := m.URL()
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("server still answers after Close")
	}

	// A restart on the seeded database seeds nothing but shows the logins again.
	m, out = mustRunMain(t, path, true)
	defer m.Close()
	if !strings.Contains(out.String(), demo.Logins()[0].Email) {
		t.Errorf("restart does not show the demo logins:\n%s", out.String())
	}
	people, err := m.DB.FindPersons(context.Background(), laeringsliv.PersonFilter{})
	if want := demo.PersonCount(); err != nil || len(people) != want {
		t.Errorf("after restart: %d people, %v; want the %d of the demo's plan", len(people), err, want)
	}
}

// The whole application runs on PostgreSQL as well.
func TestMainPostgres(t *testing.T) {
	m, out := mustRunMain(t, sqltest.PostgresURL(t), true)
	defer m.Close()
	if code := get(t, m.URL()+"/readyz"); code != http.StatusOK {
		t.Errorf("GET /readyz = %d, want 200", code)
	}
	if m.DB.Dialect() != "postgres" || !strings.Contains(out.String(), demo.Logins()[0].Email) {
		t.Errorf("dialect %s, stdout:\n%s", m.DB.Dialect(), out.String())
	}
}

// Every demo login signs in through the web layer.
func TestMainDemoLogins(t *testing.T) {
	m, _ := mustRunMain(t, tempDB(t), true)
	defer m.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, l := range m.Logins {
		resp, err := client.PostForm(m.URL()+"/login", url.Values{"email": {l.Email}, "password": {l.Password}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) == 0 {
			t.Errorf("%s %s: status %d, cookies %v", l.Role, l.Email, resp.StatusCode, resp.Cookies())
		}
	}
}

// Without --demo an empty database gets the institution named by --institution.
func TestMainServeEmpty(t *testing.T) {
	m, out := mustRunMain(t, tempDB(t), false)
	defer m.Close()
	if m.Institution == nil || m.Institution.Name != DefaultInstitution {
		t.Errorf("institution = %+v, want %q", m.Institution, DefaultInstitution)
	}
	if strings.Contains(out.String(), "Demo logins") {
		t.Errorf("demo logins printed without --demo:\n%s", out.String())
	}
}

// Close waits for a request in flight. The request is held open by its own body: the client
// sends half of a login form, Close begins, and only then the rest. Close must not return
// before the response, and the client must get a whole HTTP response, not a broken connection.
func TestMainCloseWaitsForRequests(t *testing.T) {
	m, _ := mustRunMain(t, tempDB(t), false)
	conn, err := net.Dial("tcp", strings.TrimPrefix(m.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := "email=nobody%40example.no&password=not-the-password"
	fmt.Fprintf(conn, "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
		"Content-Length: %d\r\n\r\n%s", len(body), body[:10])
	time.Sleep(100 * time.Millisecond) // the handler is now reading the body

	closed := make(chan error, 1)
	go func() { closed <- m.Close() }()
	select {
	case err := <-closed:
		t.Fatalf("Close returned (%v) while a request was in flight", err)
	case <-time.After(300 * time.Millisecond):
	}
	if _, err := io.WriteString(conn, body[10:]); err != nil {
		t.Fatalf("the connection was cut while the request was in flight: %v", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the in-flight request got no response: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		t.Fatalf("the in-flight request failed with %d", resp.StatusCode)
	}
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
}

func TestCLIServeSignal(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	c := &CLI{Stdin: strings.NewReader(""), Stdout: out, Stderr: io.Discard, Getenv: func(string) (string, bool) { return "", false }}
	done := make(chan int)
	go func() {
		done <- c.Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0", "--database", tempDB(t)})
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "running at") {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel() // as SIGINT or SIGTERM does through signal.NotifyContext
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d", code)
		}
	case <-time.After(shutdownTimeout + time.Second):
		t.Fatal("serve did not stop")
	}
}

// The binary shuts down cleanly on SIGTERM and SIGINT.
func TestSignals(t *testing.T) {
	for _, sig := range []os.Signal{syscall.SIGTERM, os.Interrupt} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0")
			cmd.Env = append(os.Environ(), execMainEnv+"=1", "LAERINGSLIV_DATABASE="+tempDB(t))
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr syncBuffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if err != nil || !strings.Contains(line, "running at http://127.0.0.1:") {
				_ = cmd.Process.Kill()
				t.Fatalf("first line %q, %v; stderr:\n%s", line, err, stderr.String())
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil || !strings.Contains(stderr.String(), "msg=stopped") {
					t.Errorf("exit: %v; stderr:\n%s", err, stderr.String())
				}
			case <-time.After(shutdownTimeout + 2*time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("no exit after signal")
			}
		})
	}
}
