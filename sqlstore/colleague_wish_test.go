package sqlstore_test

import (
	"fmt"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestColleagueWishes adds, refuses, lists and removes a person's wishes, and leaves out of
// group formation a wish about a colleague who has left, on both engines.
func TestColleagueWishes(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		member := func(name string, role laeringsliv.Role, wp *laeringsliv.Workplace) (*laeringsliv.Person, *laeringsliv.Membership) {
			p := newPerson(t, db, o.inst.ID, name, laeringsliv.NewToken()[:10]+"@example.no")
			m := &laeringsliv.Membership{PersonID: p.ID, Role: role, WorkplaceID: wp.ID}
			must(t, db.CreateMembership(ctx, m))
			return p, m
		}
		kari := o.person
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: kari.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpA.ID}))
		ola, olaM := member("Ola", laeringsliv.RoleParticipant, o.wpA)
		per, _ := member("Per", laeringsliv.RoleContributor, o.wpA)
		leader, _ := member("Lise", laeringsliv.RoleLeader, o.wpA)
		away, _ := member("Anne", laeringsliv.RoleParticipant, o.wpB)
		wish := func(other *laeringsliv.Person, together bool) (*laeringsliv.ColleagueWish, error) {
			w := &laeringsliv.ColleagueWish{WorkplaceID: o.wpA.ID, PersonID: kari.ID, OtherID: other.ID, Together: together}
			return w, db.AddColleagueWish(ctx, w)
		}
		w1, err := wish(ola, true)
		must(t, err)
		if w1.ID == 0 || w1.InstitutionID != o.inst.ID {
			t.Fatalf("added %+v", w1)
		}
		_, err = wish(per, false)
		must(t, err)
		for _, tc := range []struct {
			name  string
			other *laeringsliv.Person
			key   string
		}{
			{"oneself", kari, "wishes.error.self"},
			{"another workplace", away, "wishes.error.other"},
			{"a leader", leader, "wishes.error.other"},
			{"the same colleague again", ola, "wishes.error.duplicate"},
		} {
			if _, err := wish(tc.other, false); laeringsliv.ErrorKey(err) != tc.key {
				t.Errorf("%s: %v, want %s", tc.name, err, tc.key)
			}
		}
		for i := range laeringsliv.MaxColleagueWishes - 1 {
			p, _ := member(fmt.Sprint("Kollega ", i), laeringsliv.RoleParticipant, o.wpA)
			_, err := wish(p, true)
			must(t, err)
		}
		extra, _ := member("En til", laeringsliv.RoleParticipant, o.wpA)
		if _, err := wish(extra, true); laeringsliv.ErrorKey(err) != "wishes.error.too_many" {
			t.Fatalf("fourth with: %v", err)
		}
		if _, err := wish(extra, false); err != nil {
			t.Fatalf("second apart: %v", err)
		}

		list, err := db.FindColleagueWishes(ctx, kari.ID, o.wpA.ID)
		must(t, err)
		if len(list) != 5 || list[0].OtherID != ola.ID || !list[0].Together || list[1].OtherID != per.ID || list[1].Together {
			t.Fatalf("own wishes %+v", list)
		}
		if other, err := db.FindColleagueWishes(ctx, ola.ID, o.wpA.ID); err != nil || len(other) != 0 {
			t.Fatalf("Ola's wishes: %v %v", other, err)
		}

		all, err := db.WorkplaceColleagueWishes(ctx, o.wpA.ID, []int64{kari.ID, ola.ID, per.ID})
		must(t, err)
		if len(all) != 5 || all[0] != (laeringsliv.GroupWish{PersonID: kari.ID, OtherID: ola.ID, Together: true}) {
			t.Fatalf("for grouping %+v", all)
		}
		if none, err := db.WorkplaceColleagueWishes(ctx, o.wpA.ID, []int64{ola.ID}); err != nil || len(none) != 0 {
			t.Fatalf("only Ola placed: %v %v", none, err)
		}
		must(t, db.DeleteMembership(ctx, olaM.ID)) // Ola leaves the workplace
		all, err = db.WorkplaceColleagueWishes(ctx, o.wpA.ID, []int64{kari.ID})
		must(t, err)
		if len(all) != 4 || all[0].OtherID != per.ID {
			t.Fatalf("after Ola left %+v", all)
		}

		if err := db.DeleteColleagueWish(ctx, ola.ID, o.wpA.ID, w1.ID); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Fatalf("someone else deletes: %v", err)
		}
		must(t, db.DeleteColleagueWish(ctx, kari.ID, o.wpA.ID, w1.ID))
		if err := db.DeleteColleagueWish(ctx, kari.ID, o.wpA.ID, w1.ID); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Fatalf("delete twice: %v", err)
		}
	})
}
