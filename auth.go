package laeringsliv

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"
)

// Idle timeouts of a login session: short on a shared computer in the staff room, long on a
// person's own device.
const (
	SharedDeviceIdleTimeout = 15 * time.Minute
	OwnDeviceIdleTimeout    = 12 * time.Hour
)

// LoginSession is a signed-in browser. The cookie holds a random token; only its hash is
// stored, so a copy of the database cannot be used to sign in.
type LoginSession struct {
	ID            int64
	InstitutionID int64
	PersonID      int64
	TokenHash     string
	SharedDevice  bool
	IdleTimeout   time.Duration
	CreatedAt     time.Time
	LastSeenAt    time.Time
}

// MaxSessionAge is the absolute lifetime of a login session, however active: after it the
// person signs in again, so that a stolen session cannot be kept alive for ever.
const MaxSessionAge = 30 * 24 * time.Hour

// Expired reports whether the session has been idle too long, or has lived past
// MaxSessionAge, at time now.
func (s *LoginSession) Expired(now time.Time) bool {
	return now.Sub(s.LastSeenAt) > s.IdleTimeout || now.Sub(s.CreatedAt) > MaxSessionAge
}

// Invitation lets a person join a workplace with a role through a link. Only the token's hash
// is stored; the link is shown once, to the person who created it.
type Invitation struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	Role          Role
	Email         string // optional: the address the link was meant for
	TokenHash     string
	CreatedBy     int64
	CreatedAt     time.Time
	ExpiresAt     time.Time
	AcceptedAt    time.Time // zero until accepted
	AcceptedBy    int64
	RevokedAt     time.Time // zero unless revoked
	// Mail, when set on creation, is the invitation mailed to Email: a mail job queued in the
	// same transaction, so that an invitation is never saved without its mail or the reverse.
	Mail      *Mail
	MailJobID int64 // the job that mails it, 0 if none
	// MailState says how far its mail has come: "" (none was sent), waiting, done or failed.
	MailState  JobState
	MailSentAt time.Time
}

// InvitationLifetime is how long an invitation link works.
const InvitationLifetime = 14 * 24 * time.Hour

// Usable reports whether the invitation can still be accepted at time now.
func (inv *Invitation) Usable(now time.Time) bool {
	return inv.AcceptedAt.IsZero() && inv.RevokedAt.IsZero() && now.Before(inv.ExpiresAt)
}

// Validate checks an invitation before it is stored.
func (inv *Invitation) Validate() error {
	switch {
	case inv.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case !inv.Role.Valid() || !RoleFitsScope(inv.Role, ScopeWorkplace):
		return FieldError("role", "error.role_invalid")
	case inv.Email != "" && !ValidEmail(inv.Email):
		return FieldError("email", "error.email_invalid")
	}
	return nil
}

// AuthService stores login sessions and invitations.
type AuthService interface {
	CreateLoginSession(ctx context.Context, s *LoginSession) error
	// FindLoginSession returns the session with the token hash, or ENOTFOUND.
	FindLoginSession(ctx context.Context, tokenHash string) (*LoginSession, error)
	TouchLoginSession(ctx context.Context, id int64, at time.Time) error
	DeleteLoginSession(ctx context.Context, tokenHash string) error
	// DeleteLoginSessions signs a person out everywhere, except the session keepID (0 for none).
	DeleteLoginSessions(ctx context.Context, personID, keepID int64) error
	// DeleteExpiredLoginSessions removes sessions idle past their timeout.
	DeleteExpiredLoginSessions(ctx context.Context, now time.Time) (int64, error)

	CreateInvitation(ctx context.Context, inv *Invitation) error
	FindInvitation(ctx context.Context, tokenHash string) (*Invitation, error)
	FindInvitations(ctx context.Context, workplaceID int64) ([]*Invitation, error)
	RevokeInvitation(ctx context.Context, id int64, at time.Time) error
	// AcceptInvitation, in one transaction, checks that the invitation is usable, creates the
	// person (or uses the existing one when p.ID is set), stores the password hash when given,
	// adds the membership and marks the invitation accepted.
	AcceptInvitation(ctx context.Context, tokenHash string, p *Person, passwordHash string, now time.Time) (*Membership, error)
}

// NewToken returns a random URL-safe token of 32 bytes of entropy.
func NewToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand documents a panic-free read)
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken returns the stored form of a token.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(token)))
	return hex.EncodeToString(sum[:])
}
