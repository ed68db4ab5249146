package laeringsliv

// Authorisation is decided here and nowhere else. Handlers name an Action and the Resource it
// touches; Actor.Can answers. Every rule is a function of the actor's memberships, so a rule
// can be read, and tested, without a database or a request.

// Action is something a person may or may not do.
type Action string

const (
	// ActionViewWorkplace: see a workplace, its people and their roles.
	ActionViewWorkplace Action = "workplace.view"
	// ActionManageMembers: invite people to a workplace, revoke invitations, remove members.
	ActionManageMembers Action = "workplace.manage_members"
	// ActionViewProgramme: see a programme and those of its workplaces one may see.
	ActionViewProgramme Action = "programme.view"
	// ActionAdminister: edit the institution, programmes and workplaces.
	ActionAdminister Action = "institution.administer"
)

// Study programme (gatherings, work requirements, exam and admission).
const (
	// ActionViewStudy: see a workplace's gatherings, the programme's work requirements and
	// one's own submissions and status.
	ActionViewStudy Action = "study.view"
	// ActionSubmitWork: write and submit work requirements, register for the exam and apply
	// for prior-learning assessment, as a participant of the workplace.
	ActionSubmitWork Action = "study.submit"
	// ActionAssess: see every submission of a workplace and assess them; apply for
	// prior-learning assessment on a participant's behalf.
	ActionAssess Action = "study.assess"
	// ActionDefineRequirements: define a programme's work requirements.
	ActionDefineRequirements Action = "study.define_requirements"
	// ActionDecideAdmission: decide prior-learning applications and see the exam list.
	ActionDecideAdmission Action = "study.decide_admission"
	// ActionPlanGatherings: plan a workplace's gatherings and their agendas.
	ActionPlanGatherings Action = "study.plan_gatherings"
)

// Actions lists every action, for tests that walk them all.
var Actions = []Action{ActionViewWorkplace, ActionManageMembers, ActionViewProgramme, ActionAdminister,
	ActionViewStudy, ActionSubmitWork, ActionAssess, ActionDefineRequirements, ActionDecideAdmission, ActionPlanGatherings}

// Resource is what an action touches. Fields that do not apply are zero. A workplace resource
// carries its programme and institution, so that programme- and institution-wide roles apply.
type Resource struct {
	InstitutionID int64
	ProgrammeID   int64
	WorkplaceID   int64
}

// WorkplaceResource returns the resource of a workplace.
func WorkplaceResource(w *Workplace) Resource {
	return Resource{InstitutionID: w.InstitutionID, ProgrammeID: w.ProgrammeID, WorkplaceID: w.ID}
}

// ProgrammeResource returns the resource of a programme.
func ProgrammeResource(p *Programme) Resource {
	return Resource{InstitutionID: p.InstitutionID, ProgrammeID: p.ID}
}

// InstitutionResource returns the resource of an institution.
func InstitutionResource(id int64) Resource { return Resource{InstitutionID: id} }

// Actor is a signed-in person with all their memberships.
type Actor struct {
	Person      *Person
	Memberships []*Membership
}

// Can reports whether the actor may do action on r. A nil actor may do nothing.
func (a *Actor) Can(action Action, r Resource) bool {
	if a == nil || a.Person == nil || r.InstitutionID != a.Person.InstitutionID {
		return false
	}
	if a.Has(RoleAdmin, Resource{InstitutionID: r.InstitutionID}) {
		return true
	}
	switch action {
	case ActionViewWorkplace:
		return r.WorkplaceID != 0 && (a.inWorkplace(r.WorkplaceID) ||
			a.Has(RoleTeacher, r) || a.Has(RoleAdmissions, r))
	case ActionManageMembers:
		return r.WorkplaceID != 0 && a.Has(RoleTeacher, r)
	case ActionViewProgramme:
		return r.ProgrammeID != 0 && (a.inProgramme(r.ProgrammeID) || a.Has(RoleAdmissions, r))
	case ActionViewStudy, ActionSubmitWork, ActionAssess, ActionDefineRequirements, ActionDecideAdmission, ActionPlanGatherings:
		return a.canStudy(action, r)
	}
	return false
}

// Has reports whether the actor holds role in a scope that covers r: the workplace itself,
// its programme, or the institution.
func (a *Actor) Has(role Role, r Resource) bool {
	for _, m := range a.Memberships {
		if m.Role != role || m.InstitutionID != r.InstitutionID {
			continue
		}
		switch m.Scope() {
		case ScopeInstitution:
			return true
		case ScopeProgramme:
			if r.ProgrammeID != 0 && m.ProgrammeID == r.ProgrammeID {
				return true
			}
		case ScopeWorkplace:
			if r.WorkplaceID != 0 && m.WorkplaceID == r.WorkplaceID {
				return true
			}
		}
	}
	return false
}

// IsAdmin reports whether the actor administers their institution.
func (a *Actor) IsAdmin() bool {
	return a != nil && a.Person != nil && a.Has(RoleAdmin, Resource{InstitutionID: a.Person.InstitutionID})
}

// RolesIn returns the roles the actor holds directly in a workplace.
func (a *Actor) RolesIn(workplaceID int64) []Role {
	var roles []Role
	for _, m := range a.Memberships {
		if m.WorkplaceID == workplaceID {
			roles = append(roles, m.Role)
		}
	}
	return roles
}

func (a *Actor) inWorkplace(id int64) bool {
	for _, m := range a.Memberships {
		if m.WorkplaceID == id {
			return true
		}
	}
	return false
}

// inProgramme: a member of the programme itself or of any of its workplaces.
func (a *Actor) inProgramme(id int64) bool {
	for _, m := range a.Memberships {
		if m.ProgrammeID == id {
			return true
		}
	}
	return false
}

// canStudy decides the study programme's actions. Leaders and union representatives see the
// gatherings and counts, never individual assessments; those pages check the role.
func (a *Actor) canStudy(action Action, r Resource) bool {
	switch action {
	case ActionViewStudy:
		return r.WorkplaceID != 0 && (a.inWorkplace(r.WorkplaceID) || a.Has(RoleTeacher, r) || a.Has(RoleAdmissions, r))
	case ActionSubmitWork:
		return r.WorkplaceID != 0 && a.Has(RoleParticipant, r)
	case ActionAssess, ActionPlanGatherings:
		return r.WorkplaceID != 0 && a.Has(RoleTeacher, r)
	case ActionDefineRequirements:
		return r.ProgrammeID != 0 && r.WorkplaceID == 0 && a.Has(RoleTeacher, r)
	case ActionDecideAdmission:
		return r.ProgrammeID != 0 && a.Has(RoleAdmissions, r)
	}
	return false
}
