package laeringsliv_test

import (
	"testing"

	"laeringsliv"
)

func TestReadingPolicy(t *testing.T) {
	const inst, prog, wp, otherWp = 1, 10, 100, 101
	actor := func(id int64, ms ...*laeringsliv.Membership) *laeringsliv.Actor {
		for _, m := range ms {
			m.InstitutionID, m.PersonID = inst, id
		}
		return &laeringsliv.Actor{Person: &laeringsliv.Person{ID: id, InstitutionID: inst}, Memberships: ms}
	}
	in := func(r laeringsliv.Role, w int64) *laeringsliv.Membership {
		return &laeringsliv.Membership{Role: r, ProgrammeID: prog, WorkplaceID: w}
	}
	a := actor(1, in(laeringsliv.RoleParticipant, wp))
	b := actor(2, in(laeringsliv.RoleParticipant, wp))
	c := actor(3, in(laeringsliv.RoleParticipant, wp)) // in the other group
	teacher := actor(4, in(laeringsliv.RoleTeacher, wp))
	otherTeacher := actor(5, in(laeringsliv.RoleTeacher, otherWp))
	leader := actor(6, in(laeringsliv.RoleLeader, wp))
	groups := []*laeringsliv.ReadingGroup{{ID: 1, WorkshopID: 9, MemberIDs: []int64{1, 2}}, {ID: 2, WorkshopID: 9, MemberIDs: []int64{3}}}
	ws := &laeringsliv.Workshop{ID: 9, InstitutionID: inst, ProgrammeID: prog, WorkplaceID: wp}

	progRes := laeringsliv.Resource{InstitutionID: inst, ProgrammeID: prog}
	wpRes := laeringsliv.Resource{InstitutionID: inst, ProgrammeID: prog, WorkplaceID: wp}
	if !teacher.Can(laeringsliv.ActionEditSyllabus, progRes) || !otherTeacher.Can(laeringsliv.ActionEditSyllabus, progRes) || a.Can(laeringsliv.ActionEditSyllabus, progRes) {
		t.Error("syllabus: teachers anywhere in the programme edit it, participants do not")
	}
	if !teacher.Can(laeringsliv.ActionManageReading, wpRes) || otherTeacher.Can(laeringsliv.ActionManageReading, wpRes) || leader.Can(laeringsliv.ActionManageReading, wpRes) {
		t.Error("manage: only the workplace's teachers")
	}

	for _, tt := range []struct {
		phase laeringsliv.Phase
		who   *laeringsliv.Actor
		want  bool
	}{
		{laeringsliv.PhaseIndividual, a, true}, // one's own
		{laeringsliv.PhaseIndividual, b, false},
		{laeringsliv.PhaseIndividual, teacher, true},
		{laeringsliv.PhaseShare, b, true},
		{laeringsliv.PhaseShare, c, false}, // another group
		{laeringsliv.PhaseShare, leader, false},
		{laeringsliv.PhaseClosed, otherTeacher, false},
	} {
		ws.Phase = tt.phase
		if got := tt.who.CanSeeAnswer(ws, groups, 1); got != tt.want {
			t.Errorf("%s: person %d sees person 1's answer: %v, want %v", tt.phase, tt.who.Person.ID, got, tt.want)
		}
	}
	if !b.CanEditPresentation(ws, groups[0]) || c.CanEditPresentation(ws, groups[0]) || !teacher.CanEditPresentation(ws, groups[1]) || leader.CanEditPresentation(ws, groups[0]) {
		t.Error("presentation: members and teachers edit, others do not")
	}
}
