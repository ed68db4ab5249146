package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestInvitationMailSurvivesKill9 queues 30 invitation mails, then runs the platform as its own
// process against a real SMTP server (aiosmtpd, in its own process) whose pace the test sets.
// Twice the platform is killed with SIGKILL while mails are waiting in the queue and two are
// being sent (held by the server before anything is handed over); each time it is started
// again. In the end the server holds every invitation exactly once, by Message-ID and by
// address, and every invitation is recorded as sent.
func TestInvitationMailSurvivesKill9(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import aiosmtpd").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3-aiosmtpd is missing: scripts/install-test-deps.sh installs it")
		}
		t.Skip("python3-aiosmtpd not installed")
	}
	t.Run("sqlite", func(t *testing.T) {
		// One process owns a SQLite file: jobs it left running are recovered at its next start.
		mailSurvivesKill9(t, py, filepath.Join(t.TempDir(), "mail.db"), time.Minute)
	})
	t.Run("postgres", func(t *testing.T) {
		// On PostgreSQL another node may still be working a running job, so River's rescuer takes
		// it for abandoned only after --job-rescue-after (a few seconds here: mails are quick).
		mailSurvivesKill9(t, py, sqltest.PostgresURL(t), 3*time.Minute, "--job-rescue-after", "3s")
	})
}

func mailSurvivesKill9(t *testing.T, py, dbPath string, wait time.Duration, extra ...string) {
	const total = 30
	dir := t.TempDir()
	emails := queueInvitationMails(t, dbPath, total)
	extra = append(extra, "--files", filepath.Join(dir, "files"), "--backups", filepath.Join(dir, "backups"))

	box := filepath.Join(dir, "smtp")
	must(t, os.MkdirAll(box, 0o755))
	port := freePort(t)
	srv := exec.Command(py, "testdata/gated_smtp.py", strconv.Itoa(port), box)
	out, err := srv.StdoutPipe()
	must(t, err)
	srv.Stderr = os.Stderr
	must(t, srv.Start())
	t.Cleanup(func() { _ = srv.Process.Kill(); _ = srv.Wait() })
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "ready\n" {
		t.Fatalf("SMTP server: %q %v", line, err)
	}
	smtpURL := fmt.Sprintf("smtp://127.0.0.1:%d?from=noreply@fjordvik.no", port)
	allow := func(n int) { must(t, os.WriteFile(filepath.Join(box, "allow"), []byte(strconv.Itoa(n)), 0o644)) }

	for round, stop := range []int{4, 11} {
		allow(stop)
		_, cmd := startServeProcess(t, dbPath, false, append([]string{"--smtp-url", smtpURL}, extra...)...)
		st := waitSMTP(t, box, wait, func(s smtpState) bool { return s.Stored >= stop && s.Blocked == 2 })
		must(t, cmd.Process.Signal(syscall.SIGKILL))
		_ = cmd.Wait()
		t.Logf("round %d: killed with %d mails delivered, 2 held mid-send, %d waiting in the queue",
			round, st.Stored, total-st.Stored-2)
	}
	allow(1000)
	_, cmd := startServeProcess(t, dbPath, false, append([]string{"--smtp-url", smtpURL}, extra...)...)
	waitSMTP(t, box, wait, func(s smtpState) bool { return s.Stored >= total })
	time.Sleep(1500 * time.Millisecond) // room for a wrong second copy to arrive
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()

	files, _ := filepath.Glob(filepath.Join(box, "msgs", "*.eml"))
	byID, byTo := map[string]int{}, map[string]int{}
	for _, f := range files {
		fh, err := os.Open(f)
		must(t, err)
		m, err := mail.ReadMessage(fh)
		fh.Close()
		must(t, err)
		byID[m.Header.Get("Message-Id")]++
		to, err := mail.ParseAddress(m.Header.Get("To"))
		must(t, err)
		byTo[to.Address]++
	}
	lost, doubled := 0, 0
	for _, e := range emails {
		switch n := byTo[e]; {
		case n == 0:
			lost++
		case n > 1:
			doubled++
		}
	}
	for id, n := range byID {
		if n > 1 {
			t.Errorf("Message-ID %s delivered %d times", id, n)
		}
	}
	t.Logf("%d invitations queued, %d messages delivered, %d distinct Message-IDs: %d lost, %d doubled",
		total, len(files), len(byID), lost, doubled)
	if lost > 0 || doubled > 0 || len(files) != total {
		t.Fatalf("%d lost, %d doubled, %d messages for %d invitations", lost, doubled, len(files), total)
	}

	db, err := sqlstore.Open(context.Background(), dbPath)
	must(t, err)
	defer db.Close()
	invs, err := db.FindInvitations(context.Background(), 1)
	must(t, err)
	for _, inv := range invs {
		if inv.MailState != laeringsliv.JobDone {
			t.Errorf("invitation %d: mail %q, want done", inv.ID, inv.MailState)
		}
	}
}

// queueInvitationMails creates a workplace and n invitations with their mails queued, through
// the store, and returns the addresses.
func queueInvitationMails(t *testing.T, dbPath string, n int) []string {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, dbPath)
	must(t, err)
	defer db.Close()
	inst := &laeringsliv.Institution{Name: "Høgskolen i Fjordvik"}
	must(t, db.CreateInstitution(ctx, inst))
	prog := &laeringsliv.Programme{InstitutionID: inst.ID, Name: "MDI", StartYear: 2016, EndYear: 2019,
		Level: laeringsliv.LevelBachelor, ECTS: 15}
	must(t, db.CreateProgramme(ctx, prog))
	wp := &laeringsliv.Workplace{ProgrammeID: prog.ID, Name: "Solsiden bofellesskap", Municipality: "Fjordvik",
		ServiceKind: laeringsliv.ServiceSharedHomeYoungAdults, FTEs: 17}
	must(t, db.CreateWorkplace(ctx, wp))
	if wp.ID != 1 {
		t.Fatalf("workplace %d; the test reads invitations of workplace 1", wp.ID)
	}
	var emails []string
	for i := range n {
		email := fmt.Sprintf("ansatt%02d@fjordvik.kommune.no", i)
		inv := &laeringsliv.Invitation{WorkplaceID: wp.ID, Role: laeringsliv.RoleParticipant, Email: email,
			TokenHash: laeringsliv.HashToken(fmt.Sprint("tok", i)),
			Mail:      &laeringsliv.Mail{To: email, Subject: "Invitasjon", Body: fmt.Sprintf("Lenke nr. %d", i)}}
		must(t, db.CreateInvitation(ctx, inv))
		emails = append(emails, email)
	}
	return emails
}

type smtpState struct {
	Stored  int `json:"stored"`
	Blocked int `json:"blocked"`
}

// waitSMTP waits up to wait until the SMTP server's state satisfies ok.
func waitSMTP(t *testing.T, box string, wait time.Duration, ok func(smtpState) bool) smtpState {
	t.Helper()
	var st smtpState
	for deadline := time.Now().Add(wait); ; time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(filepath.Join(box, "state")); err == nil && json.Unmarshal(b, &st) == nil && ok(st) {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("SMTP server still at %+v after %v", st, wait)
		}
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
