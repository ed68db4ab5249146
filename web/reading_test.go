package web

import (
	"context"
	"strings"
	"testing"

	"laeringsliv"
)

// fillReadingPath replaces the reading workshop's path parameters with a syllabus text of the
// programme and a workshop of the workplace whose one group holds a participant: the fixture's
// own participant in the own workplace, a fresh one in a foreign workplace.
func (f *fixture) fillReadingPath(t *testing.T, path string, wp *laeringsliv.Workplace, prog *laeringsliv.Programme) string {
	t.Helper()
	ctx := context.Background()
	if strings.Contains(path, "{text}") {
		s := &laeringsliv.SyllabusText{ProgrammeID: prog.ID, Title: "Tekst", Authors: "A", Year: 2016,
			Language: laeringsliv.LanguageDanish, Pages: 10}
		must(t, f.db.CreateSyllabusText(ctx, s))
		path = strings.Replace(path, "{text}", itoa(s.ID), 1)
	}
	if !strings.Contains(path, "{workshop}") {
		return path
	}
	member := f.people[laeringsliv.RoleParticipant]
	if wp.ID != f.own.ID {
		member = &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Deltaker", Email: laeringsliv.NewToken()[:12] + "@x.no"}
		must(t, f.db.CreatePerson(ctx, member))
		must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: member.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: wp.ID}))
	}
	ws := &laeringsliv.Workshop{WorkplaceID: wp.ID, Title: "Leseverksted", Grouping: laeringsliv.GroupingRandom}
	g := &laeringsliv.ReadingGroup{Number: 1, MemberIDs: []int64{member.ID}}
	must(t, f.db.CreateWorkshop(ctx, ws, []*laeringsliv.ReadingGroup{g}))
	path = strings.Replace(path, "{workshop}", itoa(ws.ID), 1)
	return strings.Replace(path, "{group}", itoa(g.ID), 1)
}
