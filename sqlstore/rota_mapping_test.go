package sqlstore_test

import (
	"testing"

	"laeringsliv/rota"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// A workplace's column choices are remembered, replaced by the next, and kept apart from
// another workplace's.
func TestRotaMapping(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		c, err := db.FindRotaMapping(ctx, o.wpA.ID)
		must(t, err)
		if c != (rota.Columns{}) {
			t.Fatalf("a workplace without a mapping: %+v", c)
		}
		must(t, db.SaveRotaMapping(ctx, o.wpA.ID, rota.Columns{Person: "Ansattnr", Date: "Dato", Start: "Fra", End: "Til", Code: "Vakt"}))
		must(t, db.SaveRotaMapping(ctx, o.wpA.ID, rota.Columns{Person: "E-post", Date: "Dato", Start: "Fra", End: "Til"}))
		if c, err = db.FindRotaMapping(ctx, o.wpA.ID); err != nil || c.Person != "E-post" || c.Code != "" {
			t.Fatalf("mapping %+v %v", c, err)
		}
		if c, _ = db.FindRotaMapping(ctx, o.wpB.ID); c != (rota.Columns{}) {
			t.Fatalf("another workplace sees %+v", c)
		}
		wantNotFound(t, db.SaveRotaMapping(ctx, 99999, rota.Columns{}))
	})
}
