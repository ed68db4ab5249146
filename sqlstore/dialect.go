package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect holds everything that differs between SQLite and PostgreSQL. The queries elsewhere
// are written in the subset both accept ($n placeholders, RETURNING, ON CONFLICT DO NOTHING,
// integer times), so nothing outside this file asks which engine it runs on.
type dialect struct {
	name  string
	goose goose.Dialect
	// open returns the pool for transactions that write and the pool for reads; they may be
	// the same pool.
	open func(ctx context.Context, dsn string) (write, read *sql.DB, err error)
	// uniqueViolation reports whether err is a unique-constraint violation.
	uniqueViolation func(err error) bool
	// backup writes a consistent copy of the database to path.
	backup func(ctx context.Context, db *DB, path string) error
	// scrub makes deleted or overwritten rows of tables unreadable in the database's files
	// after a commit that removed something that must not outlive it (see scrub in anonymity.go).
	scrub func(ctx context.Context, db *DB, tables ...string) error
	// migrationLock, when set, returns the lock that keeps several nodes from migrating at
	// once. SQLite needs none: its writer lock already serialises them.
	migrationLock func() (lock.SessionLocker, error)
}

func dialectFor(dsn string) *dialect {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgresDialect
	}
	return sqliteDialect
}

var sqliteDialect = &dialect{
	name:  "sqlite",
	goose: goose.DialectSQLite3,
	open:  openSQLite,
	uniqueViolation: func(err error) bool {
		var e *sqlite.Error
		return errors.As(err, &e) &&
			(e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
	},
	backup: backupSQLite,
	scrub:  scrubSQLite,
}

var postgresDialect = &dialect{
	name:  "postgres",
	goose: goose.DialectPostgres,
	open:  openPostgres,
	uniqueViolation: func(err error) bool {
		var e *pgconn.PgError
		return errors.As(err, &e) && e.Code == "23505"
	},
	backup: func(context.Context, *DB, string) error {
		return invalid("error.backup_postgres")
	},
	scrub:         scrubPostgres,
	migrationLock: func() (lock.SessionLocker, error) { return lock.NewPostgresSessionLocker() },
}

// sqlitePragmas are run by modernc.org/sqlite on every new connection. busy_timeout matters
// even with a single writer: the read pool, a backup or another process may hold a lock.
// synchronous=FULL makes every commit wait for the WAL to reach the disk (fsync), so what is
// acknowledged survives a power cut and not only a crash of the process (NORMAL only flushes
// at checkpoints). With group commit one flush covers a whole batch of notes.
var sqlitePragmas = []string{
	"busy_timeout(10000)",
	"foreign_keys(1)",
	"journal_mode(WAL)",
	"secure_delete(1)", // deleted and overwritten content is zeroed, not left in free space
	"synchronous(FULL)",
}

// openSQLite opens one writer connection (SQLite allows one writer at a time; queueing in
// database/sql is cheaper than SQLITE_BUSY retries) and a pool of query_only readers, which
// WAL lets run alongside the writer.
func openSQLite(ctx context.Context, path string) (write, read *sql.DB, err error) {
	if strings.ContainsRune(path, '?') {
		return nil, nil, fmt.Errorf("sqlite path %q must not contain '?'", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, nil, fmt.Errorf("create database directory: %w", err)
		}
	}
	q := url.Values{"_pragma": sqlitePragmas}
	q.Set("_txlock", "immediate") // take the write lock at BEGIN, not halfway through
	write, err = sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	// Connect the writer first: it creates the file and switches it to WAL before any reader
	// opens it.
	if err := write.PingContext(ctx); err != nil {
		_ = write.Close()
		return nil, nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}

	q.Del("_txlock")
	q.Add("_pragma", "query_only(1)")
	read, err = sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		_ = write.Close()
		return nil, nil, err
	}
	n := max(4, runtime.NumCPU())
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	return write, read, nil
}

// postgresConns is the size of the PostgreSQL pool.
const postgresConns = 20

// openPostgres opens one pool for reads and writes: the server handles concurrency. The pool
// keeps as many idle connections as it may open: with fewer, a burst opens backends that the
// pool closes again as soon as they are returned, and a new backend costs a fork and an
// authentication on the server, many times a query.
func openPostgres(ctx context.Context, dsn string) (write, read *sql.DB, err error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, nil, err
	}
	db.SetMaxOpenConns(postgresConns)
	db.SetMaxIdleConns(postgresConns)
	db.SetConnMaxIdleTime(0)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, nil, fmt.Errorf("open postgres: %w", err)
	}
	return db, db, nil
}

// backupSQLite copies the database with VACUUM INTO, which reads one consistent snapshot and,
// under WAL, does not block the writer. It runs on a reader connection; query_only forbids
// VACUUM INTO, so it is lifted for the copy and restored before the connection goes back to
// the pool (or the connection is discarded if that fails).
func backupSQLite(ctx context.Context, db *DB, path string) error {
	if _, err := os.Lstat(path); err == nil {
		return invalid("error.backup_exists")
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return err
	}
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA query_only = 0`); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, `VACUUM INTO $1`, path)
	if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA query_only = 1`); rerr != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		return errors.Join(err, rerr)
	}
	return err
}
