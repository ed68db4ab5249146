package laeringsliv_test

import (
	"testing"

	"laeringsliv"
)

// TestHandbookPolicy: the programme's researchers write the handbook, and so do participants
// named as its authors while they are in the programme; researchers and leaders name them.
func TestHandbookPolicy(t *testing.T) {
	const inst, prog, otherProg, wp = 1, 10, 11, 100
	actor := func(id int64, ms ...*laeringsliv.Membership) *laeringsliv.Actor {
		for _, m := range ms {
			m.InstitutionID, m.PersonID = inst, id
		}
		return &laeringsliv.Actor{Person: &laeringsliv.Person{ID: id, InstitutionID: inst}, Memberships: ms}
	}
	in := func(r laeringsliv.Role, p int64) *laeringsliv.Membership {
		return &laeringsliv.Membership{Role: r, ProgrammeID: p, WorkplaceID: wp + p}
	}
	named := actor(1, in(laeringsliv.RoleParticipant, prog))
	other := actor(2, in(laeringsliv.RoleParticipant, prog))
	elsewhere := actor(3, in(laeringsliv.RoleParticipant, otherProg)) // named, but not in the programme
	teacher := actor(4, in(laeringsliv.RoleTeacher, prog))
	leader := actor(5, in(laeringsliv.RoleLeader, prog))
	res := laeringsliv.Resource{InstitutionID: inst, ProgrammeID: prog, Authors: []int64{1, 3}}
	for _, tt := range []struct {
		name              string
		who               *laeringsliv.Actor
		edit, nameAuthors bool
	}{
		{"named participant", named, true, false},
		{"other participant", other, false, false},
		{"named outside the programme", elsewhere, false, false},
		{"researcher", teacher, true, true},
		{"leader", leader, false, true},
	} {
		if got := tt.who.Can(laeringsliv.ActionEditHandbook, res); got != tt.edit {
			t.Errorf("%s: edit = %v, want %v", tt.name, got, tt.edit)
		}
		if got := tt.who.Can(laeringsliv.ActionNameHandbookAuthors, res); got != tt.nameAuthors {
			t.Errorf("%s: name authors = %v, want %v", tt.name, got, tt.nameAuthors)
		}
	}
}
