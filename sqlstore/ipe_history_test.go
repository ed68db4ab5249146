package sqlstore_test

import (
	"testing"

	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestFillIPEHistory(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		n, err := db.FillIPEHistory(ctx, newOrg(t, db).wpA.ID, 1500, 250)
		must(t, err)
		if n != 3 {
			t.Errorf("%d sessions, want 3", n)
		}
		_, read := db.Pools()
		var notes, parts int
		must(t, read.QueryRowContext(ctx, `SELECT COUNT(*) FROM ipe_notes`).Scan(&notes))
		must(t, read.QueryRowContext(ctx, `SELECT COUNT(*) FROM ipe_participants`).Scan(&parts))
		if notes != 1500 || parts != 252 {
			t.Errorf("%d notes and %d participants, want 1500 and 252", notes, parts)
		}
	})
}
