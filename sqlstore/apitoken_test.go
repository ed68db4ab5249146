package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestAPIToken(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		tok := &laeringsliv.APIToken{PersonID: o.person.ID, TokenHash: laeringsliv.HashToken(laeringsliv.NewAPIToken())}
		must(t, db.CreateAPIToken(ctx, tok))
		got, err := db.FindAPIToken(ctx, tok.TokenHash)
		must(t, err)
		if *got != *tok || got.InstitutionID != o.inst.ID {
			t.Fatalf("found %+v, want %+v", got, tok)
		}
		_, err = db.FindAPIToken(ctx, "nope")
		wantNotFound(t, err)
		wantNotFound(t, db.CreateAPIToken(ctx, &laeringsliv.APIToken{PersonID: 9999, TokenHash: "x"}))
	})
}
