package sqlstore

import (
	"context"
	"encoding/json"

	"laeringsliv"
)

// eventLog is the stored event log of one kind of live group session: an owner table whose
// rows count their events in event_seq, and an events table keyed by the owner's id and a
// sequence. The IPE session and the reading workshop share it. It stores exactly the data it
// is given and adds nothing (no person, no time), so each feature decides what its events may
// tell: IPE events never name a writer.
type eventLog struct {
	owner string // the table whose rows own events and count them in event_seq
	table string // the events table
	key   string // the events table's column holding the owner's id
}

var (
	ipeLog     = eventLog{owner: "ipe_sessions", table: "ipe_events", key: "session_id"}
	readingLog = eventLog{owner: "reading_workshops", table: "reading_events", key: "workshop_id"}
)

// append stores an event with the owner's next sequence number. The UPDATE takes the owner
// row's lock, so numbers are gap-free and in commit order on both engines.
func (l eventLog) append(ctx context.Context, tx *Tx, institutionID, ownerID int64, kind string, data any) error {
	b, err := json.Marshal(data)
	if err != nil {
		return err
	}
	var seq int64
	err = tx.QueryRowContext(ctx, `UPDATE `+l.owner+` SET event_seq = event_seq + 1 WHERE id = $1
		RETURNING event_seq`, ownerID).Scan(&seq)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO `+l.table+` (institution_id, `+l.key+`, seq, kind, data)
		VALUES ($1, $2, $3, $4, $5)`, institutionID, ownerID, seq, kind, string(b))
	return err
}

// findQuery selects an owner's events after a sequence number.
func (l eventLog) findQuery() string {
	return `SELECT seq, kind, data FROM ` + l.table + ` WHERE ` + l.key + ` = $1 AND seq > $2 ORDER BY seq LIMIT $3`
}

// find returns the owner's events after seq, oldest first, at most limit (1 to 1000).
func (l eventLog) find(ctx context.Context, db *DB, ownerID, after int64, limit int) (list []*laeringsliv.LoggedEvent, err error) {
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	err = db.viewOne(ctx, "find "+l.table, func(tx *Tx) error {
		rows, err := tx.QueryHot(ctx, l.findQuery(), ownerID, after, limit)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(s scanner) (*laeringsliv.LoggedEvent, error) {
			var e laeringsliv.LoggedEvent
			var data string
			err := s.Scan(&e.Seq, &e.Kind, &data)
			e.Data = []byte(data)
			return &e, err
		})
		return err
	})
	return list, err
}
