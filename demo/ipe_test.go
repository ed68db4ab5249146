package demo_test

import (
	"context"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore/sqltest"
)

// Each workplace gets one completed IPE session, its groups' ranked notes and one idea kept
// into the innovation registry.
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
		ideas, err := db.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: wid})
		if err != nil || len(ideas) != 1 || ideas[0].SessionID() != sessions[0].ID || ideas[0].CreatedBy != 0 {
			t.Fatalf("kept ideas %+v, %v", ideas, err)
		}
	}
}
