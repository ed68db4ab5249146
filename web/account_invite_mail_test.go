package web

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/smtpmail"
	"laeringsliv/smtpmail/smtptest"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// An invitation's mail goes out through the job queue: saved with the invitation, sent by a
// worker through a real SMTP conversation with a Message-ID of its own, and shown as sent on
// the workplace page.
func TestInvitationByMail(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) { testInvitationByMail(t, newFixture(t, db)) })
}

func testInvitationByMail(t *testing.T, f *fixture) {
	mailsrv := smtptest.Start(t)
	sender, err := smtpmail.Parse("smtp://" + mailsrv.Addr + "?from=noreply@fjordvik.no")
	must(t, err)
	f.server.svc.Mailer = sender
	f.runJobs(t)
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	wp := "/workplaces/" + itoa(f.own.ID)
	_, body := f.do(t, teacher, "POST", wp+"/invitations",
		url.Values{"role": {"participant"}, "email": {"kari@fjordvik.kommune.no"}})
	if !strings.Contains(body, "sendes på e-post") || !strings.Contains(body, "/invitations/") {
		t.Error("no notice that the link will be mailed, or no link")
	}
	msgs := waitForMail(t, mailsrv, 1)
	if len(msgs) != 1 || msgs[0].To[0] != "kari@fjordvik.kommune.no" {
		t.Fatalf("messages %+v", msgs)
	}
	if !strings.Contains(msgs[0].Data, "/invitations/") || !strings.Contains(msgs[0].Data, f.own.Name) ||
		!strings.Contains(msgs[0].Data, "Message-ID: <job-") {
		t.Errorf("mail lacks the link, the workplace or its Message-ID:\n%s", msgs[0].Data)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, page := f.do(t, teacher, "GET", wp, nil); strings.Contains(page, "e-post sendt") {
			break
		} else if time.Now().After(deadline) {
			t.Fatal("the workplace page does not show the invitation's mail as sent")
		}
	}

	// Without a queue the mail goes out in the request; with the mail server gone the link is
	// still shown, with a warning, and nothing fails.
	f.server.svc.Jobs = nil
	down, err := smtpmail.Parse("smtp://127.0.0.1:1?from=noreply@fjordvik.no")
	must(t, err)
	f.server.svc.Mailer = down
	resp, body := f.do(t, teacher, "POST", wp+"/invitations",
		url.Values{"role": {"participant"}, "email": {"ola@fjordvik.kommune.no"}})
	if resp.StatusCode != 200 || !strings.Contains(body, "kunne ikke sendes") || !strings.Contains(body, "/invitations/") {
		t.Errorf("status %d; want the link and a warning", resp.StatusCode)
	}
}
