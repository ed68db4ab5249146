package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

// ChooseIPEGroup moves p to another group of its session, when the session is grouped by
// hand and no group has started drawing. Notes carry no group, so a move reveals nothing.
func (db *DB) ChooseIPEGroup(ctx context.Context, p *laeringsliv.IPEParticipant, groupID int64) error {
	return db.update(ctx, "choose ipe group", func(tx *Tx) error {
		s, err := findIPESession(ctx, tx, p.SessionID)
		if err != nil {
			return err
		}
		if !laeringsliv.ParticipantCan(p, s, laeringsliv.IPEMayChooseGroup) {
			return invalid("ipe.error.group_fixed")
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM ipe_groups WHERE id = $1 AND session_id = $2`,
			groupID, s.ID).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			return laeringsliv.FieldError("group", "ipe.error.group_invalid")
		}
		var was sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT group_id FROM ipe_participants WHERE id = $1 AND session_id = $2`,
			p.ID, s.ID).Scan(&was); err != nil {
			return err
		}
		if err := execOne(ctx, tx, `UPDATE ipe_participants SET group_id = $1 WHERE id = $2 AND session_id = $3`,
			groupID, p.ID, s.ID); err != nil {
			return err
		}
		if !was.Valid { // into a group from none: one more participant in the hat's count
			if _, err := tx.ExecContext(ctx, `UPDATE ipe_sessions SET hat_participants = hat_participants + 1
				WHERE id = $1`, s.ID); err != nil {
				return err
			}
		}
		p.GroupID = groupID
		return nil
	})
}
