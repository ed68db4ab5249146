package sqlstore

import (
	"context"

	"laeringsliv"
)

var _ laeringsliv.CalendarService = (*DB)(nil)

// SetCalendarToken gives the person a new feed address, revoking any earlier one.
func (db *DB) SetCalendarToken(ctx context.Context, personID int64, tokenHash string) error {
	return db.update(ctx, "set calendar token", func(tx *Tx) error {
		p, err := findPerson(ctx, tx, personID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_feeds WHERE person_id = $1`, personID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO calendar_feeds (person_id, institution_id, token_hash, created_at)
			VALUES ($1, $2, $3, $4)`, personID, p.InstitutionID, tokenHash, millis(tx.now))
		return err
	})
}

// RevokeCalendarToken ends the person's feed address; none is not an error.
func (db *DB) RevokeCalendarToken(ctx context.Context, personID int64) error {
	return db.update(ctx, "revoke calendar token", func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM calendar_feeds WHERE person_id = $1`, personID)
		return err
	})
}

// CalendarPerson returns the person whose feed the token hash opens, or ENOTFOUND.
func (db *DB) CalendarPerson(ctx context.Context, tokenHash string) (int64, error) {
	var id int64
	err := db.view(ctx, "calendar person", func(tx *Tx) error {
		ids, err := queryIDs(ctx, tx, `SELECT person_id FROM calendar_feeds WHERE token_hash = $1`, tokenHash)
		if err != nil {
			return err
		} else if len(ids) == 0 {
			return notFound()
		}
		id = ids[0]
		return nil
	})
	return id, err
}

// HasCalendarToken reports whether the person has a feed address.
func (db *DB) HasCalendarToken(ctx context.Context, personID int64) (bool, error) {
	var ok bool
	err := db.view(ctx, "has calendar token", func(tx *Tx) error {
		return tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM calendar_feeds WHERE person_id = $1)`, personID).Scan(&ok)
	})
	return ok, err
}
