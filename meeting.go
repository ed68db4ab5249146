package laeringsliv

import (
	"strings"
	"time"
)

// MeetingKind is what a meeting found on the rota is for.
type MeetingKind string

// The kinds of meeting the common-time finder plans.
const (
	MeetingGathering MeetingKind = "gathering"
	MeetingIPE       MeetingKind = "ipe"
	MeetingReading   MeetingKind = "reading"
	MeetingWorkGroup MeetingKind = "work_group"
)

// MeetingKinds lists the kinds in the order the finder offers them.
func MeetingKinds() []MeetingKind {
	return []MeetingKind{MeetingGathering, MeetingIPE, MeetingReading, MeetingWorkGroup}
}

// Valid reports whether k is a known kind.
func (k MeetingKind) Valid() bool {
	for _, v := range MeetingKinds() {
		if k == v {
			return true
		}
	}
	return false
}

// Meeting is one repetition of a meeting an organiser made from a proposal of the
// common-time finder, with the people invited to it. Sequence counts its changes, as
// calendar apps need to replace an earlier copy.
type Meeting struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	Kind          MeetingKind
	Title         string
	Place         string
	Start, End    time.Time
	Sequence      int
	Cancelled     bool
	CreatedBy     int64
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Invitees      []MeetingInvitee
}

// MeetingInvitee is someone invited to a meeting, and how much of their own time it needs.
type MeetingInvitee struct {
	PersonID   int64
	OwnMinutes int
}

// Validate checks the fields an organiser sets.
func (m *Meeting) Validate() error {
	switch {
	case m.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case !m.Kind.Valid():
		return FieldError("kind", "meeting.error.kind")
	case strings.TrimSpace(m.Title) == "" || len(m.Title) > 200:
		return FieldError("title", "error.title_required")
	case len(m.Place) > 200:
		return FieldError("place", "meeting.error.place_too_long")
	case m.Start.IsZero() || !m.End.After(m.Start):
		return FieldError("start", "meeting.error.time")
	case len(m.Invitees) == 0:
		return FieldError("invitees", "meeting.error.invitees")
	}
	return nil
}

// MeetingFilter selects meetings: of a workplace, or those a person is invited to, ending
// after From (when set); ID picks one.
type MeetingFilter struct {
	ID          int64
	WorkplaceID int64
	PersonID    int64
	From        time.Time
}
