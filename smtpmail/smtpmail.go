// Package smtpmail sends mail through an SMTP server named by a URL:
// smtp://user:password@host:587?from=noreply@example.org (STARTTLS when the server offers it,
// which it must for a password to be sent) or smtps://… for TLS from the first byte.
package smtpmail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	"laeringsliv"

	gomail "github.com/wneessen/go-mail"
)

// Sender sends mail through one SMTP server.
type Sender struct {
	addr     string // host:port
	host     string
	implicit bool // TLS from the start (smtps)
	port     int
	user     string
	password string
	from     string
	// TLSConfig may be replaced by tests that use a server with a self-signed certificate.
	TLSConfig *tls.Config
}

// Parse reads an SMTP URL. Bad URLs are refused with a message that names the problem but
// never the password.
func Parse(raw string) (*Sender, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, errors.New("smtp url: cannot be parsed")
	}
	s := &Sender{host: u.Hostname()}
	port := u.Port()
	switch u.Scheme {
	case "smtp":
		if port == "" {
			port = "587"
		}
	case "smtps":
		s.implicit = true
		if port == "" {
			port = "465"
		}
	default:
		return nil, fmt.Errorf("smtp url: scheme must be smtp or smtps, not %q", u.Scheme)
	}
	if s.host == "" {
		return nil, errors.New("smtp url: host missing")
	}
	s.addr = net.JoinHostPort(s.host, port)
	if s.port, err = strconv.Atoi(port); err != nil || s.port <= 0 || s.port > 65535 {
		return nil, errors.New("smtp url: port must be a number")
	}
	from, err := mail.ParseAddress(u.Query().Get("from"))
	if err != nil {
		return nil, errors.New("smtp url: from=ADDRESS missing or invalid")
	}
	s.from = from.Address
	if u.User != nil {
		s.user = u.User.Username()
		s.password, _ = u.User.Password()
	}
	s.TLSConfig = &tls.Config{ServerName: s.host, MinVersion: tls.VersionTLS12}
	return s, nil
}

// Send delivers one message through go-mail: quoted-printable text (so 8-bit text and long
// lines pass any server, with or without 8BITMIME), a Date and a Message-ID (m.MessageID when
// set, so that a retried message keeps its id). It gives up after 30 seconds.
func (s *Sender) Send(ctx context.Context, m laeringsliv.Mail) error {
	if !laeringsliv.ValidEmail(m.To) {
		return laeringsliv.FieldError("email", "error.email_invalid")
	}
	msg := gomail.NewMsg(gomail.WithCharset(gomail.CharsetUTF8), gomail.WithEncoding(gomail.EncodingQP))
	if err := msg.From(s.from); err != nil {
		return fmt.Errorf("smtp from: %w", err)
	}
	if err := msg.To(m.To); err != nil {
		return laeringsliv.FieldError("email", "error.email_invalid")
	}
	msg.Subject(oneLine(m.Subject))
	msg.SetDate()
	if m.MessageID != "" {
		id := m.MessageID
		if !strings.Contains(id, "@") { // a local part only: the sender's domain completes it
			_, domain, _ := strings.Cut(s.from, "@")
			id += "@" + domain
		}
		msg.SetMessageIDWithValue(id)
	} else {
		msg.SetMessageID()
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Body)
	c, err := gomail.NewClient(s.host, s.options()...)
	if err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	return nil
}

// options are the client's: port, TLS from the start (smtps) or STARTTLS when offered, and
// PLAIN authentication when the URL has a user.
func (s *Sender) options() []gomail.Option {
	opts := []gomail.Option{gomail.WithPort(s.port), gomail.WithTimeout(30 * time.Second),
		gomail.WithTLSConfig(s.TLSConfig)}
	if s.implicit {
		opts = append(opts, gomail.WithSSL())
	} else {
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	}
	if s.user != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthPlain), gomail.WithUsername(s.user), gomail.WithPassword(s.password))
	}
	return opts
}

// oneLine keeps header injection out: a subject is one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
