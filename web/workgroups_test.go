package web

import (
	"context"
	"strings"
	"testing"

	"laeringsliv"
)

// fillWorkGroup replaces a work group's path parameter with a group of the workplace holding
// one of its participants: the fixture's own in the own workplace, a fresh one elsewhere.
func (f *fixture) fillWorkGroup(t *testing.T, path string, wp *laeringsliv.Workplace) string {
	t.Helper()
	if !strings.Contains(path, "/work-groups/{group}") {
		return path
	}
	ctx := context.Background()
	member := f.people[laeringsliv.RoleParticipant]
	if wp.ID != f.own.ID {
		member = &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Deltaker", Email: laeringsliv.NewToken()[:12] + "@x.no"}
		must(t, f.db.CreatePerson(ctx, member))
		must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: member.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: wp.ID}))
	}
	g := &laeringsliv.WorkGroup{Name: "Arbeidsgruppe 1", Members: []int64{member.ID}}
	must(t, f.db.ReplaceWorkGroups(ctx, wp.ID, []*laeringsliv.WorkGroup{g}))
	return strings.Replace(path, "{group}", itoa(g.ID), 1)
}
