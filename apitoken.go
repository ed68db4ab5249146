package laeringsliv

import (
	"context"
	"strings"
	"time"
)

// APITokenPrefix starts every personal API token, so that a bearer token can be told from an
// IPE participant token without a database look-up.
const APITokenPrefix = "lla_"

// APIToken lets a program act as a person over the API (a kiosk app, the load tool's
// facilitator). Only the token's hash is stored; the token is printed once.
type APIToken struct {
	ID            int64
	InstitutionID int64
	PersonID      int64
	TokenHash     string
	CreatedAt     time.Time
}

// NewAPIToken returns a fresh personal API token.
func NewAPIToken() string { return APITokenPrefix + NewToken() }

// IsAPIToken reports whether a bearer token has the form of a personal API token.
func IsAPIToken(token string) bool { return strings.HasPrefix(token, APITokenPrefix) }

// APITokenService stores personal API tokens.
type APITokenService interface {
	CreateAPIToken(ctx context.Context, t *APIToken) error
	// FindAPIToken returns the token with the hash, or ENOTFOUND.
	FindAPIToken(ctx context.Context, tokenHash string) (*APIToken, error)
}
