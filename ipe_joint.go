package laeringsliv

import "context"

// A joint session: an IPE session of one workplace (its host) that also gathers people of other
// workplaces of the same institution, such as at a gathering of several workplaces, mixed in its
// groups. Everything else stays the host's: the session, its console, export and kept ideas
// belong to the host's pages; the guest workplaces see only that they are invited, with the
// question and the way in. The notes are what they are in any session: anonymous, seen by the
// session's participants. A members-only joint session gives each member of the host and of the
// guests one credential, exactly as for the host's members alone.

// IPEGuestService keeps the guest workplaces of joint sessions.
type IPEGuestService interface {
	// SetIPEGuests replaces the guest workplaces of a session; each must be another workplace
	// of the session's institution (else EINVALID).
	SetIPEGuests(ctx context.Context, sessionID int64, workplaceIDs []int64) error
	// FindIPEGuests returns the guest workplaces of a session, by id.
	FindIPEGuests(ctx context.Context, sessionID int64) ([]int64, error)
	// FindJointIPESessions returns the sessions workplace wp is a guest of, newest first.
	FindJointIPESessions(ctx context.Context, workplaceID int64) ([]*IPESession, error)
}
