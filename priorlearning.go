package laeringsliv

import (
	"strings"
	"time"
)

// DocumentKind is the kind of a document attached to a prior-learning application.
type DocumentKind string

const (
	DocTradeCertificate DocumentKind = "trade_certificate" // fagbrev
	DocEmployment       DocumentKind = "employment"        // attestation of employment
	DocOther            DocumentKind = "other"
)

// Valid reports whether k is a known kind.
func (k DocumentKind) Valid() bool {
	return k == DocTradeCertificate || k == DocEmployment || k == DocOther
}

// PriorLearningApplication asks for admission to the exam at Level on prior learning
// (realkompetanse). The participant, or a teacher for them, applies; an admissions officer
// decides. Every decision is kept.
type PriorLearningApplication struct {
	ID            int64
	InstitutionID int64
	ProgrammeID   int64
	WorkplaceID   int64
	PersonID      int64
	Level         Level
	CreatedBy     int64
	CreatedAt     time.Time
	Documents     []PriorLearningDocument
	Decisions     []PriorLearningDecision // oldest first
}

// Validate checks the fields an applicant can set.
func (a *PriorLearningApplication) Validate() error {
	switch {
	case a.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case a.PersonID == 0:
		return FieldError("person_id", "error.person_required")
	case !a.Level.Valid():
		return FieldError("level", "error.level_invalid")
	}
	return nil
}

// Latest returns the latest decision, or nil while none is made.
func (a *PriorLearningApplication) Latest() *PriorLearningDecision {
	if len(a.Decisions) == 0 {
		return nil
	}
	return &a.Decisions[len(a.Decisions)-1]
}

// Approved reports whether the latest decision approves the application.
func (a *PriorLearningApplication) Approved() bool {
	d := a.Latest()
	return d != nil && d.Outcome == DecisionApproved
}

// PriorLearningDocument is a trade certificate, an employment attestation or another
// document. From, To, PositionPct and Tasks describe an employment; To zero means ongoing.
type PriorLearningDocument struct {
	ID            int64
	ApplicationID int64
	Kind          DocumentKind
	Title         string
	Issuer        string
	From          time.Time
	To            time.Time
	PositionPct   float64
	Tasks         string
	Relevant      bool // the work is relevant to the programme
	CreatedAt     time.Time
}

// Validate checks the fields an applicant can set.
func (d *PriorLearningDocument) Validate() error {
	switch {
	case !d.Kind.Valid():
		return FieldError("kind", "priorlearning.error.kind_invalid")
	case strings.TrimSpace(d.Title) == "" || len(d.Title) > 200:
		return FieldError("title", "error.title_required")
	case len(d.Issuer) > 200 || len(d.Tasks) > 5000:
		return FieldError("tasks", "priorlearning.error.too_long")
	}
	if d.Kind != DocEmployment {
		return nil
	}
	switch {
	case d.From.IsZero():
		return FieldError("from", "priorlearning.error.from_required")
	case !d.To.IsZero() && d.To.Before(d.From):
		return FieldError("to", "priorlearning.error.to_before_from")
	case d.PositionPct <= 0 || d.PositionPct > 100:
		return FieldError("position_pct", "error.position_pct_invalid")
	}
	return nil
}

// DecisionOutcome is an admissions officer's decision on a prior-learning application.
type DecisionOutcome string

const (
	DecisionApproved     DecisionOutcome = "approved"
	DecisionRejected     DecisionOutcome = "rejected"
	DecisionMoreDocument DecisionOutcome = "more_documentation"
)

// Valid reports whether o is a known outcome.
func (o DecisionOutcome) Valid() bool {
	return o == DecisionApproved || o == DecisionRejected || o == DecisionMoreDocument
}

// PriorLearningDecision records who decided what, when, on which documents, and what the
// programme's rules suggested at the time: the discretion is made visible.
type PriorLearningDecision struct {
	ID            int64
	ApplicationID int64
	Outcome       DecisionOutcome
	Rationale     string
	DecidedBy     int64
	DecidedAt     time.Time
	DocumentIDs   []int64
	Suggestion    Suggestion
}

// Validate checks the fields an admissions officer can set.
func (d *PriorLearningDecision) Validate() error {
	switch {
	case !d.Outcome.Valid():
		return FieldError("outcome", "priorlearning.error.outcome_invalid")
	case strings.TrimSpace(d.Rationale) == "" || len(d.Rationale) > 20000:
		return FieldError("rationale", "priorlearning.error.rationale_required")
	}
	return nil
}
