package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// Colleagues' position percentages are for those who plan the work (leaders and teachers),
// not for everyone on the staff.
func TestWorkplacePositionsOnlyForPlanners(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	p := f.people[laeringsliv.RoleParticipant]
	p.PositionPct = 73
	must(t, f.db.UpdatePerson(context.Background(), p))
	for role, want := range map[laeringsliv.Role]bool{
		laeringsliv.RoleParticipant: false, laeringsliv.RoleUnionRep: false,
		laeringsliv.RoleLeader: true, laeringsliv.RoleTeacher: true, laeringsliv.RoleAdmin: true,
	} {
		resp, body := f.do(t, f.signIn(t, role), http.MethodGet, "/workplaces/"+itoa(f.own.ID), nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", role, resp.StatusCode)
		}
		if got := strings.Contains(body, "73 %"); got != want {
			t.Errorf("%s sees position percentages: %v, want %v", role, got, want)
		}
	}
}
