package laeringsliv

import "slices"

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
	// ActionViewPositions: see colleagues' position percentages, which the workplace's leaders
	// and teachers need for planning and the rest of the staff do not.
	ActionViewPositions Action = "workplace.view_positions"
	// ActionViewProgramme: see a programme and those of its workplaces one may see.
	ActionViewProgramme Action = "programme.view"
	// ActionAdminister: edit the institution, programmes and workplaces.
	ActionAdminister Action = "institution.administer"

	// Reading workshop.
	// ActionEditSyllabus: add and edit the texts of a programme's syllabus.
	ActionEditSyllabus Action = "reading.edit_syllabus"
	// ActionManageReading: create a workshop, form its groups, drive its phases.
	ActionManageReading Action = "reading.manage"
	// ActionCreateWorkshop: create a workshop and form its groups — the workplace's teachers,
	// and its leaders, who know the rota and form groups of people on shift together.
	ActionCreateWorkshop Action = "reading.create_workshop"
	// ActionManageWorkGroups: form a workplace's innovation work groups (by shared shifts),
	// rename them and link them to innovations — its leaders and teachers. Everyone in the
	// workplace sees them (ActionViewWorkplace).
	ActionManageWorkGroups Action = "workgroups.manage"
)

// Where the hours came from.
const (
	// ActionRecordTime: record, list, change and delete one's own time spent on the study and
	// the innovation work — the workplace's participants. With an OwnerID, only that person:
	// nobody else, not even an administrator, sees a participant's entries.
	ActionRecordTime Action = "time.record"
	// ActionViewTimeShares: see the workplace's monthly totals of time from working hours and
	// from free time — its leaders (and administrators); never single entries.
	ActionViewTimeShares Action = "time.view_shares"
	// ActionKeepWishes: see, add and remove one's own wishes to be with or apart from a
	// colleague when groups are formed — the workplace's participants and contributors, each
	// only their own (OwnerID): nobody else, not even an administrator, sees who wished what.
	ActionKeepWishes Action = "wishes.keep"
)

// Innovation work and evidence.
const (
	// ActionViewInnovation: see a workplace's innovations, participation model, timeline and
	// prequalification — everyone who may see the workplace.
	ActionViewInnovation Action = "innovation.view"
	// ActionRecordInnovation: record and update innovations — the workplace's participants,
	// leaders, union representatives and its teachers.
	ActionRecordInnovation Action = "innovation.record"
	// ActionRecordTimeline: write the timeline and the participation model, and sign off
	// prequalification — teachers and leaders.
	ActionRecordTimeline Action = "timeline.record"
	// ActionUseFieldBook: read and write a workplace's field book — researchers (teachers) only,
	// not even administrators: it is research material under the researchers' confidentiality.
	ActionUseFieldBook Action = "fieldbook.use"
	// ActionViewReports: see a programme's reports and download its tables — teachers of the
	// programme or any of its workplaces, and the admissions office.
	ActionViewReports Action = "report.view"
	// ActionResearchExport: download the pseudonymised research dataset — teachers of the
	// programme or any of its workplaces.
	ActionResearchExport Action = "report.research_export"
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
	// ActionEditHandbook: write the chapters of a programme's handbook — its researchers, and
	// the participants of the programme named as the handbook's authors.
	ActionEditHandbook Action = "handbook.edit"
	// ActionNameHandbookAuthors: name participants as authors of a programme's handbook — its
	// researchers, and the leaders of its workplaces.
	ActionNameHandbookAuthors Action = "handbook.name_authors"
	// ActionManageRota: import, see and roll back the workplace's shift rota, and keep what it
	// needs of the workplace's people (employee numbers, positions, shift teams) — its leaders.
	ActionManageRota Action = "rota.manage"
	// ActionViewShifts: see one person's shifts beside the programme's events — the
	// workplace's leaders, and the person concerned while they belong to the workplace. The
	// resource's OwnerID is that person.
	ActionViewShifts Action = "rota.view_shifts"
	// ActionSubscribeRota: subscribe one's own rota by an iCalendar address — only the person
	// concerned (OwnerID), while they belong to the workplace.
	ActionSubscribeRota Action = "rota.subscribe"
	// ActionViewJob: follow a job (an export, a backup) and take its result: the person who
	// started it. Its resource's OwnerID is that person.
	ActionViewJob Action = "job.view"
)

// actions lists every action, for tests that walk them all.
var actions = []Action{ActionViewWorkplace, ActionManageMembers, ActionViewPositions, ActionViewProgramme, ActionAdminister,
	ActionViewInnovation, ActionRecordInnovation, ActionRecordTimeline, ActionUseFieldBook,
	ActionViewReports, ActionResearchExport, ActionEditSyllabus, ActionManageReading,
	ActionViewStudy, ActionSubmitWork, ActionAssess, ActionDefineRequirements, ActionDecideAdmission, ActionPlanGatherings,
	ActionEditHandbook, ActionNameHandbookAuthors, ActionViewJob, ActionManageRota, ActionCreateWorkshop, ActionRecordTime, ActionViewTimeShares,
	ActionViewShifts, ActionSubscribeRota, ActionManageWorkGroups, ActionKeepWishes}

// Actions returns every action, for tests that walk them all, as a copy that callers may change freely.
func Actions() []Action { return slices.Clone(actions) }

// Resource is what an action touches. Fields that do not apply are zero. A workplace resource
// carries its programme and institution, so that programme- and institution-wide roles apply.
type Resource struct {
	InstitutionID int64
	ProgrammeID   int64
	WorkplaceID   int64
	OwnerID       int64 // the person who created what is touched (an IPE session), if any
	// Guests are the other workplaces a joint IPE session also gathers; their members may join
	// it as its host's members may (see ipe_joint.go), and nothing more.
	Guests []int64
	// Authors are the persons named as authors of the programme's handbook, for handbook routes.
	Authors []int64
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
	if action == ActionUseFieldBook { // before the administrator's pass: researchers only
		return r.WorkplaceID != 0 && a.Has(RoleTeacher, r)
	}
	if action == ActionRecordTime { // before the administrator's pass: one's own entries only
		return r.WorkplaceID != 0 && a.Has(RoleParticipant, r) && (r.OwnerID == 0 || r.OwnerID == a.Person.ID)
	}
	if action == ActionKeepWishes { // before the administrator's pass: one's own wishes only
		return r.WorkplaceID != 0 && r.OwnerID == a.Person.ID && (a.Has(RoleParticipant, r) || a.Has(RoleContributor, r))
	}
	if a.Has(RoleAdmin, Resource{InstitutionID: r.InstitutionID}) {
		return true
	}
	if ok, decided := a.canInnovation(action, r); decided {
		return ok
	}
	if ok, decided := a.canCohort(action, r); decided {
		return ok
	}
	switch action {
	case ActionViewJob:
		return r.OwnerID != 0 && r.OwnerID == a.Person.ID
	case ActionManageRota, ActionViewTimeShares:
		return r.WorkplaceID != 0 && a.Has(RoleLeader, r)
	case ActionCreateWorkshop, ActionManageWorkGroups:
		return r.WorkplaceID != 0 && (a.Has(RoleTeacher, r) || a.Has(RoleLeader, r))
	case ActionViewShifts:
		return r.WorkplaceID != 0 && r.OwnerID != 0 && (a.Has(RoleLeader, r) || a.ownsIn(r))
	case ActionSubscribeRota:
		return r.WorkplaceID != 0 && a.ownsIn(r)
	case ActionViewMeetings:
		return r.WorkplaceID != 0 && a.inWorkplace(r.WorkplaceID)
	case ActionViewWorkplace:
		return r.WorkplaceID != 0 && (a.inWorkplace(r.WorkplaceID) ||
			a.Has(RoleTeacher, r) || a.Has(RoleAdmissions, r))
	case ActionManageMembers:
		return r.WorkplaceID != 0 && a.Has(RoleTeacher, r)
	case ActionViewPositions:
		return r.WorkplaceID != 0 && (a.Has(RoleTeacher, r) || a.Has(RoleLeader, r))
	case ActionViewProgramme:
		return r.ProgrammeID != 0 && (a.inProgramme(r.ProgrammeID) || a.Has(RoleAdmissions, r))
	case ActionEditSyllabus:
		return r.ProgrammeID != 0 && a.teachesIn(r.ProgrammeID)
	case ActionEditHandbook:
		return r.ProgrammeID != 0 && (a.teachesIn(r.ProgrammeID) ||
			a.inProgramme(r.ProgrammeID) && slices.Contains(r.Authors, a.Person.ID))
	case ActionNameHandbookAuthors:
		return r.ProgrammeID != 0 && (a.teachesIn(r.ProgrammeID) || a.leadsIn(r.ProgrammeID))
	case ActionManageReading:
		return r.WorkplaceID != 0 && a.Has(RoleTeacher, r)
	case ActionIPECreate, ActionIPEView, ActionIPEFacilitate, ActionIPEJoinMembers:
		return a.canIPE(action, r)
	case ActionViewStudy, ActionSubmitWork, ActionAssess, ActionDefineRequirements, ActionDecideAdmission, ActionPlanGatherings:
		return a.canStudy(action, r)
	case ActionShare, ActionViewShared, ActionAdoptShared:
		return a.canShare(action, r)
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

// ownsIn reports whether the actor is the resource's owner and belongs to its workplace.
func (a *Actor) ownsIn(r Resource) bool {
	return r.OwnerID != 0 && r.OwnerID == a.Person.ID && a.inWorkplace(r.WorkplaceID)
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

// canInnovation decides the actions of the innovation work; decided is false for other actions.
func (a *Actor) canInnovation(action Action, r Resource) (ok, decided bool) {
	switch action {
	case ActionViewInnovation:
		return a.Can(ActionViewWorkplace, r), true
	case ActionRecordInnovation:
		return r.WorkplaceID != 0 && (a.Has(RoleParticipant, r) || a.Has(RoleLeader, r) ||
			a.Has(RoleUnionRep, r) || a.Has(RoleTeacher, r)), true
	case ActionRecordTimeline:
		return r.WorkplaceID != 0 && (a.Has(RoleTeacher, r) || a.Has(RoleLeader, r)), true
	case ActionViewReports:
		return r.ProgrammeID != 0 && r.WorkplaceID == 0 && (a.teachesIn(r.ProgrammeID) || a.Has(RoleAdmissions, r)), true
	case ActionResearchExport:
		return r.ProgrammeID != 0 && r.WorkplaceID == 0 && a.teachesIn(r.ProgrammeID), true
	}
	return false, false
}

// teachesIn reports whether the actor teaches the programme or one of its workplaces: the
// researchers report on the programme as a whole.
func (a *Actor) leadsIn(programmeID int64) bool {
	for _, m := range a.Memberships {
		if m.Role == RoleLeader && m.ProgrammeID == programmeID {
			return true
		}
	}
	return false
}

func (a *Actor) teachesIn(programmeID int64) bool {
	for _, m := range a.Memberships {
		if m.Role == RoleTeacher && m.ProgrammeID == programmeID {
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
	// ActionIPEJoinMembers: get the one anonymous credential that joins a members-only
	// session of one's own workplace.
	ActionIPEJoinMembers Action = "ipe.join_members"
)

func init() {
	actions = append(actions, ActionIPECreate, ActionIPEView, ActionIPEFacilitate, ActionIPEJoinMembers)
}

// ipeCreators are the workplace roles that may create and run sessions: teachers, leaders and
// participants.
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
	case ActionIPEJoinMembers:
		return a.inWorkplace(r.WorkplaceID) || slices.ContainsFunc(r.Guests, a.inWorkplace)
	case ActionIPEFacilitate:
		return a.Has(RoleTeacher, r) || a.Has(RoleLeader, r) ||
			(creator && r.OwnerID != 0 && r.OwnerID == a.Person.ID)
	}
	return false
}

// CanSeeAnswer reports whether the actor may read the reading answers of owner in workshop
// ws, whose groups are given. The answers are the participant's own; teachers of the
// workplace see them for the work requirements; fellow group members see them only from the
// share step, so that nobody is anchored by the first to write.
func (a *Actor) CanSeeAnswer(ws *Workshop, groups []*ReadingGroup, ownerID int64) bool {
	if a == nil || a.Person == nil || a.Person.InstitutionID != ws.InstitutionID {
		return false
	}
	if a.Person.ID == ownerID || a.Can(ActionManageReading, workshopResource(ws)) {
		return true
	}
	if !ws.Phase.RevealsAnswers() {
		return false
	}
	for _, g := range groups {
		if g.Has(ownerID) && g.Has(a.Person.ID) {
			return true
		}
	}
	return false
}

// CanEditPresentation reports whether the actor may edit group g's shared text: its members,
// and the workplace's teachers, who may help a group at the projector.
func (a *Actor) CanEditPresentation(ws *Workshop, g *ReadingGroup) bool {
	if a == nil || a.Person == nil || g.WorkshopID != ws.ID {
		return false
	}
	return g.Has(a.Person.ID) || a.Can(ActionManageReading, workshopResource(ws))
}

func workshopResource(ws *Workshop) Resource {
	return Resource{InstitutionID: ws.InstitutionID, ProgrammeID: ws.ProgrammeID, WorkplaceID: ws.WorkplaceID}
}

// IPEParticipantAction is what a participant's token allows in a session.
type IPEParticipantAction string

const (
	IPEMayWrite   IPEParticipantAction = "write"   // put a note in the hat
	IPEMayDraw    IPEParticipantAction = "draw"    // draw for one's group, and record its reflection
	IPEMayVote    IPEParticipantAction = "vote"    // spend a dot vote on one's group's notes
	IPEMayObserve IPEParticipantAction = "observe" // follow the session's events
	// IPEMayChooseGroup: pick one's own group, in a session grouped by hand, before drawing.
	IPEMayChooseGroup IPEParticipantAction = "choose_group"
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
	case IPEMayChooseGroup:
		return s.Grouping == IPEGroupingHand && p.GroupID != 0 &&
			(s.Phase == IPEPhaseDraft || s.Phase == IPEPhaseCapture)
	}
	return false
}

// IPESessionResource returns the resource of a session: its workplace, and its creator as owner.
func IPESessionResource(w *Workplace, s *IPESession) Resource {
	r := WorkplaceResource(w)
	r.OwnerID = s.CreatedBy
	return r
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

// Sharing between the workplaces of an institution.
const (
	// ActionShare: offer one of the workplace's records to the institution's other workplaces,
	// and withdraw it — the workplace's leaders.
	ActionShare Action = "share.share"
	// ActionViewShared: from one's workplace, see what the others share, ask and comment, and
	// see (and answer) what is asked about one's own shares — the workplace's members and teachers.
	ActionViewShared Action = "share.view"
	// ActionAdoptShared: adopt a shared innovation into the workplace's registry — its leaders
	// and teachers.
	ActionAdoptShared Action = "share.adopt"
)

func init() { actions = append(actions, ActionShare, ActionViewShared, ActionAdoptShared) }

func (a *Actor) canShare(action Action, r Resource) bool {
	if r.WorkplaceID == 0 {
		return false
	}
	switch action {
	case ActionShare:
		return a.Has(RoleLeader, r)
	case ActionViewShared:
		return a.inWorkplace(r.WorkplaceID) || a.Has(RoleTeacher, r)
	case ActionAdoptShared:
		return a.Has(RoleLeader, r) || a.Has(RoleTeacher, r)
	}
	return false
}

// CanSeeShare reports whether the actor, acting from workplace from, may see share sh: one of
// the same institution that is still offered, or one of from's own, withdrawn or not. Anything
// else is treated as not existing, so that ids cannot be probed.
func (a *Actor) CanSeeShare(sh *Share, from *Workplace) bool {
	if sh == nil || from == nil || sh.InstitutionID != from.InstitutionID ||
		!a.Can(ActionViewShared, WorkplaceResource(from)) {
		return false
	}
	return sh.Active() || sh.WorkplaceID == from.ID
}
