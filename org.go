package laeringsliv

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Level is the study level of a programme or an exam.
type Level string

const (
	LevelBachelor Level = "bachelor"
	LevelMaster   Level = "master"
)

// Valid reports whether l is a known level.
func (l Level) Valid() bool { return l == LevelBachelor || l == LevelMaster }

// Institution is the university (or college) that runs programmes. A deployment serves one
// institution today; every table carries the institution's key so that a national deployment
// can distribute data by tenant later.
type Institution struct {
	ID        int64
	Name      string
	CreatedAt time.Time
}

// Validate checks the fields a user can set.
func (i *Institution) Validate() error {
	if strings.TrimSpace(i.Name) == "" {
		return FieldError("name", "error.name_required")
	}
	return nil
}

// Programme is a course of study, for example the 15 ECTS course in employee-driven innovation.
type Programme struct {
	ID            int64
	InstitutionID int64
	Name          string
	StartYear     int
	EndYear       int
	Level         Level
	ECTS          int
	CreatedAt     time.Time
}

// Validate checks the fields a user can set.
func (p *Programme) Validate() error {
	switch {
	case strings.TrimSpace(p.Name) == "":
		return FieldError("name", "error.name_required")
	case p.StartYear < 2000 || p.StartYear > 2100:
		return FieldError("start_year", "error.year_invalid")
	case p.EndYear < p.StartYear || p.EndYear > 2100:
		return FieldError("end_year", "error.end_year_invalid")
	case !p.Level.Valid():
		return FieldError("level", "error.level_invalid")
	case p.ECTS <= 0 || p.ECTS > 300:
		return FieldError("ects", "error.ects_invalid")
	}
	return nil
}

// ServiceKind is the kind of municipal health-and-care service a workplace provides.
type ServiceKind string

const (
	ServiceSharedHomeYoungAdults  ServiceKind = "shared_home_young_adults"
	ServiceSharedHomeSeriouslyIll ServiceKind = "shared_home_seriously_ill"
	ServiceHomeCare               ServiceKind = "home_care"
	ServiceCareActivityCentre     ServiceKind = "care_activity_centre"
	ServiceNursingHome            ServiceKind = "nursing_home"
	ServiceOther                  ServiceKind = "other"
)

// serviceKinds lists the kinds in the order forms show them.
var serviceKinds = []ServiceKind{
	ServiceSharedHomeYoungAdults, ServiceSharedHomeSeriouslyIll, ServiceHomeCare,
	ServiceCareActivityCentre, ServiceNursingHome, ServiceOther,
}

// ServiceKinds returns the kinds in the order forms show them, as a copy that callers may change freely.
func ServiceKinds() []ServiceKind { return slices.Clone(serviceKinds) }

// Valid reports whether k is a known kind.
func (k ServiceKind) Valid() bool {
	for _, v := range serviceKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Workplace (arbeidsplass) is a municipal health-and-care unit taking part in a programme.
// It is the main boundary of data: one workplace never sees another's data.
type Workplace struct {
	ID            int64
	InstitutionID int64
	ProgrammeID   int64
	Name          string
	Municipality  string
	ServiceKind   ServiceKind
	FTEs          float64 // årsverk
	CreatedAt     time.Time
}

// Validate checks the fields a user can set.
func (w *Workplace) Validate() error {
	switch {
	case w.ProgrammeID == 0:
		return FieldError("programme_id", "error.programme_required")
	case strings.TrimSpace(w.Name) == "":
		return FieldError("name", "error.name_required")
	case strings.TrimSpace(w.Municipality) == "":
		return FieldError("municipality", "error.municipality_required")
	case !w.ServiceKind.Valid():
		return FieldError("service_kind", "error.service_kind_invalid")
	case w.FTEs < 0 || w.FTEs > 10000:
		return FieldError("ftes", "error.ftes_invalid")
	}
	return nil
}

// Project is a workplace's shared innovation project (fellesprosjekt), or a sub-project of it
// when ParentID is set.
type Project struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	ParentID      int64 // 0 for the overarching shared project
	Title         string
	Description   string
	CreatedAt     time.Time
}

// Validate checks the fields a user can set.
func (p *Project) Validate() error {
	if p.WorkplaceID == 0 {
		return FieldError("workplace_id", "error.workplace_required")
	} else if strings.TrimSpace(p.Title) == "" {
		return FieldError("title", "error.title_required")
	}
	return nil
}

// OrgService stores the institution, its programmes, workplaces and projects: the small
// services below, which a handler or a test double may take one at a time.
type OrgService interface {
	Institutions
	Programmes
	Workplaces
	Projects
}

// Institutions stores the institutions a deployment serves.
type Institutions interface {
	CreateInstitution(ctx context.Context, i *Institution) error
	FindInstitution(ctx context.Context, id int64) (*Institution, error)
	FindInstitutions(ctx context.Context) ([]*Institution, error)
	UpdateInstitution(ctx context.Context, i *Institution) error
}

// Programmes stores an institution's study programmes.
type Programmes interface {
	CreateProgramme(ctx context.Context, p *Programme) error
	FindProgramme(ctx context.Context, id int64) (*Programme, error)
	FindProgrammes(ctx context.Context, institutionID int64) ([]*Programme, error)
	UpdateProgramme(ctx context.Context, p *Programme) error
}

// Workplaces stores a programme's workplaces.
type Workplaces interface {
	// CreateWorkplace copies the institution key from the programme.
	CreateWorkplace(ctx context.Context, w *Workplace) error
	FindWorkplace(ctx context.Context, id int64) (*Workplace, error)
	FindWorkplaces(ctx context.Context, f WorkplaceFilter) ([]*Workplace, error)
	UpdateWorkplace(ctx context.Context, w *Workplace) error
}

// Projects stores a workplace's shared innovation project (fellesprosjekt).
type Projects interface {
	CreateProject(ctx context.Context, p *Project) error
	FindProjects(ctx context.Context, workplaceID int64) ([]*Project, error)
}

// WorkplaceFilter selects workplaces; zero fields do not filter. IDs, when not nil, limits the
// result to those workplaces (an empty non-nil slice matches none).
type WorkplaceFilter struct {
	InstitutionID int64
	ProgrammeID   int64
	IDs           []int64
}
