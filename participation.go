package laeringsliv

import (
	"context"
	"slices"
	"strings"
	"time"
)

// ParticipationKind is how a workplace takes part, a trade-off between operations, the number
// of participants and the number of projects, chosen during tailoring.
type ParticipationKind string

const (
	// ParticipationOneClass: everyone in one class.
	ParticipationOneClass ParticipationKind = "one_class"
	// ParticipationWorkingGroup: two student groups with one shared project, coordinated
	// through a working group.
	ParticipationWorkingGroup ParticipationKind = "working_group"
	// ParticipationShiftTeams: the project split into parts by shift team, so that those who
	// work weekends together study and innovate together.
	ParticipationShiftTeams ParticipationKind = "shift_teams"
	// ParticipationKeyStaff: key staff with large position percentages take part.
	ParticipationKeyStaff ParticipationKind = "key_staff"
)

// participationKinds lists the kinds in the order forms show them.
var participationKinds = []ParticipationKind{
	ParticipationOneClass, ParticipationWorkingGroup, ParticipationShiftTeams, ParticipationKeyStaff,
}

// ParticipationKinds returns the kinds in the order forms show them, as a copy that callers may change freely.
func ParticipationKinds() []ParticipationKind { return slices.Clone(participationKinds) }

// Valid reports whether k is a known kind.
func (k ParticipationKind) Valid() bool {
	for _, v := range participationKinds {
		if k == v {
			return true
		}
	}
	return false
}

// ParticipationModel is a workplace's chosen participation model and why it chose it. Saving
// a new one replaces the old; the timeline keeps the decision.
type ParticipationModel struct {
	InstitutionID int64
	WorkplaceID   int64
	Kind          ParticipationKind
	Reasons       string
	DecidedBy     int64
	DecidedAt     time.Time
}

// Validate checks the fields a user can set.
func (m *ParticipationModel) Validate() error {
	switch {
	case m.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case !m.Kind.Valid():
		return FieldError("kind", "innovation.error.participation_invalid")
	case strings.TrimSpace(m.Reasons) == "" || len(m.Reasons) > 5000:
		return FieldError("reasons", "innovation.error.reasons_required")
	}
	return nil
}

// ParticipationService stores participation models.
type ParticipationService interface {
	SaveParticipationModel(ctx context.Context, m *ParticipationModel) error
	// FindParticipationModel returns ENOTFOUND while the workplace has not chosen.
	FindParticipationModel(ctx context.Context, workplaceID int64) (*ParticipationModel, error)
}
