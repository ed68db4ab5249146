package laeringsliv

import (
	"context"
	"slices"
	"time"
)

// Role is what a person is in a workplace, a programme or the institution.
type Role string

const (
	RoleParticipant Role = "participant" // deltaker
	// RoleContributor: bidragsyter, a colleague on the workplace's staff who is not enrolled
	// in the study part (a weekend or night position, a summer temp). They are on the rota,
	// count in the staffing on the floor and take part in the innovation work's sessions;
	// many never sign in at all.
	RoleContributor Role = "contributor"
	RoleTeacher     Role = "teacher"    // forsker/lærer
	RoleLeader      Role = "leader"     // leder
	RoleUnionRep    Role = "union_rep"  // tillitsvalgt
	RoleAdmissions  Role = "admissions" // studieadministrasjon
	RoleAdmin       Role = "admin"      // administrator of the institution
)

// roles lists the roles in the order pages show them.
var roles = []Role{RoleParticipant, RoleContributor, RoleTeacher, RoleLeader, RoleUnionRep, RoleAdmissions, RoleAdmin}

// Roles returns the roles in the order pages show them, as a copy that callers may change freely.
func Roles() []Role { return slices.Clone(roles) }

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, v := range roles {
		if r == v {
			return true
		}
	}
	return false
}

// Scope is where a membership applies.
type Scope string

const (
	ScopeInstitution Scope = "institution"
	ScopeProgramme   Scope = "programme"
	ScopeWorkplace   Scope = "workplace"
)

// Membership gives a person a role in one scope. Exactly one of ProgrammeID and WorkplaceID is
// set for programme and workplace scope; neither for institution scope. A workplace membership
// also records the workplace's programme so that access checks need no further look-up.
type Membership struct {
	ID            int64
	InstitutionID int64
	PersonID      int64
	Role          Role
	ProgrammeID   int64
	WorkplaceID   int64
	CreatedAt     time.Time
}

// Scope returns where the membership applies.
func (m *Membership) Scope() Scope {
	switch {
	case m.WorkplaceID != 0:
		return ScopeWorkplace
	case m.ProgrammeID != 0:
		return ScopeProgramme
	}
	return ScopeInstitution
}

// Validate checks that the role fits the scope.
func (m *Membership) Validate() error {
	switch {
	case m.PersonID == 0:
		return FieldError("person_id", "error.person_required")
	case !m.Role.Valid():
		return FieldError("role", "error.role_invalid")
	case !RoleFitsScope(m.Role, m.Scope()):
		return FieldError("role", "error.role_scope")
	}
	return nil
}

// RoleFitsScope reports whether a role may be held in a scope: administrators hold the
// institution; admissions officers an institution or programme; the others a workplace, and
// teachers also a whole programme.
func RoleFitsScope(r Role, s Scope) bool {
	switch r {
	case RoleAdmin:
		return s == ScopeInstitution
	case RoleAdmissions:
		return s == ScopeInstitution || s == ScopeProgramme
	case RoleTeacher:
		return s == ScopeProgramme || s == ScopeWorkplace
	case RoleParticipant, RoleContributor, RoleLeader, RoleUnionRep:
		return s == ScopeWorkplace
	}
	return false
}

// MembershipService stores memberships.
type MembershipService interface {
	// CreateMembership copies the institution key and, for a workplace, the programme from the
	// scope. Creating a membership that exists already returns ECONFLICT.
	CreateMembership(ctx context.Context, m *Membership) error
	DeleteMembership(ctx context.Context, id int64) error
	FindMembership(ctx context.Context, id int64) (*Membership, error)
	FindMemberships(ctx context.Context, f MembershipFilter) ([]*Membership, error)
}

// MembershipFilter selects memberships; zero fields do not filter.
type MembershipFilter struct {
	PersonID    int64
	WorkplaceID int64
	ProgrammeID int64 // memberships held in the programme itself, not its workplaces
}
