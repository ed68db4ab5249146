package laeringsliv_test

import (
	"testing"

	"laeringsliv"
)

func TestStudyPolicy(t *testing.T) {
	own := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 10, WorkplaceID: 100}
	foreign := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 20, WorkplaceID: 200}
	prog := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 10}
	actor := func(role laeringsliv.Role, programme, workplace int64) *laeringsliv.Actor {
		return &laeringsliv.Actor{Person: &laeringsliv.Person{ID: 1, InstitutionID: 1},
			Memberships: []*laeringsliv.Membership{{InstitutionID: 1, Role: role, ProgrammeID: programme, WorkplaceID: workplace}}}
	}
	participant := actor(laeringsliv.RoleParticipant, 10, 100)
	leader := actor(laeringsliv.RoleLeader, 10, 100)
	wpTeacher := actor(laeringsliv.RoleTeacher, 10, 100)
	progTeacher := actor(laeringsliv.RoleTeacher, 10, 0)
	admissions := actor(laeringsliv.RoleAdmissions, 10, 0)
	tests := []struct {
		name   string
		a      *laeringsliv.Actor
		action laeringsliv.Action
		r      laeringsliv.Resource
		want   bool
	}{
		{"participant views", participant, laeringsliv.ActionViewStudy, own, true},
		{"participant not abroad", participant, laeringsliv.ActionViewStudy, foreign, false},
		{"participant submits", participant, laeringsliv.ActionSubmitWork, own, true},
		{"participant does not assess", participant, laeringsliv.ActionAssess, own, false},
		{"leader views", leader, laeringsliv.ActionViewStudy, own, true},
		{"leader does not submit", leader, laeringsliv.ActionSubmitWork, own, false},
		{"leader does not assess", leader, laeringsliv.ActionAssess, own, false},
		{"workplace teacher assesses", wpTeacher, laeringsliv.ActionAssess, own, true},
		{"workplace teacher does not define", wpTeacher, laeringsliv.ActionDefineRequirements, prog, false},
		{"programme teacher assesses", progTeacher, laeringsliv.ActionAssess, own, true},
		{"programme teacher defines", progTeacher, laeringsliv.ActionDefineRequirements, prog, true},
		{"programme teacher not abroad", progTeacher, laeringsliv.ActionAssess, foreign, false},
		{"admissions decides", admissions, laeringsliv.ActionDecideAdmission, prog, true},
		{"admissions views study", admissions, laeringsliv.ActionViewStudy, own, true},
		{"admissions does not assess", admissions, laeringsliv.ActionAssess, own, false},
		{"teacher does not decide admission", progTeacher, laeringsliv.ActionDecideAdmission, prog, false},
		{"teacher plans gatherings", wpTeacher, laeringsliv.ActionPlanGatherings, own, true},
		{"leader does not plan gatherings", leader, laeringsliv.ActionPlanGatherings, own, false},
		{"nobody", nil, laeringsliv.ActionViewStudy, own, false},
	}
	for _, tt := range tests {
		if got := tt.a.Can(tt.action, tt.r); got != tt.want {
			t.Errorf("%s: Can = %v, want %v", tt.name, got, tt.want)
		}
	}
}
