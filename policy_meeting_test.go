package laeringsliv

import "testing"

// The workplace's meetings are seen by its own members, not by the programme's teachers,
// admissions or another workplace's people.
func TestMeetingPolicy(t *testing.T) {
	wp := Resource{InstitutionID: 1, ProgrammeID: 2, WorkplaceID: 3}
	actor := func(role Role, programme, workplace int64) *Actor {
		return &Actor{Person: &Person{ID: 10, InstitutionID: 1},
			Memberships: []*Membership{{PersonID: 10, InstitutionID: 1, Role: role, ProgrammeID: programme, WorkplaceID: workplace}}}
	}
	admin := &Actor{Person: &Person{ID: 9, InstitutionID: 1}, Memberships: []*Membership{{PersonID: 9, InstitutionID: 1, Role: RoleAdmin}}}
	for _, tc := range []struct {
		name    string
		a       *Actor
		allowed bool
	}{
		{"participant", actor(RoleParticipant, 2, 3), true},
		{"leader", actor(RoleLeader, 2, 3), true},
		{"the workplace's own researcher", actor(RoleTeacher, 2, 3), true},
		{"the programme's teacher", actor(RoleTeacher, 2, 0), false},
		{"admissions", actor(RoleAdmissions, 2, 0), false},
		{"another workplace's participant", actor(RoleParticipant, 2, 4), false},
		{"another workplace's leader", actor(RoleLeader, 5, 4), false},
		{"the institution's administrator", admin, true},
		{"another institution", &Actor{Person: &Person{ID: 11, InstitutionID: 7},
			Memberships: []*Membership{{PersonID: 11, InstitutionID: 7, Role: RoleAdmin}}}, false},
	} {
		if got := tc.a.Can(ActionViewMeetings, wp); got != tc.allowed {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.allowed)
		}
	}
}
