package sqlstore

import (
	"context"

	"laeringsliv"
)

// CreateChapter adds a chapter at the end of its handbook, as version 0 written by authorID.
func (db *DB) CreateChapter(ctx context.Context, c *laeringsliv.HandbookChapter, authorID int64) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if _, err := laeringsliv.ParseEmbeds(c.Body); err != nil {
		return err
	}
	return db.update(ctx, "create handbook chapter", func(tx *Tx) error {
		return createChapter(ctx, tx, c, authorID)
	})
}

func createChapter(ctx context.Context, tx *Tx, c *laeringsliv.HandbookChapter, authorID int64) error {
	h, err := scanOne(tx.QueryRowContext(ctx, `SELECT `+handbookColumns+`
		FROM handbooks WHERE id = $1`, c.HandbookID), scanHandbook)
	if err != nil {
		return err
	}
	c.InstitutionID, c.UpdatedAt, c.Version = h.InstitutionID, tx.now, 0
	err = tx.QueryRowContext(ctx, `INSERT INTO handbook_chapters (institution_id, handbook_id, position,
			title, body, version, updated_at)
		VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM handbook_chapters WHERE handbook_id = $2),
			$3, $4, 0, $5) RETURNING id, position`,
		c.InstitutionID, c.HandbookID, c.Title, c.Body, millis(c.UpdatedAt)).Scan(&c.ID, &c.Position)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO handbook_versions (institution_id, chapter_id, version,
			title, body, author_id, saved_at) VALUES ($1, $2, 0, $3, $4, $5, $6)`,
		c.InstitutionID, c.ID, c.Title, c.Body, authorID, millis(tx.now))
	return err
}

// FindChapters returns a handbook's chapters in order.
func (db *DB) FindChapters(ctx context.Context, handbookID int64) ([]*laeringsliv.HandbookChapter, error) {
	var list []*laeringsliv.HandbookChapter
	err := db.view(ctx, "find handbook chapters", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+chapterColumns+` FROM handbook_chapters
			WHERE handbook_id = $1 ORDER BY position, id`, handbookID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanChapter)
		return err
	})
	return list, err
}

// FindChapter returns the chapter with id, or ENOTFOUND.
func (db *DB) FindChapter(ctx context.Context, id int64) (*laeringsliv.HandbookChapter, error) {
	var c *laeringsliv.HandbookChapter
	err := db.view(ctx, "find handbook chapter", func(tx *Tx) (err error) {
		c, err = findChapter(ctx, tx, id)
		return err
	})
	return c, err
}

const chapterColumns = `id, institution_id, handbook_id, position, title, body, version, updated_at`

func findChapter(ctx context.Context, tx *Tx, id int64) (*laeringsliv.HandbookChapter, error) {
	return scanOne(tx.QueryRowContext(ctx, `SELECT `+chapterColumns+` FROM handbook_chapters WHERE id = $1`, id), scanChapter)
}

func scanChapter(s scanner) (*laeringsliv.HandbookChapter, error) {
	var c laeringsliv.HandbookChapter
	var updated int64
	err := s.Scan(&c.ID, &c.InstitutionID, &c.HandbookID, &c.Position, &c.Title, &c.Body, &c.Version, &updated)
	if err != nil {
		return nil, err
	}
	c.UpdatedAt = fromMillis(updated)
	return &c, nil
}
