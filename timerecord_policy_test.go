package laeringsliv_test

import (
	"testing"

	"laeringsliv"
)

// A participant alone reaches their own time records (not even an administrator reaches
// them); the workplace's leaders and administrators see its totals; another workplace's
// people reach neither.
func TestTimeRecordPolicy(t *testing.T) {
	const inst, prog, wp, otherWp = 1, 10, 100, 101
	actor := func(id int64, r laeringsliv.Role, w int64) *laeringsliv.Actor {
		m := &laeringsliv.Membership{InstitutionID: inst, PersonID: id, Role: r, ProgrammeID: prog, WorkplaceID: w}
		if r == laeringsliv.RoleAdmin {
			m.ProgrammeID, m.WorkplaceID = 0, 0
		}
		return &laeringsliv.Actor{Person: &laeringsliv.Person{ID: id, InstitutionID: inst}, Memberships: []*laeringsliv.Membership{m}}
	}
	res := laeringsliv.Resource{InstitutionID: inst, ProgrammeID: prog, WorkplaceID: wp}
	owned := res
	owned.OwnerID = 1
	for _, tc := range []struct {
		name        string
		a           *laeringsliv.Actor
		record, own bool // record in the workplace; reach entry 1
		shares      bool
	}{
		{"owner", actor(1, laeringsliv.RoleParticipant, wp), true, true, false},
		{"colleague", actor(2, laeringsliv.RoleParticipant, wp), true, false, false},
		{"participant elsewhere", actor(3, laeringsliv.RoleParticipant, otherWp), false, false, false},
		{"leader", actor(4, laeringsliv.RoleLeader, wp), false, false, true},
		{"leader elsewhere", actor(5, laeringsliv.RoleLeader, otherWp), false, false, false},
		{"teacher", actor(6, laeringsliv.RoleTeacher, wp), false, false, false},
		{"administrator", actor(7, laeringsliv.RoleAdmin, 0), false, false, true},
	} {
		if got := tc.a.Can(laeringsliv.ActionRecordTime, res); got != tc.record {
			t.Errorf("%s records time: %v, want %v", tc.name, got, tc.record)
		}
		if got := tc.a.Can(laeringsliv.ActionRecordTime, owned); got != tc.own {
			t.Errorf("%s reaches entry of person 1: %v, want %v", tc.name, got, tc.own)
		}
		if got := tc.a.Can(laeringsliv.ActionViewTimeShares, res); got != tc.shares {
			t.Errorf("%s sees shares: %v, want %v", tc.name, got, tc.shares)
		}
	}
	leader := actor(4, laeringsliv.RoleLeader, wp)
	if !leader.Can(laeringsliv.ActionCreateWorkshop, res) || actor(1, laeringsliv.RoleParticipant, wp).Can(laeringsliv.ActionCreateWorkshop, res) {
		t.Error("workshops: leaders create them, participants do not")
	}
}
