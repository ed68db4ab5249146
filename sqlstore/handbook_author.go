package sqlstore

import "context"

// SetHandbookAuthor names a person of the handbook's institution as one of its authors, or
// takes the name back.
func (db *DB) SetHandbookAuthor(ctx context.Context, handbookID, personID int64, author bool) error {
	return db.update(ctx, "set handbook author", func(tx *Tx) error {
		h, err := scanOne(tx.QueryRowContext(ctx, `SELECT `+handbookColumns+` FROM handbooks WHERE id = $1`, handbookID), scanHandbook)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM handbook_authors WHERE handbook_id = $1 AND person_id = $2`, handbookID, personID); err != nil {
			return err
		}
		if !author {
			return nil
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO handbook_authors (institution_id, handbook_id, person_id) VALUES ($1, $2, $3)`,
			h.InstitutionID, handbookID, personID)
		return err
	})
}

// FindHandbookAuthors returns the ids of the persons named as a handbook's authors.
func (db *DB) FindHandbookAuthors(ctx context.Context, handbookID int64) ([]int64, error) {
	var ids []int64
	err := db.view(ctx, "find handbook authors", func(tx *Tx) (err error) {
		ids, err = queryIDs(ctx, tx, `SELECT person_id FROM handbook_authors WHERE handbook_id = $1 ORDER BY person_id`, handbookID)
		return err
	})
	return ids, err
}
