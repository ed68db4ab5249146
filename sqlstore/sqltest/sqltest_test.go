package sqltest_test

import (
	"context"
	"database/sql"
	"laeringsliv/internal/ci"
	"os"
	"strings"
	"testing"

	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestMain(m *testing.M) { os.Exit(sqltest.RunMain(m)) }

func TestEachEngine(t *testing.T) {
	var seen []string
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		if !strings.HasSuffix(t.Name(), "/"+db.Dialect()) {
			t.Errorf("subtest %s runs on %s", t.Name(), db.Dialect())
		}
		seen = append(seen, db.Dialect())
		if empty, err := db.Empty(context.Background()); err != nil || !empty {
			t.Errorf("fresh database: Empty() = %v, %v", empty, err)
		}
	})
	if len(seen) != 2 && ci.On() {
		t.Fatalf("ran on %v, want both engines", seen)
	}
}

// Each URL names a fresh, empty database of its own.
func TestPostgresURL(t *testing.T) {
	a, b := sqltest.PostgresURL(t), sqltest.PostgresURL(t)
	if a == b {
		t.Fatalf("two calls gave the same database %s", a)
	}
	db, err := sql.Open("pgx", a)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables int
	if err := db.QueryRow(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Fatalf("fresh database has %d tables", tables)
	}
}
