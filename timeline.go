package laeringsliv

import (
	"context"
	"slices"
	"strings"
	"time"
)

// TimelineKind is the kind of an entry on a workplace's action-research timeline, the digital
// roll of grey paper.
type TimelineKind string

const (
	TimelinePlan       TimelineKind = "plan" // the four phases of an action-research cycle
	TimelineAct        TimelineKind = "act"
	TimelineObserve    TimelineKind = "observe"
	TimelineReflect    TimelineKind = "reflect"
	TimelineMeeting    TimelineKind = "meeting"
	TimelineAllHands   TimelineKind = "all_hands" // allmøte: participants, leaders and union reps
	TimelineGathering  TimelineKind = "gathering"
	TimelineDecision   TimelineKind = "decision"
	TimelineInnovation TimelineKind = "innovation" // an innovation changed status
	// TimelineReading is a reading workshop. Its entries are read from the workshops, never
	// typed, so it is not among TimelineKinds.
	TimelineReading TimelineKind = "reading_workshop"
)

// timelineKinds lists the kinds in the order forms show them.
var timelineKinds = []TimelineKind{
	TimelinePlan, TimelineAct, TimelineObserve, TimelineReflect, TimelineMeeting,
	TimelineAllHands, TimelineGathering, TimelineDecision, TimelineInnovation,
}

// TimelineKinds returns the kinds in the order forms show them, as a copy that callers may change freely.
func TimelineKinds() []TimelineKind { return slices.Clone(timelineKinds) }

// Valid reports whether k is a known kind.
func (k TimelineKind) Valid() bool {
	for _, v := range timelineKinds {
		if k == v {
			return true
		}
	}
	return false
}

// TimelineEntry is one event on a workplace's timeline. RefID points at what the entry is
// about when there is such a row: an innovation for TimelineInnovation, a gathering of the
// study programme for TimelineGathering (a plain id, not a foreign key).
type TimelineEntry struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	Kind          TimelineKind
	Cycle         int // the action-research cycle the entry belongs to; 0 for none
	OccurredAt    time.Time
	Title         string
	Body          string
	RefID         int64
	CreatedBy     int64
	CreatedAt     time.Time
}

// Validate checks the fields a user can set.
func (e *TimelineEntry) Validate() error {
	switch {
	case e.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case !e.Kind.Valid():
		return FieldError("kind", "timeline.error.kind_invalid")
	case e.Cycle < 0 || e.Cycle > 99:
		return FieldError("cycle", "timeline.error.cycle_invalid")
	case e.OccurredAt.IsZero():
		return FieldError("occurred_at", "timeline.error.date_required")
	case strings.TrimSpace(e.Title) == "" || len(e.Title) > 200:
		return FieldError("title", "error.title_required")
	case len(e.Body) > 10000:
		return FieldError("body", "timeline.error.body_too_long")
	}
	return nil
}

// FieldBookEntry is a researcher's note in the field book of a workplace. Only researchers
// read the field book (policy.go); it is never part of a workplace's own pages.
type FieldBookEntry struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	AuthorID      int64
	ObservedAt    time.Time
	Body          string
	CreatedAt     time.Time
}

// Validate checks the fields a user can set.
func (e *FieldBookEntry) Validate() error {
	switch {
	case e.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case e.ObservedAt.IsZero():
		return FieldError("observed_at", "timeline.error.date_required")
	case strings.TrimSpace(e.Body) == "" || len(e.Body) > 20000:
		return FieldError("body", "fieldbook.error.body_required")
	}
	return nil
}

// TimelineService stores timelines and field books.
type TimelineService interface {
	CreateTimelineEntry(ctx context.Context, e *TimelineEntry) error
	// FindTimeline returns a workplace's entries in chronological order, with its gatherings
	// and reading workshops read from their own tables (ID 0: not stored as entries). A
	// gathering that a stored entry already names by RefID is not shown twice.
	FindTimeline(ctx context.Context, workplaceID int64) ([]*TimelineEntry, error)
	CreateFieldBookEntry(ctx context.Context, e *FieldBookEntry) error
	// FindFieldBook returns a workplace's field book, newest first.
	FindFieldBook(ctx context.Context, workplaceID int64) ([]*FieldBookEntry, error)
}
