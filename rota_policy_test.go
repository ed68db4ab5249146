package laeringsliv

import "testing"

// A person's shifts are seen by the workplace's leaders and by the person while they belong
// there; only the person subscribes their own rota.
func TestShiftPolicy(t *testing.T) {
	wp := Resource{InstitutionID: 1, ProgrammeID: 2, WorkplaceID: 3}
	member := func(id int64, role Role, workplace int64) *Actor {
		return &Actor{Person: &Person{ID: id, InstitutionID: 1},
			Memberships: []*Membership{{PersonID: id, InstitutionID: 1, Role: role, ProgrammeID: 2, WorkplaceID: workplace}}}
	}
	kari, ola := member(10, RoleParticipant, 3), member(11, RoleParticipant, 3)
	leader, otherLeader := member(12, RoleLeader, 3), member(13, RoleLeader, 4)
	teacher := &Actor{Person: &Person{ID: 14, InstitutionID: 1},
		Memberships: []*Membership{{PersonID: 14, InstitutionID: 1, Role: RoleTeacher, ProgrammeID: 2}}}
	karis := wp
	karis.OwnerID = 10
	for _, tc := range []struct {
		name    string
		a       *Actor
		action  Action
		r       Resource
		allowed bool
	}{
		{"own shifts", kari, ActionViewShifts, karis, true},
		{"a colleague's shifts", ola, ActionViewShifts, karis, false},
		{"the leader", leader, ActionViewShifts, karis, true},
		{"another workplace's leader", otherLeader, ActionViewShifts, karis, false},
		{"the programme's teacher", teacher, ActionViewShifts, karis, false},
		{"own shifts at another workplace", kari, ActionViewShifts, Resource{InstitutionID: 1, ProgrammeID: 2, WorkplaceID: 4, OwnerID: 10}, false},
		{"subscribe own", kari, ActionSubscribeRota, karis, true},
		{"leader subscribes for someone", leader, ActionSubscribeRota, karis, false},
		{"no owner", leader, ActionViewShifts, wp, false},
	} {
		if got := tc.a.Can(tc.action, tc.r); got != tc.allowed {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.allowed)
		}
	}
}
