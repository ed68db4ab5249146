package demo_test

import (
	"context"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore"
)

// checkWorkGroups: every workplace has work groups of three to five, and everyone on its rota
// who does the innovation work (participants and contributors) is in exactly one of them.
func checkWorkGroups(t *testing.T, db *sqlstore.DB, res *demo.Result) {
	t.Helper()
	ctx := context.Background()
	for _, wp := range res.WorkplaceIDs {
		groups, err := db.FindWorkGroups(ctx, wp)
		if err != nil {
			t.Fatal(err)
		}
		if len(groups) == 0 {
			t.Fatalf("workplace %d has no work groups", wp)
		}
		ms, err := db.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: wp})
		if err != nil {
			t.Fatal(err)
		}
		staff := map[int64]bool{}
		for _, m := range ms {
			if m.Role == laeringsliv.RoleParticipant || m.Role == laeringsliv.RoleContributor {
				staff[m.PersonID] = true
			}
		}
		placed, linked := map[int64]int{}, 0
		for _, g := range groups {
			if len(g.Members) < 3 || len(g.Members) > 5 {
				t.Errorf("workplace %d: %s has %d members", wp, g.Name, len(g.Members))
			}
			if g.InnovationID != 0 {
				linked++
			}
			for _, id := range g.Members {
				placed[id]++
				if !staff[id] {
					t.Errorf("workplace %d: %s holds %d, not on its staff", wp, g.Name, id)
				}
			}
		}
		for id := range staff {
			if placed[id] != 1 {
				t.Errorf("workplace %d: person %d is in %d groups", wp, id, placed[id])
			}
		}
		if linked == 0 {
			t.Errorf("workplace %d: no group works on an innovation", wp)
		}
		t.Logf("workplace %d: %d people in %d work groups, %d on an innovation", wp, len(placed), len(groups), linked)
	}
}
