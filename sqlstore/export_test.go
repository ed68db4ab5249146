package sqlstore

import "database/sql"

// Pools exposes the connection pools to the tests of package sqlstore_test.
func (db *DB) Pools() (write, read *sql.DB) { return db.write, db.read }
