package sqlstore_test

import (
	"slices"
	"testing"

	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

var tables = []string{"institutions", "programmes", "workplaces", "projects", "persons",
	"password_hashes", "memberships", "login_sessions", "invitations"}

// columns returns each table's columns, in order, as the engine reports them.
func columns(t *testing.T, db *sqlstore.DB) map[string][]string {
	t.Helper()
	_, read := db.Pools()
	out := map[string][]string{}
	for _, table := range tables {
		rows, err := read.QueryContext(ctx, `SELECT * FROM `+table+` LIMIT 0`)
		must(t, err)
		cols, err := rows.Columns()
		must(t, err)
		must(t, rows.Close())
		out[table] = cols
	}
	return out
}

// Both engines have the same tables with the same columns, and every table but institutions
// carries the institution key.
func TestSchema(t *testing.T) {
	sqliteCols := columns(t, sqltest.OpenSQLite(t))
	pgCols := columns(t, sqltest.OpenPostgres(t))
	for _, table := range tables {
		if !slices.Equal(sqliteCols[table], pgCols[table]) {
			t.Errorf("%s: sqlite columns %v, postgres %v", table, sqliteCols[table], pgCols[table])
		}
		if table != "institutions" && !slices.Contains(sqliteCols[table], "institution_id") {
			t.Errorf("%s has no institution_id", table)
		}
	}
}
