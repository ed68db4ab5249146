package laeringsliv_test

import (
	"testing"

	"laeringsliv"
)

// TestFieldBookOnlyResearchers checks that the field book is closed to everyone but the
// workplace's (or programme's) teachers — administrators included.
func TestFieldBookOnlyResearchers(t *testing.T) {
	r := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 2, WorkplaceID: 3}
	actor := func(role laeringsliv.Role, prog, wp int64) *laeringsliv.Actor {
		return &laeringsliv.Actor{Person: &laeringsliv.Person{ID: 9, InstitutionID: 1},
			Memberships: []*laeringsliv.Membership{{InstitutionID: 1, PersonID: 9, Role: role, ProgrammeID: prog, WorkplaceID: wp}}}
	}
	tests := []struct {
		name string
		a    *laeringsliv.Actor
		want bool
	}{
		{"workplace teacher", actor(laeringsliv.RoleTeacher, 2, 3), true},
		{"programme teacher", actor(laeringsliv.RoleTeacher, 2, 0), true},
		{"teacher elsewhere", actor(laeringsliv.RoleTeacher, 2, 4), false},
		{"admin", actor(laeringsliv.RoleAdmin, 0, 0), false},
		{"leader", actor(laeringsliv.RoleLeader, 2, 3), false},
		{"participant", actor(laeringsliv.RoleParticipant, 2, 3), false},
		{"admissions", actor(laeringsliv.RoleAdmissions, 2, 0), false},
		{"nobody", nil, false},
	}
	for _, tt := range tests {
		if got := tt.a.Can(laeringsliv.ActionUseFieldBook, r); got != tt.want {
			t.Errorf("%s: Can(field book) = %v, want %v", tt.name, got, tt.want)
		}
	}
	if !actor(laeringsliv.RoleParticipant, 2, 3).Can(laeringsliv.ActionRecordInnovation, r) {
		t.Error("a participant cannot record an innovation in their own workplace")
	}
	if actor(laeringsliv.RoleParticipant, 2, 3).Can(laeringsliv.ActionRecordTimeline, r) {
		t.Error("a participant can write the timeline")
	}
	prog := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 2}
	if actor(laeringsliv.RoleLeader, 2, 3).Can(laeringsliv.ActionViewReports, prog) ||
		!actor(laeringsliv.RoleTeacher, 2, 0).Can(laeringsliv.ActionViewReports, prog) {
		t.Error("reports: want programme teachers, not leaders")
	}
}

func TestInnovationStatusCounts(t *testing.T) {
	n := 0
	for _, s := range laeringsliv.InnovationStatuses() {
		if s.Counts() {
			n++
		}
	}
	if n != 3 || laeringsliv.InnovationDropped.Counts() || !laeringsliv.InnovationImplemented.Counts() {
		t.Fatalf("%d counting statuses", n)
	}
}
