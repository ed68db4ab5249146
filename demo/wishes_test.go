package demo_test

import (
	"context"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore"
)

// checkWishes: each workplace has a few colleague wishes for its groups, and the demo
// participant, whose page the tour shows, starts with none.
func checkWishes(t *testing.T, db *sqlstore.DB, res *demo.Result) {
	t.Helper()
	ctx := context.Background()
	for _, wp := range res.WorkplaceIDs {
		ws, err := db.WorkplaceColleagueWishes(ctx, wp, res.PersonIDs)
		if err != nil || len(ws) != 3 {
			t.Errorf("workplace %d: %d wishes, %v; want 3", wp, len(ws), err)
		}
	}
	for _, l := range res.Logins {
		if l.Role != laeringsliv.RoleParticipant {
			continue
		}
		p, err := db.FindPersonByEmail(ctx, l.Email)
		if err != nil {
			t.Fatal(err)
		}
		for _, wp := range res.WorkplaceIDs {
			if own, err := db.FindColleagueWishes(ctx, p.ID, wp); err != nil || len(own) != 0 {
				t.Errorf("the demo participant has wishes %v, %v", own, err)
			}
		}
	}
}
