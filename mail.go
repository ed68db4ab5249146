package laeringsliv

import "context"

// Mailer sends plain-text e-mail. The platform works without one: invitation links are shown
// for copying, and sent by mail only when a mail server is configured.
type Mailer interface {
	Send(ctx context.Context, m Mail) error
}

// Mail is one message to one recipient.
type Mail struct {
	To      string
	Subject string
	Body    string
	// MessageID, when set, is the message's Message-ID (without angle brackets): a sender
	// that retries a message gives it the same id, so receivers can see a duplicate.
	MessageID string
}
