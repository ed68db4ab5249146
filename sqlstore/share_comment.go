package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

// AddShareComment stores a question or comment on a share, written from a workplace of the
// share's institution.
func (db *DB) AddShareComment(ctx context.Context, c *laeringsliv.ShareComment) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "add share comment", func(tx *Tx) error {
		var inst int64
		err := tx.QueryRowContext(ctx, `SELECT s.institution_id FROM workplace_shares s
			JOIN workplaces w ON w.institution_id = s.institution_id AND w.id = $2
			WHERE s.id = $1`, c.ShareID, c.WorkplaceID).Scan(&inst)
		if err == sql.ErrNoRows {
			return notFound()
		}
		if err != nil {
			return err
		}
		c.InstitutionID, c.CreatedAt = inst, tx.now
		return tx.QueryRowContext(ctx, `INSERT INTO workplace_share_comments (institution_id, share_id,
			workplace_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			c.InstitutionID, c.ShareID, c.WorkplaceID, nullID(c.AuthorID), c.Body, millis(c.CreatedAt)).Scan(&c.ID)
	})
}

// FindShareComments returns a share's comments, oldest first.
func (db *DB) FindShareComments(ctx context.Context, shareID int64) ([]*laeringsliv.ShareComment, error) {
	var list []*laeringsliv.ShareComment
	err := db.view(ctx, "find share comments", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, share_id, workplace_id, author_id, body,
			created_at FROM workplace_share_comments WHERE share_id = $1 ORDER BY id`, shareID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(sc scanner) (*laeringsliv.ShareComment, error) {
			var c laeringsliv.ShareComment
			var by sql.NullInt64
			var at int64
			err := sc.Scan(&c.ID, &c.InstitutionID, &c.ShareID, &c.WorkplaceID, &by, &c.Body, &at)
			c.AuthorID, c.CreatedAt = by.Int64, fromMillis(at)
			return &c, err
		})
		return err
	})
	return list, err
}
