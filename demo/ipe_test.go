package demo_test

import (
	"context"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore/sqltest"
)

// Each workplace gets one completed IPE session, its groups' ranked notes and one kept idea.
func TestSeedIPE(t *testing.T) {
	db := sqltest.OpenSQLite(t)
	ctx := context.Background()
	res, err := demo.Seed(ctx, demo.Services{Org: db, People: db, Members: db, Auth: db, IPE: db},
		func(string) (string, error) { return "x", nil })
	if err != nil {
		t.Fatal(err)
	}
	for _, wid := range res.WorkplaceIDs {
		sessions, err := db.FindIPESessions(ctx, wid)
		if err != nil || len(sessions) != 1 || sessions[0].Phase != laeringsliv.IPEPhaseClosed {
			t.Fatalf("workplace %d: sessions %+v, %v", wid, sessions, err)
		}
		draws, err := db.FindIPEDraws(ctx, sessions[0].ID)
		if err != nil || len(draws) != 8 || draws[0].Votes == 0 {
			t.Fatalf("draws %d, %v", len(draws), err)
		}
		ideas, err := db.FindIPEIdeas(ctx, wid)
		if err != nil || len(ideas) != 1 {
			t.Fatalf("ideas %+v, %v", ideas, err)
		}
	}
}
