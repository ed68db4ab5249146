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

// Actions lists every action, for tests that walk them all.
var Actions = []Action{ActionViewWorkplace, ActionManageMembers, ActionViewProgramme, ActionAdminister}

// Resource is what an action touches. Fields that do not apply are zero. A workplace resource
// carries its programme and institution, so that programme- and institution-wide roles apply.
type Resource struct {
	InstitutionID int64
	ProgrammeID   int64
	WorkplaceID   int64
	OwnerID       int64 // the person who created what is touched (an IPE session), if any
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
	case ActionIPECreate, ActionIPEView, ActionIPEFacilitate:
		return a.canIPE(action, r)
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

// IPE sessions (note in a hat).

const (
	// ActionIPECreate: create an IPE session in a workplace.
	ActionIPECreate Action = "ipe.create"
	// ActionIPEView: see a workplace's sessions, their results and the projector view.
	ActionIPEView Action = "ipe.view"
	// ActionIPEFacilitate: run a session: phases, oral notes, redaction, export, keeping ideas.
	// Facilitators see no more about authorship than participants: there is nothing to see.
	ActionIPEFacilitate Action = "ipe.facilitate"
)

func init() { Actions = append(Actions, ActionIPECreate, ActionIPEView, ActionIPEFacilitate) }

// ipeCreators are the workplace roles that may create and run sessions: the issue names
// teachers, leaders and participants.
var ipeCreators = []Role{RoleTeacher, RoleLeader, RoleParticipant}

func (a *Actor) canIPE(action Action, r Resource) bool {
	if r.WorkplaceID == 0 {
		return false
	}
	creator := false
	for _, role := range ipeCreators {
		creator = creator || a.Has(role, r)
	}
	switch action {
	case ActionIPECreate:
		return creator
	case ActionIPEView:
		return a.inWorkplace(r.WorkplaceID) || a.Has(RoleTeacher, r)
	case ActionIPEFacilitate:
		return a.Has(RoleTeacher, r) || a.Has(RoleLeader, r) ||
			(creator && r.OwnerID != 0 && r.OwnerID == a.Person.ID)
	}
	return false
}

// IPEParticipantAction is what a participant's token allows in a session.
type IPEParticipantAction string

const (
	IPEMayWrite   IPEParticipantAction = "write"   // put a note in the hat
	IPEMayDraw    IPEParticipantAction = "draw"    // draw for one's group, and record its reflection
	IPEMayVote    IPEParticipantAction = "vote"    // spend a dot vote on one's group's notes
	IPEMayObserve IPEParticipantAction = "observe" // follow the session's events
)

// ParticipantCan reports whether a participant may act in session s now. The token is bound
// to one session; each action belongs to one phase.
func ParticipantCan(p *IPEParticipant, s *IPESession, action IPEParticipantAction) bool {
	if p == nil || s == nil || p.SessionID != s.ID {
		return false
	}
	switch action {
	case IPEMayWrite:
		return s.Phase == IPEPhaseCapture
	case IPEMayDraw:
		return s.Phase == IPEPhaseDraw && p.GroupID != 0
	case IPEMayVote:
		return s.Phase == IPEPhaseVote && p.GroupID != 0
	case IPEMayObserve:
		return true
	}
	return false
}

// IPESessionResource returns the resource of a session: its workplace, and its creator as owner.
func IPESessionResource(w *Workplace, s *IPESession) Resource {
	r := WorkplaceResource(w)
	r.OwnerID = s.CreatedBy
	return r
}
