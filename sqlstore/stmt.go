package sqlstore

import (
	"context"
	"database/sql"
	"errors"
)

// stmtCache keeps the statements that run on every note, join and live read (hotStatements)
// prepared, so that SQLite does not parse them anew at each call: parsing was a fifth of the
// server's CPU time under a burst of notes. Each is prepared on both pools when the database
// opens (later, a transaction holding SQLite's one write connection could not prepare on
// its pool); database/sql then prepares it once on each connection it runs on and keeps it.
// PostgreSQL needs none: pgx keeps every statement it has run prepared on its connection.
// The map is written only while the database opens, so reading it needs no lock.
type stmtCache struct {
	m map[stmtKey]*sql.Stmt
}

type stmtKey struct {
	pool  *sql.DB
	query string
}

// hotStatements are the statements kept prepared: exactly the text the store runs.
var hotStatements = []string{
	participantWithSession,
	sessionByID,
	sessionForNotes,
	hatByID,
	ipeLog.findQuery(),
	readingLog.findQuery(),
}

func (c *stmtCache) prepare(ctx context.Context, pools ...*sql.DB) error {
	c.m = map[stmtKey]*sql.Stmt{}
	for _, pool := range pools {
		for _, q := range hotStatements {
			if c.m[stmtKey{pool, q}] != nil {
				continue
			}
			st, err := pool.PrepareContext(ctx, q)
			if err != nil {
				return err
			}
			c.m[stmtKey{pool, q}] = st
		}
	}
	return nil
}

func (c *stmtCache) close() error {
	var err error
	for _, st := range c.m {
		err = errors.Join(err, st.Close())
	}
	return err
}

// QueryRowHot is QueryRowContext for a statement of the live hot path, kept prepared.
func (tx *Tx) QueryRowHot(ctx context.Context, query string, args ...any) *sql.Row {
	if st := tx.prepared(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, query, args...)
}

// QueryHot is QueryContext for a statement of the live hot path, kept prepared.
func (tx *Tx) QueryHot(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := tx.prepared(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return tx.QueryContext(ctx, query, args...)
}

// prepared returns the transaction's copy of the kept statement, or nil to run the query as
// it is (PostgreSQL, or a statement not in hotStatements).
func (tx *Tx) prepared(ctx context.Context, query string) *sql.Stmt {
	if tx.stmts == nil {
		return nil
	}
	st := tx.stmts.m[stmtKey{tx.pool, query}]
	if st == nil || tx.Tx == nil { // outside a transaction (viewOne), the pool's own statement
		return st
	}
	return tx.Tx.StmtContext(ctx, st)
}
