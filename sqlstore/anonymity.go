package sqlstore

import (
	"context"
	"log/slog"
)

// Scrubbing: what a commit deleted or overwrote must not stay readable in the database's files
// when it would tell who wrote a note (the order notes arrived in) or what a redacted note said.
//
// SQLite runs with secure_delete, so freed cells and pages in the main file are zeroed once the
// log is checkpointed into it; but the write-ahead log still holds every page image written
// since the last checkpoint. A TRUNCATE checkpoint copies the log into the main file and cuts
// the log to zero bytes. It waits for readers (busy_timeout) and is retried once; a failure is
// logged (without any content) and the next scrub or start-up completes it.
//
// PostgreSQL keeps a deleted or updated row as a dead tuple until VACUUM reclaims it, and a
// plain VACUUM only marks the space reusable, leaving the bytes in the page. VACUUM FULL
// rewrites the table into a new file without them (holding the table's lock for as long as
// that takes: the pool is small, and redactions are rare). What it cannot reach are WAL
// segments, which the server recycles by itself (docs/anonymity.md says what this means for an
// operator).

func scrubSQLite(ctx context.Context, db *DB, _ ...string) error {
	var err error
	for range 2 {
		var busy, logged, done int
		err = db.write.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logged, &done)
		if err == nil && busy == 0 {
			return nil
		}
	}
	return err
}

func scrubPostgres(ctx context.Context, db *DB, tables ...string) error {
	for _, t := range tables {
		if _, err := db.write.ExecContext(ctx, `VACUUM FULL `+t); err != nil {
			return err
		}
	}
	return nil
}

// scrub runs the dialect's scrub after a commit; it never fails the operation that asked for
// it, which has committed already.
func (db *DB) scrub(ctx context.Context, tables ...string) {
	if err := db.dialect.scrub(context.WithoutCancel(ctx), db, tables...); err != nil {
		slog.Warn("scrub after erase", "err", err.Error())
	}
}
