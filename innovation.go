package laeringsliv

import (
	"context"
	"slices"
	"strings"
	"time"
)

// InnovationStatus is where an innovation stands in the pipeline from idea to practice.
type InnovationStatus string

const (
	InnovationIdea        InnovationStatus = "idea"
	InnovationPrioritised InnovationStatus = "prioritised"
	InnovationTrying      InnovationStatus = "trying" // being tried
	InnovationEvaluated   InnovationStatus = "evaluated"
	InnovationImplemented InnovationStatus = "implemented"
	InnovationDropped     InnovationStatus = "dropped"
)

// innovationStatuses lists the statuses in pipeline order, as pages show them.
var innovationStatuses = []InnovationStatus{
	InnovationIdea, InnovationPrioritised, InnovationTrying,
	InnovationEvaluated, InnovationImplemented, InnovationDropped,
}

// InnovationStatuses returns the statuses in pipeline order, as pages show them; callers
// get a copy.
func InnovationStatuses() []InnovationStatus { return slices.Clone(innovationStatuses) }

// Valid reports whether s is a known status.
func (s InnovationStatus) Valid() bool {
	for _, v := range innovationStatuses {
		if s == v {
			return true
		}
	}
	return false
}

// Counts reports whether an innovation in status s counts as one of the workplace's
// innovations in Table 2. The article counts innovations "developed, tried and implemented":
// an idea that was only captured or prioritised is not yet one, nor is one that was dropped.
func (s InnovationStatus) Counts() bool {
	return s == InnovationTrying || s == InnovationEvaluated || s == InnovationImplemented
}

// InnovationSize tells small innovations from large ones.
type InnovationSize string

const (
	InnovationSmall InnovationSize = "small"
	InnovationLarge InnovationSize = "large"
)

// Valid reports whether s is a known size.
func (s InnovationSize) Valid() bool { return s == InnovationSmall || s == InnovationLarge }

// SourceKind names what an innovation is linked to outside the registry.
type SourceKind string

const (
	// SourceIPENote is a prioritised note of an IPE session kept as an idea.
	SourceIPENote SourceKind = "ipe_note"
	// SourceEvaluation is an IPE evaluation session that assessed the innovation.
	SourceEvaluation SourceKind = "evaluation_session"
	// SourceIdea is an idea of the former idea list (an IPEIdea) the innovation came from;
	// evaluation sessions planned before the list moved into the registry still point to it.
	SourceIdea SourceKind = "idea"
	// SourceSession is the IPE session a note was kept from as this innovation.
	SourceSession SourceKind = "ipe_session"
)

// Valid reports whether k is a known kind.
func (k SourceKind) Valid() bool {
	return k == SourceIPENote || k == SourceEvaluation || k == SourceIdea || k == SourceSession
}

// IdeaID returns the idea the innovation came from, or 0.
func (i *Innovation) IdeaID() int64 {
	for _, l := range i.Links {
		if l.Kind == SourceIdea {
			return l.RefID
		}
	}
	return 0
}

// SourceLink points from an innovation to a note or session of the IPE tool. It is a plain
// reference (kind and id), not a foreign key, so that the registry does not depend on how the
// IPE tool stores its rows.
type SourceLink struct {
	Kind  SourceKind
	RefID int64
}

// Innovation is an idea a workplace develops, tries and implements under its shared project:
// "a new — or an old — idea in a new context, that is usable and adds value".
type Innovation struct {
	ID             int64
	InstitutionID  int64
	WorkplaceID    int64
	ProjectID      int64 // the shared project or one of its sub-projects
	Title          string
	Description    string
	Status         InnovationStatus
	Size           InnovationSize
	RevivesFailure bool   // revives an idea that failed before
	OwnerGroup     string // the group that owns it, such as a shift team or the working group
	Links          []SourceLink
	CreatedBy      int64
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Validate checks the fields a user can set.
func (i *Innovation) Validate() error {
	switch {
	case i.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case i.ProjectID == 0:
		return FieldError("project_id", "innovation.error.project_required")
	case strings.TrimSpace(i.Title) == "" || len(i.Title) > 200:
		return FieldError("title", "error.title_required")
	case len(i.Description) > 10000:
		return FieldError("description", "innovation.error.description_too_long")
	case !i.Status.Valid():
		return FieldError("status", "innovation.error.status_invalid")
	case !i.Size.Valid():
		return FieldError("size", "innovation.error.size_invalid")
	case len(i.OwnerGroup) > 100:
		return FieldError("owner_group", "innovation.error.owner_group_too_long")
	}
	for _, l := range i.Links {
		if !l.Kind.Valid() || l.RefID <= 0 {
			return FieldError("links", "innovation.error.link_invalid")
		}
	}
	return nil
}

// StatusChange is one step of an innovation's history: who moved it to which status, when.
type StatusChange struct {
	InnovationID int64
	Status       InnovationStatus
	ChangedBy    int64 // 0 when the person has since been removed
	ChangedAt    time.Time
}

// InnovationFilter selects innovations; zero fields do not filter.
type InnovationFilter struct {
	InstitutionID int64
	WorkplaceID   int64
	ProgrammeID   int64
	ProjectID     int64
}

// InnovationService stores the innovation registry.
type InnovationService interface {
	// CreateInnovation stores i, created by person by, and records its first status.
	CreateInnovation(ctx context.Context, i *Innovation, by int64) error
	FindInnovation(ctx context.Context, id int64) (*Innovation, error)
	// FindInnovations returns innovations in pipeline order of status, then by creation.
	FindInnovations(ctx context.Context, f InnovationFilter) ([]*Innovation, error)
	// UpdateInnovation saves the fields a user can set, recording a status change when the
	// status differs from the stored one, and replaces the links.
	UpdateInnovation(ctx context.Context, i *Innovation, by int64) error
	// InnovationHistory returns the status changes of an innovation, oldest first.
	InnovationHistory(ctx context.Context, id int64) ([]*StatusChange, error)
}
