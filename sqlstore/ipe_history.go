package sqlstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strconv"
)

// historySessionSize is how many participants each session of a filled history holds.
const historySessionSize = 100

// FillIPEHistory stores closed IPE sessions in a workplace holding notes and participants
// in all, as a database that has run for years would hold them, so that the load tool can
// measure whether a live session slows down with history. It writes in bulk, fifty sessions
// a transaction; the rows are not realistic beyond their number and their keys. It returns
// the number of sessions stored. For load tests only: never on a database with real data.
func (db *DB) FillIPEHistory(ctx context.Context, workplaceID int64, notes, participants int) (int, error) {
	sessions := max(1, (participants+historySessionSize-1)/historySessionSize, (notes+9999)/10000)
	perNotes := (notes + sessions - 1) / sessions
	perParts := (participants + sessions - 1) / sessions
	var salt [4]byte
	_, _ = rand.Read(salt[:])
	prefix := "h" + hex.EncodeToString(salt[:]) + "-" // no join code has a lower-case letter
	for done := 0; done < sessions; {
		n := min(50, sessions-done)
		err := db.update(ctx, "fill ipe history", func(tx *Tx) error {
			for i := range n {
				key := prefix + strconv.Itoa(done+i) + "-"
				if err := fillHistorySession(ctx, tx, workplaceID, key, perNotes, perParts); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return done, err
		}
		done += n
	}
	return sessions, nil
}

// rowsCTE numbers rows 1..$n for INSERT … SELECT; both engines accept it.
const rowsCTE = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) `

func fillHistorySession(ctx context.Context, tx *Tx, workplaceID int64, key string, notes, participants int) error {
	var sid, inst, gid int64
	err := tx.QueryRowContext(ctx, `INSERT INTO ipe_sessions (institution_id, workplace_id, kind, question,
			grouping, phase, k, vote_budget, join_code, created_at)
		SELECT institution_id, id, 'capture', 'History', 'hand', 'closed', 3, 3, $1, $2 FROM workplaces
		WHERE id = $3 RETURNING id, institution_id`, key, millis(tx.now), workplaceID).Scan(&sid, &inst)
	if err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO ipe_groups (institution_id, session_id, name, position)
		VALUES ($1, $2, 'G', 1) RETURNING id`, inst, sid).Scan(&gid); err != nil {
		return err
	}
	if participants > 0 {
		if _, err := tx.ExecContext(ctx, rowsCTE+`INSERT INTO ipe_participants (institution_id, session_id,
			group_id, token_hash) SELECT $2, $3, $4, $5 || i FROM n`, participants, inst, sid, gid, key); err != nil {
			return err
		}
	}
	if notes > 0 {
		if _, err := tx.ExecContext(ctx, rowsCTE+`INSERT INTO ipe_notes (id, institution_id, session_id, text, phase)
			SELECT $2 || i, $3, $4, 'History note', 'capture' FROM n`, notes, key, inst, sid); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE ipe_sessions SET hat_notes = $1, hat_participants = $2 WHERE id = $3`,
		notes, participants, sid)
	return err
}
