// Package sqlstore implements the domain's storage services on database/sql, with SQLite
// (modernc.org/sqlite, pure Go) for a single server and PostgreSQL (pgx) for several. The
// queries are one dialect-neutral subset of SQL; what differs lives in dialect.go and in the
// per-dialect migrations.
package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"laeringsliv"
)

// Compile-time checks that DB implements the services.
var (
	_ laeringsliv.OrgService        = (*DB)(nil)
	_ laeringsliv.PersonService     = (*DB)(nil)
	_ laeringsliv.MembershipService = (*DB)(nil)
	_ laeringsliv.AuthService       = (*DB)(nil)
	_ laeringsliv.ReadingService    = (*DB)(nil)
)

// DB is an open, migrated database. It is safe for concurrent use.
type DB struct {
	dialect *dialect
	write   *sql.DB // transactions that write; a single connection on SQLite
	read    *sql.DB // read-only transactions; the same pool as write on PostgreSQL

	// Now returns the current time; tests may replace it before use. Defaults to time.Now.
	Now func() time.Time

	notes noteQueue // IPE notes waiting for a group commit (ipe_note_batch.go)
	joins joinQueue // IPE joins waiting for a group commit (ipe_join_batch.go)

	inserter *Queue // puts jobs in the queue (job.go)

	stmts stmtCache // SQLite's hot statements, prepared once (stmt.go)
}

// Open opens the database named by dsn and applies any pending migrations. A dsn beginning
// postgres:// or postgresql:// is a PostgreSQL URL; anything else is the path of a SQLite
// file, whose directory is created if needed.
func Open(ctx context.Context, dsn string) (*DB, error) {
	d := dialectFor(dsn)
	write, read, err := d.open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	db := &DB{dialect: d, write: write, read: read, Now: time.Now}
	if err := db.Migrate(ctx); err != nil {
		_ = db.Close()
		return nil, err
	}
	if db.inserter, err = db.newInserter(); err != nil {
		_ = db.Close()
		return nil, err
	}
	if d.name == "sqlite" {
		if err := db.stmts.prepare(ctx, db.write, db.read); err != nil {
			_ = db.Close()
			return nil, fmt.Errorf("prepare statements: %w", err)
		}
	}
	return db, nil
}

// Close closes the connection pools.
func (db *DB) Close() error {
	err := db.stmts.close()
	err = errors.Join(err, db.write.Close())
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// Ping checks that the database answers, for readiness probes.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.write.PingContext(ctx); err != nil {
		return wrap("ping", err)
	}
	return wrap("ping", db.read.PingContext(ctx))
}

// Dialect returns "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect.name }

// Empty reports whether the database holds no institution yet, so that main can decide
// whether to seed demonstration data.
func (db *DB) Empty(ctx context.Context) (bool, error) {
	var exists bool
	err := db.view(ctx, "check empty", func(tx *Tx) error {
		return tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM institutions)`).Scan(&exists)
	})
	return !exists, err
}

// Backup writes a consistent copy of a SQLite database to path, creating its directory, while
// the application keeps running; an existing file is EINVALID error.backup_exists. On
// PostgreSQL it returns EINVALID with the key error.backup_postgres: the operator uses pg_dump.
func (db *DB) Backup(ctx context.Context, path string) error {
	return wrap("backup", db.dialect.backup(ctx, db, path))
}

// Tx is a transaction together with the time it began, which every row it writes uses.
// Exported methods of DB own the transaction; unexported helpers take a *Tx.
//
// A read on PostgreSQL runs on one connection without BEGIN and COMMIT: at PostgreSQL's READ
// COMMITTED level every statement takes its own snapshot inside a transaction too, so the
// transaction added two round trips and no consistency. Such a Tx has no *sql.Tx.
type Tx struct {
	*sql.Tx // nil for a read on PostgreSQL
	q       querier
	now     time.Time
	pool    *sql.DB    // the pool of the transaction, for its prepared statements
	stmts   *stmtCache // nil where statements are not kept prepared (PostgreSQL)
}

// querier is what a Tx runs statements on: a transaction or a connection.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// newTx returns a Tx running its statements on q: sqlTx, or (with sqlTx nil) a pool or a
// connection of pool.
func (db *DB) newTx(pool *sql.DB, sqlTx *sql.Tx, q querier) *Tx {
	tx := &Tx{Tx: sqlTx, q: q, now: db.Now().UTC().Truncate(time.Millisecond), pool: pool}
	if db.dialect.name == "sqlite" {
		tx.stmts = &db.stmts
	}
	return tx
}

func (tx *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return tx.q.ExecContext(ctx, query, args...)
}

func (tx *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return tx.q.QueryContext(ctx, query, args...)
}

func (tx *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return tx.q.QueryRowContext(ctx, query, args...)
}

// update runs fn in a transaction on the write pool and commits it if fn returns nil.
func (db *DB) update(ctx context.Context, op string, fn func(tx *Tx) error) error {
	return wrap(op, db.run(ctx, db.write, nil, fn))
}

// updateLazy is update for a write whose loss at a power cut costs nothing that matters, so
// its commit does not wait for the disk: the writer marks, of which a lost one is made again by
// the writer's next note. It survives a crash of the process like any commit, and the next
// durable commit takes it to the disk with its own (SQLite's WAL is flushed whole; PostgreSQL
// flushes its log in order). A note's acknowledgement then waits for one flush, not two.
func (db *DB) updateLazy(ctx context.Context, op string, fn func(tx *Tx) error) error {
	if db.dialect.name == "postgres" {
		return db.update(ctx, op, func(tx *Tx) error {
			if _, err := tx.ExecContext(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
				return err
			}
			return fn(tx)
		})
	}
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return wrap(op, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA synchronous = NORMAL`); err != nil {
		return wrap(op, err)
	}
	defer func() {
		// Back to a flush per commit; a connection that cannot be put back is discarded, and
		// the pool opens a new one with the DSN's settings.
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA synchronous = FULL`); err != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return wrap(op, err)
	}
	tx := db.newTx(db.write, sqlTx, sqlTx)
	if err := fn(tx); err != nil {
		_ = sqlTx.Rollback()
		return wrap(op, err)
	}
	return wrap(op, sqlTx.Commit())
}

// view runs fn in a read-only transaction on the read pool (on PostgreSQL, on one connection
// without a transaction: see Tx).
func (db *DB) view(ctx context.Context, op string, fn func(tx *Tx) error) error {
	if db.dialect.name == "postgres" {
		return wrap(op, db.runConn(ctx, fn))
	}
	return wrap(op, db.run(ctx, db.read, &sql.TxOptions{ReadOnly: true}, fn))
}

// viewOne runs fn, which runs a single statement, on the read pool outside a transaction:
// a lone statement is atomic by itself, and BEGIN and COMMIT would cost more than it does.
// The live hot path reads this way (a participant's token, a session, the hat, new events).
func (db *DB) viewOne(ctx context.Context, op string, fn func(tx *Tx) error) error {
	return wrap(op, fn(db.newTx(db.read, nil, db.read)))
}

// runConn runs a read on one connection of the pool, outside a transaction (see Tx).
func (db *DB) runConn(ctx context.Context, fn func(tx *Tx) error) error {
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return fn(db.newTx(db.read, nil, conn))
}

func (db *DB) run(ctx context.Context, pool *sql.DB, opts *sql.TxOptions, fn func(tx *Tx) error) error {
	sqlTx, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	tx := db.newTx(pool, sqlTx, sqlTx)
	if err := fn(tx); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	return sqlTx.Commit()
}

// StatsPools returns the connection pools by name, for pool statistics: "write" and "read"
// on SQLite, one "main" pool on PostgreSQL where both are the same.
func (db *DB) StatsPools() map[string]*sql.DB {
	if db.write == db.read {
		return map[string]*sql.DB{"main": db.write}
	}
	return map[string]*sql.DB{"write": db.write, "read": db.read}
}
