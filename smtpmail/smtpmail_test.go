package smtpmail

import (
	"context"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/smtpmail/smtptest"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in, addr, from string
		ok             bool
	}{
		{"smtp://mail.example.org?from=noreply@example.org", "mail.example.org:587", "noreply@example.org", true},
		{"smtps://u:p@mail.example.org?from=Læringslivet <noreply@example.org>", "mail.example.org:465", "noreply@example.org", true},
		{"smtp://127.0.0.1:2525?from=a@b.no", "127.0.0.1:2525", "a@b.no", true},
		{"http://mail.example.org?from=a@b.no", "", "", false},
		{"smtp://?from=a@b.no", "", "", false},
		{"smtp://mail.example.org", "", "", false},
		{"smtp://u:secret@mail.example.org?from=bad", "", "", false},
		{"::::", "", "", false},
	} {
		s, err := Parse(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("Parse(%q) error %v; want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if err != nil {
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error leaks the password: %v", err)
			}
			continue
		}
		if s.addr != tc.addr || s.from != tc.from {
			t.Errorf("Parse(%q) = %s from %s", tc.in, s.addr, s.from)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("smtp://u:p@h:25?from=a@b.no")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Parse(in)
		if err == nil && (s.addr == "" || s.from == "") {
			t.Fatalf("Parse(%q) accepted without address or sender", in)
		}
	})
}

func TestSend(t *testing.T) {
	srv := smtptest.Start(t)
	s, err := Parse("smtp://" + srv.Addr + "?from=noreply@fjordvik.no")
	if err != nil {
		t.Fatal(err)
	}
	err = s.Send(context.Background(), laeringsliv.Mail{To: "kari@fjordvik.kommune.no",
		Subject: "Invitasjon til Læringslivet\r\nBcc: evil@example.org", Body: "Hei!\nLenke: https://x/invitations/abc\n"})
	if err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "kari@fjordvik.kommune.no" || msgs[0].From != "noreply@fjordvik.no" {
		t.Fatalf("messages %+v", msgs)
	}
	data := msgs[0].Data
	if strings.Contains(data, "\nBcc:") || !strings.Contains(strings.ToLower(data), "=?utf-8?q?") ||
		!strings.Contains(data, "Lenke: https://x/invitations/abc") || !strings.Contains(data, "Message-ID: <") ||
		!strings.Contains(data, "Content-Transfer-Encoding: quoted-printable") {
		t.Errorf("message:\n%s", data)
	}
	if err := s.Send(context.Background(), laeringsliv.Mail{To: "not an address"}); laeringsliv.ErrorCode(err) != laeringsliv.EINVALID {
		t.Errorf("bad recipient: %v", err)
	}
}
