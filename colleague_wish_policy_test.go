package laeringsliv_test

import (
	"testing"

	"laeringsliv"
)

// Only the person who wishes reaches their wishes, as a participant or contributor of the
// workplace: not a colleague, a leader, a teacher or an administrator.
func TestColleagueWishPolicy(t *testing.T) {
	const inst, prog, wp, otherWp = 1, 10, 100, 101
	actor := func(id int64, r laeringsliv.Role, w int64) *laeringsliv.Actor {
		m := &laeringsliv.Membership{InstitutionID: inst, PersonID: id, Role: r, ProgrammeID: prog, WorkplaceID: w}
		if r == laeringsliv.RoleAdmin {
			m.ProgrammeID, m.WorkplaceID = 0, 0
		}
		return &laeringsliv.Actor{Person: &laeringsliv.Person{ID: id, InstitutionID: inst}, Memberships: []*laeringsliv.Membership{m}}
	}
	owned := func(owner int64) laeringsliv.Resource {
		return laeringsliv.Resource{InstitutionID: inst, ProgrammeID: prog, WorkplaceID: wp, OwnerID: owner}
	}
	for _, tc := range []struct {
		name string
		a    *laeringsliv.Actor
		own  bool // reaches their own wishes (OwnerID = their ID)
	}{
		{"participant", actor(1, laeringsliv.RoleParticipant, wp), true},
		{"contributor", actor(2, laeringsliv.RoleContributor, wp), true},
		{"participant elsewhere", actor(3, laeringsliv.RoleParticipant, otherWp), false},
		{"leader", actor(4, laeringsliv.RoleLeader, wp), false},
		{"teacher", actor(5, laeringsliv.RoleTeacher, wp), false},
		{"administrator", actor(6, laeringsliv.RoleAdmin, 0), false},
	} {
		if got := tc.a.Can(laeringsliv.ActionKeepWishes, owned(tc.a.Person.ID)); got != tc.own {
			t.Errorf("%s reaches own wishes: %v, want %v", tc.name, got, tc.own)
		}
		if tc.a.Can(laeringsliv.ActionKeepWishes, owned(99)) {
			t.Errorf("%s reaches person 99's wishes", tc.name)
		}
		if tc.a.Can(laeringsliv.ActionKeepWishes, owned(0)) && tc.a.Person.ID != 0 {
			t.Errorf("%s reaches wishes without an owner", tc.name)
		}
	}
}
