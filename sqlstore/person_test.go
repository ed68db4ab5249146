package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestPerson(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		p := &laeringsliv.Person{InstitutionID: o.inst.ID, Name: "Ola", Email: "  Ola.Nordmann@Example.NO ",
			Profession: laeringsliv.ProfessionHealthWorker, PositionPct: 60}
		must(t, db.CreatePerson(ctx, p))
		if p.ID == 0 || p.Email != "ola.nordmann@example.no" || !recent(p.CreatedAt) {
			t.Fatalf("created %+v", p)
		}
		got, err := db.FindPerson(ctx, p.ID)
		must(t, err)
		if *got != *p {
			t.Fatalf("found %+v, want %+v", got, p)
		}
		got, err = db.FindPersonByEmail(ctx, "OLA.nordmann@example.no ")
		must(t, err)
		if got.ID != p.ID {
			t.Fatalf("FindPersonByEmail = %+v", got)
		}

		p.Name, p.ShiftTeam, p.Locale = "Ola N.", "Natt", "nn"
		p.InstitutionID = o.inst.ID
		must(t, db.UpdatePerson(ctx, p))
		got, err = db.FindPerson(ctx, p.ID)
		must(t, err)
		if *got != *p {
			t.Fatalf("after update found %+v, want %+v", got, p)
		}

		_, err = db.FindPerson(ctx, 999)
		wantNotFound(t, err)
		_, err = db.FindPersonByEmail(ctx, "nobody@example.no")
		wantNotFound(t, err)
		wantNotFound(t, db.UpdatePerson(ctx, &laeringsliv.Person{ID: 999, InstitutionID: o.inst.ID,
			Name: "x", Email: "x@example.no"}))
		wantNotFound(t, db.CreatePerson(ctx, &laeringsliv.Person{InstitutionID: 999, Name: "x",
			Email: "x@example.no"}))
		wantCode(t, db.CreatePerson(ctx, &laeringsliv.Person{InstitutionID: o.inst.ID, Name: "x",
			Email: "not an address"}), laeringsliv.EINVALID, "error.email_invalid")
	})
}

func TestPersonEmailConflict(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db) // has kari@example.no
		dup := &laeringsliv.Person{InstitutionID: o.inst.ID, Name: "Kari 2", Email: "KARI@example.no"}
		wantCode(t, db.CreatePerson(ctx, dup), laeringsliv.ECONFLICT, "error.email_taken")

		other := newPerson(t, db, o.inst.ID, "Per", "per@example.no")
		other.Email = "Kari@Example.no"
		wantCode(t, db.UpdatePerson(ctx, other), laeringsliv.ECONFLICT, "error.email_taken")

		// The same address in another institution is another account.
		inst2 := &laeringsliv.Institution{Name: "NTNU"}
		must(t, db.CreateInstitution(ctx, inst2))
		newPerson(t, db, inst2.ID, "Kari i Trondheim", "kari@example.no")
		got, err := db.FindPersonByEmail(ctx, "kari@example.no")
		must(t, err)
		if got.ID != o.person.ID {
			t.Fatalf("FindPersonByEmail picked %+v, want the oldest account", got)
		}
	})
}

func TestFindPersons(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db) // Kari
		anne := newPerson(t, db, o.inst.ID, "Anne", "anne@example.no")
		bo := newPerson(t, db, o.inst.ID, "Bo", "bo@example.no")
		inst2 := &laeringsliv.Institution{Name: "NTNU"}
		must(t, db.CreateInstitution(ctx, inst2))
		newPerson(t, db, inst2.ID, "Zed", "zed@example.no")

		for _, m := range []*laeringsliv.Membership{
			{PersonID: anne.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpA.ID},
			{PersonID: anne.ID, Role: laeringsliv.RoleUnionRep, WorkplaceID: o.wpA.ID}, // no duplicate row
			{PersonID: o.person.ID, Role: laeringsliv.RoleLeader, WorkplaceID: o.wpA.ID},
			{PersonID: bo.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpB.ID},
		} {
			must(t, db.CreateMembership(ctx, m))
		}
		names := func(f laeringsliv.PersonFilter) []string {
			t.Helper()
			list, err := db.FindPersons(ctx, f)
			must(t, err)
			out := []string{}
			for _, p := range list {
				out = append(out, p.Name)
			}
			return out
		}
		for _, c := range []struct {
			f    laeringsliv.PersonFilter
			want []string
		}{
			{laeringsliv.PersonFilter{InstitutionID: o.inst.ID}, []string{"Anne", "Bo", "Kari Nordmann"}},
			{laeringsliv.PersonFilter{}, []string{"Anne", "Bo", "Kari Nordmann", "Zed"}},
			{laeringsliv.PersonFilter{WorkplaceID: o.wpA.ID}, []string{"Anne", "Kari Nordmann"}},
			{laeringsliv.PersonFilter{InstitutionID: o.inst.ID, WorkplaceID: o.wpB.ID}, []string{"Bo"}},
			{laeringsliv.PersonFilter{InstitutionID: inst2.ID, WorkplaceID: o.wpB.ID}, []string{}},
		} {
			if got := names(c.f); !equalStrings(got, c.want) {
				t.Errorf("FindPersons(%+v) = %v, want %v", c.f, got, c.want)
			}
		}
	})
}

func TestPasswordHash(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		_, err := db.PasswordHash(ctx, o.person.ID)
		wantNotFound(t, err)
		must(t, db.SetPasswordHash(ctx, o.person.ID, "$argon2id$v=19$first"))
		must(t, db.SetPasswordHash(ctx, o.person.ID, "$argon2id$v=19$second"))
		hash, err := db.PasswordHash(ctx, o.person.ID)
		must(t, err)
		if hash != "$argon2id$v=19$second" {
			t.Fatalf("PasswordHash = %q", hash)
		}
		wantNotFound(t, db.SetPasswordHash(ctx, 999, "$argon2id$v=19$x"))
		wantCode(t, db.SetPasswordHash(ctx, o.person.ID, ""), laeringsliv.EINVALID, "")
	})
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
