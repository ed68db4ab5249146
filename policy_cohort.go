package laeringsliv

// New cohorts from templates.
const (
	// ActionStartProgramme: start a new programme of the institution from an earlier one, a
	// built-in template or a template file — its administrators and its researchers (anyone
	// who teaches in one of its programmes).
	ActionStartProgramme Action = "programme.start"
	// ActionCopyProgramme: take a programme as the template of a new one, or export it as a
	// template file — administrators and the programme's teachers.
	ActionCopyProgramme Action = "programme.copy"
)

func init() {
	actions = append(actions, ActionStartProgramme, ActionCopyProgramme)
}

// canCohort decides the actions of new cohorts; decided is false for other actions.
func (a *Actor) canCohort(action Action, r Resource) (ok, decided bool) {
	switch action {
	case ActionStartProgramme:
		return a.teachesAnywhere(r.InstitutionID), true
	case ActionCopyProgramme:
		return r.ProgrammeID != 0 && r.WorkplaceID == 0 && a.teachesIn(r.ProgrammeID), true
	}
	return false, false
}

// teachesAnywhere reports whether the actor teaches in any programme of the institution.
func (a *Actor) teachesAnywhere(institutionID int64) bool {
	for _, m := range a.Memberships {
		if m.Role == RoleTeacher && m.InstitutionID == institutionID {
			return true
		}
	}
	return false
}
