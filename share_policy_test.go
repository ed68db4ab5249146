package laeringsliv_test

import (
	"testing"
	"time"

	"laeringsliv"
)

// TestSharePolicy walks the sharing actions by role and workplace: workplace A (3) and B (4)
// of programme 2, workplace C (5) of programme 6, all in institution 1.
func TestSharePolicy(t *testing.T) {
	actor := func(role laeringsliv.Role, prog, wp int64) *laeringsliv.Actor {
		return &laeringsliv.Actor{Person: &laeringsliv.Person{ID: 9, InstitutionID: 1},
			Memberships: []*laeringsliv.Membership{{InstitutionID: 1, PersonID: 9, Role: role, ProgrammeID: prog, WorkplaceID: wp}}}
	}
	a := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 2, WorkplaceID: 3}
	b := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 2, WorkplaceID: 4}
	other := laeringsliv.Resource{InstitutionID: 7, ProgrammeID: 8, WorkplaceID: 9}
	tests := []struct {
		name   string
		a      *laeringsliv.Actor
		action laeringsliv.Action
		r      laeringsliv.Resource
		want   bool
	}{
		{"leader shares from own workplace", actor(laeringsliv.RoleLeader, 2, 3), laeringsliv.ActionShare, a, true},
		{"leader shares from another workplace", actor(laeringsliv.RoleLeader, 2, 3), laeringsliv.ActionShare, b, false},
		{"participant shares", actor(laeringsliv.RoleParticipant, 2, 3), laeringsliv.ActionShare, a, false},
		{"union rep shares", actor(laeringsliv.RoleUnionRep, 2, 3), laeringsliv.ActionShare, a, false},
		{"teacher shares", actor(laeringsliv.RoleTeacher, 2, 3), laeringsliv.ActionShare, a, false},
		{"admissions shares", actor(laeringsliv.RoleAdmissions, 2, 0), laeringsliv.ActionShare, a, false},
		{"admin shares", actor(laeringsliv.RoleAdmin, 0, 0), laeringsliv.ActionShare, a, true},
		{"participant views from own", actor(laeringsliv.RoleParticipant, 2, 3), laeringsliv.ActionViewShared, a, true},
		{"participant views from another", actor(laeringsliv.RoleParticipant, 2, 3), laeringsliv.ActionViewShared, b, false},
		{"union rep views", actor(laeringsliv.RoleUnionRep, 2, 3), laeringsliv.ActionViewShared, a, true},
		{"programme teacher views", actor(laeringsliv.RoleTeacher, 2, 0), laeringsliv.ActionViewShared, b, true},
		{"admissions views", actor(laeringsliv.RoleAdmissions, 2, 0), laeringsliv.ActionViewShared, a, false},
		{"leader of another institution", actor(laeringsliv.RoleLeader, 2, 3), laeringsliv.ActionViewShared, other, false},
		{"leader adopts into own", actor(laeringsliv.RoleLeader, 2, 4), laeringsliv.ActionAdoptShared, b, true},
		{"leader adopts into another", actor(laeringsliv.RoleLeader, 2, 4), laeringsliv.ActionAdoptShared, a, false},
		{"teacher adopts", actor(laeringsliv.RoleTeacher, 2, 4), laeringsliv.ActionAdoptShared, b, true},
		{"participant adopts", actor(laeringsliv.RoleParticipant, 2, 4), laeringsliv.ActionAdoptShared, b, false},
		{"institution-level resource", actor(laeringsliv.RoleLeader, 2, 3), laeringsliv.ActionShare, laeringsliv.Resource{InstitutionID: 1}, false},
		{"nobody", nil, laeringsliv.ActionViewShared, a, false},
	}
	for _, tt := range tests {
		if got := tt.a.Can(tt.action, tt.r); got != tt.want {
			t.Errorf("%s: Can(%s) = %v, want %v", tt.name, tt.action, got, tt.want)
		}
	}
}

// TestCanSeeShare checks which shares a member sees from their workplace: another workplace's
// active share, their own whether withdrawn or not, never a withdrawn one of another workplace
// nor one of another institution.
func TestCanSeeShare(t *testing.T) {
	member := func(wp int64) *laeringsliv.Actor {
		return &laeringsliv.Actor{Person: &laeringsliv.Person{ID: 9, InstitutionID: 1},
			Memberships: []*laeringsliv.Membership{{InstitutionID: 1, PersonID: 9, Role: laeringsliv.RoleParticipant, ProgrammeID: 2, WorkplaceID: wp}}}
	}
	wpA := &laeringsliv.Workplace{ID: 3, InstitutionID: 1, ProgrammeID: 2}
	wpB := &laeringsliv.Workplace{ID: 4, InstitutionID: 1, ProgrammeID: 2}
	active := &laeringsliv.Share{ID: 1, InstitutionID: 1, WorkplaceID: 3}
	withdrawn := &laeringsliv.Share{ID: 2, InstitutionID: 1, WorkplaceID: 3, WithdrawnAt: time.Now()}
	foreign := &laeringsliv.Share{ID: 3, InstitutionID: 5, WorkplaceID: 3}
	tests := []struct {
		name string
		a    *laeringsliv.Actor
		sh   *laeringsliv.Share
		from *laeringsliv.Workplace
		want bool
	}{
		{"B sees A's active share", member(4), active, wpB, true},
		{"B does not see A's withdrawn share", member(4), withdrawn, wpB, false},
		{"A sees its own withdrawn share", member(3), withdrawn, wpA, true},
		{"B acting from A", member(4), active, wpA, false},
		{"another institution's share", member(4), foreign, wpB, false},
		{"no share", member(4), nil, wpB, false},
	}
	for _, tt := range tests {
		if got := tt.a.CanSeeShare(tt.sh, tt.from); got != tt.want {
			t.Errorf("%s: CanSeeShare = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestShareValidate(t *testing.T) {
	ok := laeringsliv.Share{WorkplaceID: 3, Kind: laeringsliv.ShareInnovation, RefID: 1, Title: "Fast møtetid"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	long := make([]string, laeringsliv.MaxShareItems+1)
	for _, tc := range []struct {
		name string
		edit func(*laeringsliv.Share)
		key  string
	}{
		{"kind", func(s *laeringsliv.Share) { s.Kind = "person" }, "sharing.error.kind_invalid"},
		{"ref", func(s *laeringsliv.Share) { s.RefID = 0 }, "sharing.error.ref_invalid"},
		{"title", func(s *laeringsliv.Share) { s.Title = " " }, "error.title_required"},
		{"items", func(s *laeringsliv.Share) { s.Items = long }, "sharing.error.too_long"},
	} {
		s := ok
		tc.edit(&s)
		if err := s.Validate(); laeringsliv.ErrorKey(err) != tc.key {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.key)
		}
	}
	a, b := ok, ok
	b.Body = "endret"
	if a.Digest() == b.Digest() || a.Digest() != ok.Digest() {
		t.Error("digest does not follow the content")
	}
}

// TestJointIPEPolicy: members of a joint session's guest workplaces may join it (get their one
// credential) and do nothing else with the host's session; members of an uninvited workplace
// may not even join.
func TestJointIPEPolicy(t *testing.T) {
	actor := func(role laeringsliv.Role, wp int64) *laeringsliv.Actor {
		return &laeringsliv.Actor{Person: &laeringsliv.Person{ID: 9, InstitutionID: 1},
			Memberships: []*laeringsliv.Membership{{InstitutionID: 1, PersonID: 9, Role: role, ProgrammeID: 2, WorkplaceID: wp}}}
	}
	joint := laeringsliv.Resource{InstitutionID: 1, ProgrammeID: 2, WorkplaceID: 3, OwnerID: 1, Guests: []int64{4}}
	tests := []struct {
		name   string
		a      *laeringsliv.Actor
		action laeringsliv.Action
		want   bool
	}{
		{"host member joins", actor(laeringsliv.RoleParticipant, 3), laeringsliv.ActionIPEJoinMembers, true},
		{"guest member joins", actor(laeringsliv.RoleParticipant, 4), laeringsliv.ActionIPEJoinMembers, true},
		{"guest union rep joins", actor(laeringsliv.RoleUnionRep, 4), laeringsliv.ActionIPEJoinMembers, true},
		{"uninvited member", actor(laeringsliv.RoleParticipant, 5), laeringsliv.ActionIPEJoinMembers, false},
		{"guest leader facilitates", actor(laeringsliv.RoleLeader, 4), laeringsliv.ActionIPEFacilitate, false},
		{"guest member views the host's sessions", actor(laeringsliv.RoleParticipant, 4), laeringsliv.ActionIPEView, false},
		{"guest leader creates in the host", actor(laeringsliv.RoleLeader, 4), laeringsliv.ActionIPECreate, false},
		{"guest leader sees the host's innovations", actor(laeringsliv.RoleLeader, 4), laeringsliv.ActionViewInnovation, false},
	}
	for _, tt := range tests {
		if got := tt.a.Can(tt.action, joint); got != tt.want {
			t.Errorf("%s: Can(%s) = %v, want %v", tt.name, tt.action, got, tt.want)
		}
	}
}
