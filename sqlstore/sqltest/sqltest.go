// Package sqltest opens real databases for tests: a fresh SQLite file per test, and a fresh
// database on a PostgreSQL server, either the one LAERINGSLIV_TEST_POSTGRES names or a
// throwaway server started once per test binary from the locally installed binaries.
//
// A package that uses PostgreSQL calls RunMain from TestMain, so that the server stops:
//
//	func TestMain(m *testing.M) { os.Exit(sqltest.RunMain(m)) }
package sqltest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"laeringsliv/internal/ci"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"

	"laeringsliv/sqlstore"
)

// EnvPostgres names a PostgreSQL server on which the tests may create databases.
const EnvPostgres = "LAERINGSLIV_TEST_POSTGRES"

// RunMain runs the tests, then stops the PostgreSQL server if one was started.
func RunMain(m *testing.M) int {
	code := m.Run()
	shared.stop()
	return code
}

// OpenSQLite returns a fresh, migrated SQLite database in tb.TempDir(), closed by Cleanup.
func OpenSQLite(tb testing.TB) *sqlstore.DB {
	tb.Helper()
	return open(tb, filepath.Join(tb.TempDir(), "test.db"))
}

// OpenPostgres returns a fresh, migrated, empty database on the test server, closed by
// Cleanup.
func OpenPostgres(tb testing.TB) *sqlstore.DB {
	tb.Helper()
	return open(tb, PostgresURL(tb))
}

// PostgresURL creates a fresh empty database on the test server and returns its URL, for
// tests that start the whole application.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	admin := shared.admin(tb)
	name := "test_" + randomHex(8)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("sqltest: create database: %v", err)
	}
	if shared.external {
		// Someone else's server: leave it as we found it.
		tb.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
				tb.Logf("sqltest: drop database %s: %v", name, err)
			}
		})
	}
	u := *shared.url
	u.Path = "/" + name
	return u.String()
}

// DatabaseURL returns the URL of the named database on the test server, for tools such as
// pg_dump that connect by themselves.
func DatabaseURL(tb testing.TB, name string) string {
	tb.Helper()
	shared.admin(tb)
	u := *shared.url
	u.Path = "/" + name
	return u.String()
}

// EachEngine runs f as the subtests "sqlite" and "postgres", each with a fresh database.
func EachEngine(t *testing.T, f func(t *testing.T, db *sqlstore.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { f(t, OpenSQLite(t)) })
	t.Run("postgres", func(t *testing.T) { f(t, OpenPostgres(t)) })
}

func open(tb testing.TB, dsn string) *sqlstore.DB {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		tb.Fatalf("sqltest: open: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("sqltest: close: %v", err)
		}
	})
	return db
}

// shared is the PostgreSQL server of this test binary.
var shared postgres

type postgres struct {
	once     sync.Once
	url      *url.URL // of the maintenance database
	db       *sql.DB  // connected to it, for CREATE DATABASE
	external bool     // from EnvPostgres rather than started here
	server   *server  // nil unless started here
	missing  string   // why no server could be found, if none was
	err      error
}

// admin returns the connection to the maintenance database, starting the server on first use.
// With no server available it skips the test, or fails it when CI=true.
func (p *postgres) admin(tb testing.TB) *sql.DB {
	tb.Helper()
	p.once.Do(p.start)
	switch {
	case p.missing != "" && ci.On():
		tb.Fatalf("sqltest: PostgreSQL is required in CI: %s", p.missing)
	case p.missing != "":
		tb.Skipf("sqltest: no PostgreSQL: %s (set %s or install PostgreSQL)", p.missing, EnvPostgres)
	case p.err != nil:
		tb.Fatalf("sqltest: %v", p.err)
	}
	return p.db
}

func (p *postgres) start() {
	raw := os.Getenv(EnvPostgres)
	if raw != "" {
		p.external = true
		p.err = p.connect(raw, nil)
		return
	}
	bin, err := findBinaries()
	if err != nil {
		p.missing = err.Error()
		return
	}
	// The free port found may be taken before postgres binds it; try again on a new one.
	for range 3 {
		if p.server, p.err = startServer(bin); p.err != nil {
			return
		}
		if p.err = p.connect(p.server.url, p.server); p.err == nil {
			return
		}
		if p.db != nil {
			_ = p.db.Close()
			p.db = nil
		}
		p.server.stop()
		p.server = nil
	}
}

// connect opens the maintenance connection and waits until the server answers.
func (p *postgres) connect(raw string, s *server) (err error) {
	if p.url, err = url.Parse(raw); err != nil {
		return fmt.Errorf("%s: %w", EnvPostgres, err)
	}
	if p.db, err = sql.Open("pgx", raw); err != nil {
		return err
	}
	return waitReady(p.db, s)
}

func (p *postgres) stop() {
	if p.db != nil {
		_ = p.db.Close()
	}
	if p.server != nil {
		p.server.stop()
	}
}

// waitReady polls until the server accepts connections.
func waitReady(db *sql.DB, s *server) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err := db.PingContext(ctx)
		cancel()
		if err == nil {
			return nil
		}
		if s != nil && s.exited() {
			return fmt.Errorf("postgres exited: %s", s.logTail())
		}
		if time.Now().After(deadline) {
			if s != nil {
				return fmt.Errorf("postgres not ready after 30s: %v\n%s", err, s.logTail())
			}
			return fmt.Errorf("postgres not ready after 30s: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
