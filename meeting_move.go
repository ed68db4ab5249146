package laeringsliv

import (
	"strings"
	"time"
)

// MaxMeetingLength bounds a meeting: a meeting is held within a day.
const MaxMeetingLength = 24 * time.Hour

// MeetingMove is an organiser's change to a meeting: its new time, title and place, and the
// own time each invitee needs at the new time (by person; those not named keep theirs).
// The meeting keeps its identity, so that calendar apps replace their copy.
type MeetingMove struct {
	WorkplaceID, ID int64
	Title, Place    string
	Start, End      time.Time
	OwnMinutes      map[int64]int
}

// Validate checks the fields the organiser sets; now is the time the move is made, since a
// meeting cannot be moved into the past.
func (m *MeetingMove) Validate(now time.Time) error {
	switch {
	case m.WorkplaceID == 0 || m.ID == 0:
		return Errorf(ENOTFOUND, "error.not_found")
	case strings.TrimSpace(m.Title) == "" || len(m.Title) > 200:
		return FieldError("title", "error.title_required")
	case len(m.Place) > 200:
		return FieldError("place", "meeting.error.place_too_long")
	case m.Start.IsZero() || !m.End.After(m.Start):
		return FieldError("minutes", "meeting.error.time")
	case m.End.Sub(m.Start) > MaxMeetingLength:
		return FieldError("minutes", "meetings.error.too_long")
	case m.Start.Before(now):
		return FieldError("date", "meetings.error.past")
	}
	return nil
}
