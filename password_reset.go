package laeringsliv

import (
	"context"
	"time"
)

// PasswordResetLifetime is how long a reset link works. Short: the link travels by e-mail.
const PasswordResetLifetime = 30 * time.Minute

// PasswordReset lets a person who forgot the password choose a new one through a link sent to
// their e-mail address. Only the token's hash is stored, and the link works once.
type PasswordReset struct {
	ID            int64
	InstitutionID int64
	PersonID      int64
	TokenHash     string
	CreatedAt     time.Time
	ExpiresAt     time.Time
	UsedAt        time.Time // zero until used
}

// Usable reports whether the link can still be used at time now.
func (pr *PasswordReset) Usable(now time.Time) bool {
	return pr.UsedAt.IsZero() && now.Before(pr.ExpiresAt)
}

// PasswordResetService stores reset tokens.
type PasswordResetService interface {
	CreatePasswordReset(ctx context.Context, pr *PasswordReset) error
	// FindPasswordReset returns the reset with the token hash, or ENOTFOUND.
	FindPasswordReset(ctx context.Context, tokenHash string) (*PasswordReset, error)
	// UsePasswordReset, in one transaction, checks that the reset is usable at now, marks it
	// used, stores the new password hash and signs the person out everywhere. An unusable or
	// unknown token is ENOTFOUND. It returns the person's id.
	UsePasswordReset(ctx context.Context, tokenHash, passwordHash string, now time.Time) (int64, error)
}
