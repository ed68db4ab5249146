package web

import (
	"context"
	"strings"
	"testing"

	"laeringsliv"
)

// fillWish points {wish} at a wish of the walk's participant about the contributor, in the
// own workplace (the only one where both belong), making it when there is none.
func (f *fixture) fillWish(t *testing.T, path string, _ *laeringsliv.Workplace) string {
	if !strings.Contains(path, "{wish}") {
		return path
	}
	ctx := context.Background()
	me := f.people[laeringsliv.RoleParticipant].ID
	list, err := f.db.FindColleagueWishes(ctx, me, f.own.ID)
	must(t, err)
	if len(list) == 0 {
		w := &laeringsliv.ColleagueWish{WorkplaceID: f.own.ID, PersonID: me, OtherID: f.people[laeringsliv.RoleContributor].ID}
		must(t, f.db.AddColleagueWish(ctx, w))
		list = append(list, w)
	}
	return strings.Replace(path, "{wish}", itoa(list[0].ID), 1)
}
