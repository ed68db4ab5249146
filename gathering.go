package laeringsliv

import (
	"slices"
	"strings"
	"time"
)

// GatheringKind is the kind of a gathering (samling) in the study programme.
type GatheringKind string

const (
	GatheringStartUp        GatheringKind = "start_up"
	GatheringImplementation GatheringKind = "implementation"
	GatheringEvaluation     GatheringKind = "evaluation"
	GatheringMaster         GatheringKind = "master"
)

// gatheringKinds lists the kinds in programme order.
var gatheringKinds = []GatheringKind{GatheringStartUp, GatheringImplementation, GatheringEvaluation, GatheringMaster}

// GatheringKinds returns the kinds in programme order, as a copy that callers may change freely.
func GatheringKinds() []GatheringKind { return slices.Clone(gatheringKinds) }

// Valid reports whether k is a known kind.
func (k GatheringKind) Valid() bool {
	for _, v := range gatheringKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Gathering is a gathering (samling) at one workplace: one or more days at a place, with an
// agenda. Between gatherings lie the interim periods in which the innovation work goes on.
type Gathering struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	Kind          GatheringKind
	Title         string
	Place         string
	Days          []GatheringDay
	Agenda        []AgendaItem
	CreatedAt     time.Time
}

// GatheringDay is one day of a gathering, from Start to End (UTC).
type GatheringDay struct {
	Start, End time.Time
}

// AgendaItem is one point on a gathering's agenda. IPESessionID optionally links the item to
// an IPE session; ReadingWorkshopID is kept for the reading workshops to come. Zero means none.
type AgendaItem struct {
	Start             time.Time
	End               time.Time
	Title             string
	IPESessionID      int64
	ReadingWorkshopID int64
}

// MaxGatheringDays bounds the days of one gathering; the article's gatherings had one to three.
const MaxGatheringDays = 10

// Validate checks the fields a user can set.
func (g *Gathering) Validate() error {
	switch {
	case g.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case !g.Kind.Valid():
		return FieldError("kind", "gathering.error.kind_invalid")
	case strings.TrimSpace(g.Title) == "" || len(g.Title) > 200:
		return FieldError("title", "error.title_required")
	case len(g.Place) > 200:
		return FieldError("place", "gathering.error.place_too_long")
	case len(g.Days) == 0 || len(g.Days) > MaxGatheringDays:
		return FieldError("days", "gathering.error.days_required")
	}
	for _, d := range g.Days {
		if d.Start.IsZero() || !d.End.After(d.Start) {
			return FieldError("days", "gathering.error.day_invalid")
		}
	}
	for _, a := range g.Agenda {
		if strings.TrimSpace(a.Title) == "" || len(a.Title) > 300 {
			return FieldError("agenda", "gathering.error.agenda_title_required")
		}
		if !a.End.IsZero() && a.End.Before(a.Start) {
			return FieldError("agenda", "gathering.error.agenda_time_invalid")
		}
	}
	return nil
}

// Start returns when the gathering begins: the start of its first day.
func (g *Gathering) Start() time.Time {
	var t time.Time
	for _, d := range g.Days {
		if t.IsZero() || d.Start.Before(t) {
			t = d.Start
		}
	}
	return t
}
