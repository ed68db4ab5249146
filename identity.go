package laeringsliv

import (
	"context"
	"time"
)

// Identity links a person to an account at an OpenID Provider: the provider's issuer URL and
// the value of the claim that identifies the person there (the subject, an e-mail address or
// Feide's eduPersonPrincipalName, as the provider is configured).
type Identity struct {
	ID            int64
	InstitutionID int64
	PersonID      int64
	Issuer        string
	Subject       string
	CreatedAt     time.Time
}

// IdentityService stores identities.
type IdentityService interface {
	// FindIdentity returns the identity of issuer and subject in the institution, or ENOTFOUND.
	FindIdentity(ctx context.Context, institutionID int64, issuer, subject string) (*Identity, error)
	// CreateIdentity links an identity to its person; an identity linked already is ECONFLICT.
	CreateIdentity(ctx context.Context, id *Identity) error
}
