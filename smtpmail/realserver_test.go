package smtpmail

import (
	"context"
	"io"
	"mime/quotedprintable"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"laeringsliv"
)

// TestSendThroughRealServer sends through aiosmtpd, a real SMTP server in its own process
// (Debian's python3-aiosmtpd, installed by scripts/install-test-deps.sh), a message with a
// Norwegian line far beyond SMTP's 998-octet limit, and checks what the server stored: one
// message, with the Message-ID given, no line over 998 octets, and the body intact after
// quoted-printable decoding.
func TestSendThroughRealServer(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import aiosmtpd").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3-aiosmtpd is missing: scripts/install-test-deps.sh installs it")
		}
		t.Skip("python3-aiosmtpd not installed")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	box := filepath.Join(t.TempDir(), "box")
	cmd := exec.Command(py, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:"+strconv.Itoa(port), "-c", "aiosmtpd.handlers.Mailbox", box)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for i := 0; ; i++ {
		if c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port)); err == nil {
			c.Close()
			break
		}
		if i > 100 {
			t.Fatal("aiosmtpd did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}
	s, err := Parse("smtp://127.0.0.1:" + strconv.Itoa(port) + "?from=noreply@fjordvik.no")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Blåbærsyltetøy på skiva, ", 100)
	body := "Hei Kari!\n" + long + "\nLenke: https://x/invitations/abc\n"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.Send(context.Background(), laeringsliv.Mail{To: "kari@fjordvik.kommune.no",
		Subject: "Invitasjon til Læringslivet", Body: body, MessageID: "invitation-42@laeringsliv"}))
	files, _ := filepath.Glob(filepath.Join(box, "new", "*"))
	if len(files) != 1 {
		t.Fatalf("%d messages stored; want 1", len(files))
	}
	raw, err := os.ReadFile(files[0])
	must(err)
	msg := string(raw)
	if !strings.Contains(msg, "Message-ID: <invitation-42@laeringsliv>") {
		t.Errorf("Message-ID missing:\n%s", msg[:min(len(msg), 800)])
	}
	for _, line := range strings.Split(msg, "\n") {
		if len(line) > 998 {
			t.Fatalf("a line of %d octets reached the server", len(line))
		}
	}
	_, enc, _ := strings.Cut(strings.ReplaceAll(msg, "\r\n", "\n"), "\n\n")
	dec, err := readAllQP(enc)
	must(err)
	if strings.ReplaceAll(dec, "\r\n", "\n") != body {
		t.Errorf("body changed in transit:\n%q", dec)
	}
}

func readAllQP(s string) (string, error) {
	b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(s)))
	return string(b), err
}
