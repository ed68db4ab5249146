package sqlstore

import (
	"context"

	"laeringsliv"
)

var _ laeringsliv.IPEGuestService = (*DB)(nil)

// SetIPEGuests replaces the guest workplaces of a session. Each must be another workplace of the
// session's institution; the host is not its own guest.
func (db *DB) SetIPEGuests(ctx context.Context, sessionID int64, workplaceIDs []int64) error {
	return db.update(ctx, "set ipe guests", func(tx *Tx) error {
		s, err := findIPESession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM ipe_session_guests WHERE session_id = $1`, sessionID); err != nil {
			return err
		}
		seen := map[int64]bool{}
		for _, id := range workplaceIDs {
			if seen[id] {
				continue
			}
			seen[id] = true
			w, err := findWorkplace(ctx, tx, id)
			if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND || err == nil && (w.InstitutionID != s.InstitutionID || w.ID == s.WorkplaceID) {
				return laeringsliv.FieldError("guests", "ipe.joint.error.guest_invalid")
			}
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO ipe_session_guests (institution_id, session_id, workplace_id)
				VALUES ($1, $2, $3)`, s.InstitutionID, sessionID, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// FindIPEGuests returns the guest workplaces of a session, by id.
func (db *DB) FindIPEGuests(ctx context.Context, sessionID int64) ([]int64, error) {
	var ids []int64
	err := db.view(ctx, "find ipe guests", func(tx *Tx) (err error) {
		ids, err = queryIDs(ctx, tx, `SELECT workplace_id FROM ipe_session_guests WHERE session_id = $1
			ORDER BY workplace_id`, sessionID)
		return err
	})
	return ids, err
}

// FindJointIPESessions returns the sessions a workplace is a guest of, newest first.
func (db *DB) FindJointIPESessions(ctx context.Context, workplaceID int64) (list []*laeringsliv.IPESession, err error) {
	err = db.view(ctx, "find joint ipe sessions", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+ipeSessionColumns+` FROM ipe_sessions WHERE id IN
			(SELECT session_id FROM ipe_session_guests WHERE workplace_id = $1) ORDER BY id DESC`, workplaceID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanIPESession)
		return err
	})
	return list, err
}
