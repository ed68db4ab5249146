package sqlstore

import (
	"context"
	"encoding/json"

	"laeringsliv"
)

// appendIPEEvent stores an event with the session's next sequence number. The UPDATE takes
// the session row's lock, so numbers are gap-free and in commit order on both engines.
func appendIPEEvent(ctx context.Context, tx *Tx, s *laeringsliv.IPESession, kind string, data any) error {
	b, err := json.Marshal(data)
	if err != nil {
		return err
	}
	var seq int64
	err = tx.QueryRowContext(ctx, `UPDATE ipe_sessions SET event_seq = event_seq + 1 WHERE id = $1
		RETURNING event_seq`, s.ID).Scan(&seq)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO ipe_events (institution_id, session_id, seq, kind, data)
		VALUES ($1, $2, $3, $4, $5)`, s.InstitutionID, s.ID, seq, kind, string(b))
	return err
}

// FindIPEEvents returns the session's events after seq, oldest first, at most limit.
func (db *DB) FindIPEEvents(ctx context.Context, sessionID, after int64, limit int) (list []*laeringsliv.IPEEvent, err error) {
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	err = db.view(ctx, "find ipe events", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT session_id, seq, kind, data FROM ipe_events
			WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, sessionID, after, limit)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(s scanner) (*laeringsliv.IPEEvent, error) {
			var e laeringsliv.IPEEvent
			var data string
			err := s.Scan(&e.SessionID, &e.Seq, &e.Kind, &data)
			e.Data = []byte(data)
			return &e, err
		})
		return err
	})
	return list, err
}
