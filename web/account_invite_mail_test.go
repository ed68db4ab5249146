package web

import (
	"net/url"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/smtpmail"
	"laeringsliv/smtpmail/smtptest"
	"laeringsliv/sqlstore/sqltest"
)

func TestInvitationByMail(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	mailsrv := smtptest.Start(t)
	sender, err := smtpmail.Parse("smtp://" + mailsrv.Addr + "?from=noreply@fjordvik.no")
	must(t, err)
	f.server.svc.Mailer = sender
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	_, body := f.do(t, teacher, "POST", "/workplaces/"+itoa(f.own.ID)+"/invitations",
		url.Values{"role": {"participant"}, "email": {"kari@fjordvik.kommune.no"}})
	if !strings.Contains(body, "sendt på e-post") {
		t.Error("no notice that the link was mailed")
	}
	msgs := mailsrv.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "kari@fjordvik.kommune.no" {
		t.Fatalf("messages %+v", msgs)
	}
	if !strings.Contains(msgs[0].Data, "/invitations/") || !strings.Contains(msgs[0].Data, f.own.Name) {
		t.Errorf("mail lacks the link or the workplace:\n%s", msgs[0].Data)
	}

	// With the mail server gone, the link is still shown, with a warning, and nothing fails.
	down, err := smtpmail.Parse("smtp://127.0.0.1:1?from=noreply@fjordvik.no")
	must(t, err)
	f.server.svc.Mailer = down
	resp, body := f.do(t, teacher, "POST", "/workplaces/"+itoa(f.own.ID)+"/invitations",
		url.Values{"role": {"participant"}, "email": {"ola@fjordvik.kommune.no"}})
	if resp.StatusCode != 200 || !strings.Contains(body, "kunne ikke sendes") || !strings.Contains(body, "/invitations/") {
		t.Errorf("status %d; want the link and a warning", resp.StatusCode)
	}
}
