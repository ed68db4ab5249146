package laeringsliv_test

import (
	"testing"

	"laeringsliv"
)

func TestCohortPolicy(t *testing.T) {
	institution := laeringsliv.InstitutionResource(1)
	other := laeringsliv.InstitutionResource(2)
	prog := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 10}
	foreignProg := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 20}
	workplace := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 10, WorkplaceID: 100}
	actor := func(role laeringsliv.Role, programme, workplace int64) *laeringsliv.Actor {
		return &laeringsliv.Actor{Person: &laeringsliv.Person{ID: 1, InstitutionID: 1},
			Memberships: []*laeringsliv.Membership{{InstitutionID: 1, Role: role, ProgrammeID: programme, WorkplaceID: workplace}}}
	}
	admin := actor(laeringsliv.RoleAdmin, 0, 0)
	progTeacher := actor(laeringsliv.RoleTeacher, 10, 0)
	wpTeacher := actor(laeringsliv.RoleTeacher, 10, 100)
	participant := actor(laeringsliv.RoleParticipant, 10, 100)
	leader := actor(laeringsliv.RoleLeader, 10, 100)
	unionRep := actor(laeringsliv.RoleUnionRep, 10, 100)
	admissions := actor(laeringsliv.RoleAdmissions, 0, 0)
	start, copyProg := laeringsliv.ActionStartProgramme, laeringsliv.ActionCopyProgramme
	tests := []struct {
		name   string
		a      *laeringsliv.Actor
		action laeringsliv.Action
		r      laeringsliv.Resource
		want   bool
	}{
		{"admin starts", admin, start, institution, true},
		{"admin copies any programme", admin, copyProg, foreignProg, true},
		{"admin not in another institution", admin, start, other, false},
		{"programme teacher starts", progTeacher, start, institution, true},
		{"workplace teacher starts", wpTeacher, start, institution, true},
		{"teacher not in another institution", progTeacher, start, other, false},
		{"programme teacher copies own", progTeacher, copyProg, prog, true},
		{"workplace teacher copies own programme", wpTeacher, copyProg, prog, true},
		{"teacher does not copy another programme", progTeacher, copyProg, foreignProg, false},
		{"copy is of a programme, not a workplace", wpTeacher, copyProg, workplace, false},
		{"participant does not start", participant, start, institution, false},
		{"participant does not copy", participant, copyProg, prog, false},
		{"leader does not start", leader, start, institution, false},
		{"leader does not copy", leader, copyProg, prog, false},
		{"union rep does not start", unionRep, start, institution, false},
		{"admissions does not start", admissions, start, institution, false},
		{"admissions does not copy", admissions, copyProg, prog, false},
		{"nobody", nil, start, institution, false},
	}
	for _, tt := range tests {
		if got := tt.a.Can(tt.action, tt.r); got != tt.want {
			t.Errorf("%s: Can = %v, want %v", tt.name, got, tt.want)
		}
	}
}
