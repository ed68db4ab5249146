package laeringsliv

import "context"

// IPEJoinMode says who may join a session.
type IPEJoinMode string

const (
	// IPEJoinOpen: anyone with the code, with or without an account (summer temps, night
	// staff). k counts devices; joins are throttled, and the console shows devices beside
	// people.
	IPEJoinOpen IPEJoinMode = "open"
	// IPEJoinMembers: each member of the workplace gets exactly one anonymous credential per
	// session, by a blind signature, and joins with it; k counts people.
	IPEJoinMembers IPEJoinMode = "members"
)

// Valid reports whether m is a known mode.
func (m IPEJoinMode) Valid() bool { return m == IPEJoinOpen || m == IPEJoinMembers }

// IPECredentials issues and redeems the credentials of members-only sessions. Issuing knows
// the member and sees only a blinded message; redeeming sees the message and its signature
// and not the member. The two share nothing the store could match: see docs/anonymity.md.
type IPECredentials interface {
	// FindIPECredentialKey returns the session's public key for the browser (ENOTFOUND for an
	// open session).
	FindIPECredentialKey(ctx context.Context, sessionID int64) (IPEPublicKey, error)
	// IssueIPECredential signs a member's blinded message: once per member and session, or
	// again after a facilitator's AllowIPEReissue (ECONFLICT ipe.error.already_joined).
	IssueIPECredential(ctx context.Context, sessionID, personID int64, blinded []byte) ([]byte, error)
	// RedeemIPECredential checks a credential, marks it used (ECONFLICT
	// ipe.error.credential_used) and joins an anonymous participant, as JoinIPE does.
	RedeemIPECredential(ctx context.Context, sessionID int64, message, signature []byte, groupID int64) (*IPEParticipant, string, error)
	// AllowIPEReissue lets a member who lost their phone get one more credential.
	AllowIPEReissue(ctx context.Context, sessionID, personID int64) error
	// FindIPEIssuance returns, per member who got a credential, how many they were allowed.
	FindIPEIssuance(ctx context.Context, sessionID int64) ([]IPEIssuance, error)
}

// IPEPublicKey is a session's RSA public key as a JWK's n and e (base64url).
type IPEPublicKey struct {
	N string `json:"n"`
	E string `json:"e"`
}

// IPEIssuance is what the store keeps of one member's credentials in a session: that they got
// one, and how many a facilitator allowed (1 + re-issues). It records no time.
type IPEIssuance struct {
	PersonID int64
	Issued   int
	Allowed  int
}
