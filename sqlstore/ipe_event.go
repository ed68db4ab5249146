package sqlstore

import (
	"context"

	"laeringsliv"
)

// appendIPEEvent stores an event of the session in the shared event log (see eventLog).
func appendIPEEvent(ctx context.Context, tx *Tx, s *laeringsliv.IPESession, kind string, data any) error {
	return ipeLog.append(ctx, tx, s.InstitutionID, s.ID, kind, data)
}

// FindIPEEvents returns the session's events after seq, oldest first, at most limit.
func (db *DB) FindIPEEvents(ctx context.Context, sessionID, after int64, limit int) ([]*laeringsliv.IPEEvent, error) {
	return ipeLog.find(ctx, db, sessionID, after, limit)
}
