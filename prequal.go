package laeringsliv

import (
	"context"
	"slices"
	"time"
)

// PrequalCriterion is one thing a candidate workplace is assessed on before it is admitted.
type PrequalCriterion string

const (
	PrequalManagement PrequalCriterion = "management" // support from top management
	PrequalUnions     PrequalCriterion = "unions"     // support from the unions
	PrequalEmployees  PrequalCriterion = "employees"  // support from the employees
	PrequalProject    PrequalCriterion = "project"    // a defined innovation project
	PrequalPotential  PrequalCriterion = "potential"  // the researchers' judgement of its potential
)

// prequalCriteria lists the criteria in the order pages show them.
var prequalCriteria = []PrequalCriterion{
	PrequalManagement, PrequalUnions, PrequalEmployees, PrequalProject, PrequalPotential,
}

// PrequalCriteria returns the criteria in the order pages show them, as a copy that callers may change freely.
func PrequalCriteria() []PrequalCriterion { return slices.Clone(prequalCriteria) }

// Valid reports whether c is a known criterion.
func (c PrequalCriterion) Valid() bool {
	for _, v := range prequalCriteria {
		if c == v {
			return true
		}
	}
	return false
}

// PrequalSignOff records that a criterion was assessed: met or not, by whom and when. Sign-offs
// are kept, never overwritten; the latest per criterion is the current one.
type PrequalSignOff struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	Criterion     PrequalCriterion
	Met           bool
	Note          string
	SignedBy      int64
	SignedAt      time.Time
}

// Validate checks the fields a user can set.
func (s *PrequalSignOff) Validate() error {
	switch {
	case s.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case !s.Criterion.Valid():
		return FieldError("criterion", "prequal.error.criterion_invalid")
	case s.SignedBy == 0:
		return FieldError("signed_by", "error.person_required")
	case len(s.Note) > 2000:
		return FieldError("note", "prequal.error.note_too_long")
	}
	return nil
}

// Prequalified reports whether the latest sign-offs meet every criterion.
func Prequalified(latest map[PrequalCriterion]*PrequalSignOff) bool {
	for _, c := range prequalCriteria {
		if s := latest[c]; s == nil || !s.Met {
			return false
		}
	}
	return true
}

// PrequalService stores prequalification sign-offs.
type PrequalService interface {
	CreatePrequalSignOff(ctx context.Context, s *PrequalSignOff) error
	// FindPrequalSignOffs returns every sign-off of a workplace, oldest first.
	FindPrequalSignOffs(ctx context.Context, workplaceID int64) ([]*PrequalSignOff, error)
}
