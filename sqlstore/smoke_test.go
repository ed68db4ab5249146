package sqlstore_test

import (
	"testing"

	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestSmoke(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		t.Log(db.Dialect(), o.inst.ID, o.wpA.InstitutionID)
	})
}
