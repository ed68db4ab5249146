package sqlstore

import (
	"context"

	"laeringsliv"
)

// MoveMeeting gives a meeting of the workplace a new time, title and place, with the own
// time its invitees then need, and counts the change so that calendar apps replace their
// copy. A cancelled meeting, or one of another workplace, is not found.
func (db *DB) MoveMeeting(ctx context.Context, mv laeringsliv.MeetingMove) error {
	if err := mv.Validate(db.Now()); err != nil {
		return err
	}
	return db.update(ctx, "move meeting", func(tx *Tx) error {
		err := execOne(ctx, tx, `UPDATE rota_meetings SET title = $1, place = $2, starts_at = $3, ends_at = $4,
			sequence = sequence + 1, updated_at = $5 WHERE id = $6 AND workplace_id = $7 AND cancelled = 0`,
			mv.Title, mv.Place, millis(mv.Start), millis(mv.End), millis(tx.now), mv.ID, mv.WorkplaceID)
		if err != nil {
			return err
		}
		for pid, own := range mv.OwnMinutes {
			if _, err := tx.ExecContext(ctx, `UPDATE rota_meeting_invitees SET own_minutes = $1
				WHERE meeting_id = $2 AND person_id = $3`, max(own, 0), mv.ID, pid); err != nil {
				return err
			}
		}
		return nil
	})
}
