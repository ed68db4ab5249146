package sqlstore

import (
	"database/sql"
	"time"
)

// Times are stored as integer Unix milliseconds in UTC. Both engines store and compare a
// BIGINT identically, it sorts, it needs no parsing or time-zone handling in either driver,
// and interval arithmetic (last_seen_at + idle_timeout_ms < now) is plain addition in the
// same SQL on both. Milliseconds are enough for every time the domain keeps; Tx.now is
// truncated to them so that what a Create returns equals what a Find reads back.

func millis(t time.Time) int64 { return t.UnixMilli() }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// nullMillis stores the zero time as NULL.
func nullMillis(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

func fromNullMillis(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return fromMillis(ms.Int64)
}

// nullID stores an unset key (0) as NULL, so that foreign keys ignore it.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
