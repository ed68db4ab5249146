package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestIdentity(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		id := &laeringsliv.Identity{PersonID: o.person.ID, Issuer: "https://idp.example", Subject: "kari@uit.no"}
		must(t, db.CreateIdentity(ctx, id))
		got, err := db.FindIdentity(ctx, o.person.InstitutionID, "https://idp.example", "kari@uit.no")
		must(t, err)
		if got.PersonID != o.person.ID || got.InstitutionID != o.person.InstitutionID {
			t.Errorf("found %+v", got)
		}
		again := &laeringsliv.Identity{PersonID: o.person.ID, Issuer: "https://idp.example", Subject: "kari@uit.no"}
		if err := db.CreateIdentity(ctx, again); laeringsliv.ErrorCode(err) != laeringsliv.ECONFLICT {
			t.Errorf("linked twice: %v", err)
		}
		_, err = db.FindIdentity(ctx, o.person.InstitutionID+1, "https://idp.example", "kari@uit.no")
		wantNotFound(t, err) // another institution sees nothing
		_, err = db.FindIdentity(ctx, o.person.InstitutionID, "https://other.example", "kari@uit.no")
		wantNotFound(t, err)
	})
}
