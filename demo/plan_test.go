package demo

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"laeringsliv"
)

// The plan is checked without a database: counts, uniqueness, validity and determinism.
func TestPlan(t *testing.T) {
	members := plan()
	if !reflect.DeepEqual(members, plan()) {
		t.Fatal("plan is not deterministic")
	}
	participants := make([]int, len(sites))
	roles := map[laeringsliv.Role]int{}
	emails := map[string]bool{}
	for _, m := range members {
		p := m.person
		p.InstitutionID = 1
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.Email, err)
		}
		if emails[p.Email] {
			t.Errorf("duplicate e-mail %s", p.Email)
		}
		emails[p.Email] = true
		if p.Email != laeringsliv.NormalizeEmail(p.Email) {
			t.Errorf("e-mail %q is not normalised", p.Email)
		}
		roles[m.role]++
		if m.role == laeringsliv.RoleParticipant {
			participants[m.site]++
		}
	}
	if want := []int{15, 27, 19, 21}; !reflect.DeepEqual(participants, want) {
		t.Errorf("participants per workplace = %v, want %v", participants, want)
	}
	contributors := roles[laeringsliv.RoleContributor]
	delete(roles, laeringsliv.RoleContributor)
	want := map[laeringsliv.Role]int{
		laeringsliv.RoleParticipant: 82, laeringsliv.RoleLeader: 4, laeringsliv.RoleUnionRep: 4,
		laeringsliv.RoleTeacher: 2, laeringsliv.RoleAdmissions: 1, laeringsliv.RoleAdmin: 1,
	}
	if !reflect.DeepEqual(roles, want) || contributors == 0 {
		t.Errorf("roles = %v and %d contributors, want %v and some contributors", roles, contributors, want)
	}
}

// The positions of each workplace's staff (leader, union representative, participants and
// contributors) add up to exactly the FTEs of Table 2, each between 20 and 100 %, and a
// position above the largest weekend one is never a weekend position.
func TestPlanPositionsMatchFTEs(t *testing.T) {
	sums := make([]int, len(sites))
	for _, m := range plan() {
		if m.site < 0 {
			continue
		}
		p := m.person
		sums[m.site] += p.PositionPct
		if p.PositionPct < minPositionPct || p.PositionPct > 100 {
			t.Errorf("%s (%s) has a %d %% position", p.Name, m.role, p.PositionPct)
		}
		if strings.HasPrefix(p.ShiftTeam, "Helg") && p.PositionPct > slices.Max(weekendPcts) {
			t.Errorf("%s (%s) has a %d %% weekend position", p.Name, m.role, p.PositionPct)
		}
	}
	for i, s := range sites {
		if want := int(s.ftes * 100); sums[i] != want {
			t.Errorf("%s: positions add up to %d %%, want %d %% (%.0f FTEs)", s.name, sums[i], want, s.ftes)
		}
	}
}

func TestPlanMix(t *testing.T) {
	var partTime, weekend, n int
	for _, m := range plan() {
		if m.role != laeringsliv.RoleParticipant {
			continue
		}
		n++
		if m.person.PositionPct < 100 {
			partTime++
		}
		if m.person.ShiftTeam == "Helg 1" || m.person.ShiftTeam == "Helg 2" {
			weekend++
		}
	}
	if partTime*2 < n {
		t.Errorf("%d of %d participants part-time; want most", partTime, n)
	}
	if weekend == 0 || weekend*2 > n {
		t.Errorf("%d of %d participants on weekend teams; want some, not most", weekend, n)
	}
}

func TestLogins(t *testing.T) {
	logins := Logins()
	if len(logins) != len(laeringsliv.Roles()) {
		t.Fatalf("got %d logins, want %d", len(logins), len(laeringsliv.Roles()))
	}
	for i, l := range logins {
		if l.Role != laeringsliv.Roles()[i] || l.Email == "" || l.Name == "" {
			t.Errorf("login %d = %+v", i, l)
		}
	}
	if err := laeringsliv.ValidatePassword(Password); err != nil {
		t.Errorf("demo password rejected: %v", err)
	}
}
