package web

import (
	"context"
	"io"
	"mime/quotedprintable"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/password"
	"laeringsliv/smtpmail"
	"laeringsliv/smtpmail/smtptest"
	"laeringsliv/sqlstore/sqltest"
)

var resetLink = regexp.MustCompile(`/password/reset/[A-Za-z0-9_-]+`)

// waitForMail waits until the test server has received n messages.
func waitForMail(t *testing.T, srv *smtptest.Server, n int) []smtptest.Message {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if msgs := srv.Messages(); len(msgs) >= n {
			return msgs
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages after 10 s; want %d", len(srv.Messages()), n)
		}
	}
}

// The whole reset flow through a real SMTP conversation: the same answer for a known and an
// unknown address, one mail for the known one, a link that works once, signs the person out
// everywhere and refuses a common password.
func TestPasswordResetByMail(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	mailsrv := smtptest.Start(t)
	sender, err := smtpmail.Parse("smtp://" + mailsrv.Addr + "?from=noreply@fjordvik.no")
	must(t, err)
	f.server.svc.Mailer = sender
	f.server.svc.Resets = f.db
	f.runJobs(t)
	person := f.people[laeringsliv.RoleParticipant]
	other := f.signIn(t, laeringsliv.RoleParticipant) // a session elsewhere, to be ended

	if _, body := f.do(t, f.client(t), "GET", "/login", nil); !strings.Contains(body, `href="/password/forgot"`) {
		t.Error("the login page does not offer a reset")
	}
	_, known := f.do(t, f.client(t), "POST", "/password/forgot", url.Values{"email": {strings.ToUpper(person.Email)}})
	_, unknown := f.do(t, f.client(t), "POST", "/password/forgot", url.Values{"email": {"ingen@fjordvik.no"}})
	if known != unknown || !strings.Contains(known, "Hvis adressen hører til en konto") {
		t.Errorf("the answers differ or say nothing:\n%s\n---\n%s", known, unknown)
	}
	msgs := waitForMail(t, mailsrv, 1)
	time.Sleep(300 * time.Millisecond) // room for a wrong second mail to arrive
	if msgs = mailsrv.Messages(); len(msgs) != 1 || msgs[0].To[0] != person.Email {
		t.Fatalf("messages %+v; want one to %s", msgs, person.Email)
	}
	decoded, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(msgs[0].Data))) // the body is quoted-printable
	body := string(decoded)
	link := resetLink.FindString(body)
	if link == "" {
		t.Fatalf("no link in the mail:\n%s", msgs[0].Data)
	}
	// Asking again at once sends nothing more (no inbox flooding).
	f.do(t, f.client(t), "POST", "/password/forgot", url.Values{"email": {person.Email}})

	c := f.client(t)
	if resp, _ := f.do(t, c, "GET", link, nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("GET link: %d", resp.StatusCode)
	}
	resp, body2 := f.do(t, c, "POST", link, url.Values{"new": {"passordpassord"}, "confirm": {"passordpassord"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body2, "for vanlig") {
		t.Errorf("a common password: status %d", resp.StatusCode)
	}
	const newPW = "tre glade ekorn i bjørka"
	resp, _ = f.do(t, c, "POST", link, url.Values{"new": {newPW}, "confirm": {newPW}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
		t.Fatalf("reset: status %d → %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	hash, err := f.db.PasswordHash(context.Background(), person.ID)
	must(t, err)
	if ok, _ := password.Check(newPW, hash); !ok {
		t.Error("the new password was not stored")
	}
	if resp, _ := f.do(t, other, "GET", "/", nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the other session still works: %d", resp.StatusCode)
	}
	resp, body3 := f.do(t, c, "POST", link, url.Values{"new": {"enda et nytt passord her"}, "confirm": {"enda et nytt passord her"}})
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body3, "Lenken virker ikke lenger") {
		t.Errorf("second use: status %d", resp.StatusCode)
	}
	if n := len(mailsrv.Messages()); n != 1 {
		t.Errorf("%d mails; want 1", n)
	}
	// Expired links do not work.
	token := laeringsliv.NewToken()
	must(t, f.db.CreatePasswordReset(context.Background(), &laeringsliv.PasswordReset{PersonID: person.ID,
		TokenHash: laeringsliv.HashToken(token), CreatedAt: time.Now().Add(-time.Hour)}))
	if resp, _ := f.do(t, c, "GET", "/password/reset/"+token, nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("expired link: %d", resp.StatusCode)
	}
}
