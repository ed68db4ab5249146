package sqlstore_test

import (
	"reflect"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestIPEGuests(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		s := newIPESession(t, db, o) // hosted by o.wpA
		wpC := newWorkplace(t, db, o.other.ID, "Sentrum sykehjem")
		must(t, db.SetIPEGuests(ctx, s.ID, []int64{o.wpB.ID, wpC.ID, o.wpB.ID}))
		got, err := db.FindIPEGuests(ctx, s.ID)
		must(t, err)
		if want := []int64{o.wpB.ID, wpC.ID}; !reflect.DeepEqual(got, want) {
			t.Fatalf("guests %v, want %v", got, want)
		}
		joint, err := db.FindJointIPESessions(ctx, wpC.ID)
		must(t, err)
		if len(joint) != 1 || joint[0].ID != s.ID || joint[0].WorkplaceID != o.wpA.ID {
			t.Fatalf("joint sessions of C: %+v", joint)
		}
		// The host keeps its sessions; the guests' own lists do not hold them.
		own, err := db.FindIPESessions(ctx, wpC.ID)
		must(t, err)
		if len(own) != 0 {
			t.Fatalf("a guest's own sessions: %+v", own)
		}

		// The host is not its own guest; nor is a workplace of another institution. A refused
		// change keeps the guests as they were.
		wantCode(t, db.SetIPEGuests(ctx, s.ID, []int64{o.wpA.ID}), laeringsliv.EINVALID, "ipe.joint.error.guest_invalid")
		o2 := newOrg(t, db)
		wantCode(t, db.SetIPEGuests(ctx, s.ID, []int64{o2.wpA.ID}), laeringsliv.EINVALID, "ipe.joint.error.guest_invalid")
		wantCode(t, db.SetIPEGuests(ctx, s.ID, []int64{99999}), laeringsliv.EINVALID, "ipe.joint.error.guest_invalid")
		got, err = db.FindIPEGuests(ctx, s.ID)
		must(t, err)
		if len(got) != 2 {
			t.Fatalf("guests after refused changes: %v", got)
		}
		must(t, db.SetIPEGuests(ctx, s.ID, nil))
		if got, err = db.FindIPEGuests(ctx, s.ID); err != nil || len(got) != 0 {
			t.Fatalf("guests after clearing: %v, %v", got, err)
		}
	})
}
