package laeringsliv

import "testing"

// A workplace's leaders and teachers form its work groups; everyone in the workplace, the
// contributors not enrolled among them, sees them; nobody from another workplace does either.
func TestWorkGroupPolicy(t *testing.T) {
	wp := Resource{InstitutionID: 1, ProgrammeID: 2, WorkplaceID: 3}
	member := func(id int64, role Role, workplace int64) *Actor {
		return &Actor{Person: &Person{ID: id, InstitutionID: 1},
			Memberships: []*Membership{{PersonID: id, InstitutionID: 1, Role: role, ProgrammeID: 2, WorkplaceID: workplace}}}
	}
	for _, tc := range []struct {
		name         string
		a            *Actor
		manage, view bool
	}{
		{"leader", member(1, RoleLeader, 3), true, true},
		{"workplace teacher", member(2, RoleTeacher, 3), true, true},
		{"participant", member(3, RoleParticipant, 3), false, true},
		{"contributor", member(4, RoleContributor, 3), false, true},
		{"union rep", member(5, RoleUnionRep, 3), false, true},
		{"another workplace's leader", member(6, RoleLeader, 4), false, false},
		{"another workplace's contributor", member(7, RoleContributor, 4), false, false},
	} {
		if got := tc.a.Can(ActionManageWorkGroups, wp); got != tc.manage {
			t.Errorf("%s forms groups: %v, want %v", tc.name, got, tc.manage)
		}
		if got := tc.a.Can(ActionViewWorkplace, wp); got != tc.view {
			t.Errorf("%s sees groups: %v, want %v", tc.name, got, tc.view)
		}
	}
}
