package main

import (
	"io"
	"mime/quotedprintable"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/smtpmail/smtptest"
)

// Forgot password, in Chromium: the link on the login page, the request, the mail through a
// real SMTP conversation, the new password, and signing in with it. Each page passes axe.
func TestBrowserPasswordReset(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	mail := smtptest.Start(t)
	m := startAppWith(t, func(c *Config) { c.SMTPURL = "smtp://" + mail.Addr + "?from=noreply@fjordvik.no" })
	worker := loginFor(t, m, laeringsliv.RoleParticipant)

	ctx := b.NewTab(t, norwegian(browsertest.Desktop))
	browsertest.Navigate(t, ctx, m.URL()+"/login")
	clickAndWait(t, ctx, `a[href="/password/forgot"]`)
	browsertest.AssertAxe(t, ctx, "forgot password")
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-email"), worker.Email))
	clickAndWait(t, ctx, `main form button[type=submit]`)
	if text := mainText(t, ctx); !strings.Contains(text, "Hvis adressen hører til en konto") {
		t.Fatalf("after asking for a link:\n%s", text)
	}
	browsertest.AssertAxe(t, ctx, "reset link sent")

	var link string
	for deadline := time.Now().Add(10 * time.Second); link == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		for _, msg := range mail.Messages() {
			if msg.To[0] == worker.Email {
				link = regexp.MustCompile(`http://[^\s]+/password/reset/[A-Za-z0-9_-]+`).FindString(decodeQP(msg.Data))
			}
		}
	}
	if link == "" {
		t.Fatalf("no reset mail to %s: %+v", worker.Email, mail.Messages())
	}
	browsertest.Navigate(t, ctx, link)
	browsertest.AssertAxe(t, ctx, "choose a new password")
	const pw = "sju blå hester på stranda"
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#f-new"), pw), chromedp.SendKeys(chromedp.CSS("#f-confirm"), pw))
	clickAndWait(t, ctx, `main form button[type=submit]`)
	if got := path(t, ctx); got != "/login" {
		t.Fatalf("after the new password: %s\n%s", got, mainText(t, ctx))
	}
	worker.Password = pw
	signIn(t, ctx, m.URL(), worker, "/")
}

// decodeQP decodes a quoted-printable mail, as the mail library sends text.
func decodeQP(s string) string {
	b, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(s)))
	return string(b)
}
