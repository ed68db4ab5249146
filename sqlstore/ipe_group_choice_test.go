package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// In a session grouped by hand, a participant picks a group of that session until the draw
// begins; in one grouped at random the groups are fixed.
func TestChooseIPEGroup(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		hand := &laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva?",
			Grouping: laeringsliv.IPEGroupingHand}
		must(t, db.CreateIPESession(ctx, hand, []string{"Nattevakt", "Dagvakt"}, nil))
		random := newIPESession(t, db, o)
		groups, err := db.FindIPEGroups(ctx, hand.ID)
		must(t, err)
		otherGroups, err := db.FindIPEGroups(ctx, random.ID)
		must(t, err)
		p, pToken, err := db.JoinIPE(ctx, hand.ID, 0)
		must(t, err)
		p.Token = pToken
		if p.GroupID != groups[0].ID {
			t.Fatalf("placed in %d", p.GroupID)
		}
		must(t, db.ChooseIPEGroup(ctx, p, groups[1].ID))
		groups, err = db.FindIPEGroups(ctx, hand.ID)
		must(t, err)
		if p.GroupID != groups[1].ID || groups[1].Members != 1 || groups[0].Members != 0 {
			t.Fatalf("after choosing: %d, groups %+v %+v", p.GroupID, groups[0], groups[1])
		}
		wantCode(t, db.ChooseIPEGroup(ctx, p, otherGroups[0].ID), laeringsliv.EINVALID, "ipe.error.group_invalid")
		advance(t, db, hand) // capture: still free
		must(t, db.ChooseIPEGroup(ctx, p, groups[0].ID))

		q, qToken, err := db.JoinIPE(ctx, random.ID, 0)
		must(t, err)
		q.Token = qToken
		wantCode(t, db.ChooseIPEGroup(ctx, q, otherGroups[1].ID), laeringsliv.EINVALID, "ipe.error.group_fixed")
	})
}
