package sqlstore

import (
	"context"
	"database/sql"
)

// Pools exposes the connection pools to the tests of package sqlstore_test.
func (db *DB) Pools() (write, read *sql.DB) { return db.write, db.read }

// MigrateDownTo rolls the schema back to version, for tests of what a migration does to data.
func (db *DB) MigrateDownTo(ctx context.Context, version int64) error {
	p, err := db.migrations()
	if err != nil {
		return err
	}
	_, err = p.DownTo(ctx, version)
	return err
}
