package demo_test

import (
	"context"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore"
)

// checkSharing: one innovation shared by the first site and adopted by the second, with a
// question and its answer, and one shared IPE question with prioritised notes.
func checkSharing(t *testing.T, db *sqlstore.DB, res *demo.Result) {
	t.Helper()
	ctx := context.Background()
	shares, err := db.FindShares(ctx, laeringsliv.ShareFilter{InstitutionID: res.InstitutionID, ActiveOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[laeringsliv.ShareKind]*laeringsliv.Share{}
	for _, sh := range shares {
		kinds[sh.Kind] = sh
	}
	inn, q := kinds[laeringsliv.ShareInnovation], kinds[laeringsliv.ShareIPEQuestion]
	if len(shares) != 2 || inn == nil || q == nil || len(q.Items) == 0 {
		t.Fatalf("demo shares: %+v", shares)
	}
	adoptions, err := db.FindAdoptions(ctx, laeringsliv.AdoptionFilter{OriginInnovationID: inn.RefID})
	if err != nil || len(adoptions) != 1 || adoptions[0].WorkplaceID != res.WorkplaceIDs[1] {
		t.Fatalf("adoptions %+v, %v", adoptions, err)
	}
	comments, err := db.FindShareComments(ctx, inn.ID)
	if err != nil || len(comments) != 2 {
		t.Fatalf("comments %+v, %v", comments, err)
	}
}
