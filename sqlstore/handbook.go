package sqlstore

import (
	"cmp"
	"context"

	"laeringsliv"
)

// CreateHandbook stores h in its programme's institution; a programme has one handbook.
func (db *DB) CreateHandbook(ctx context.Context, h *laeringsliv.Handbook) error {
	if err := h.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create handbook", func(tx *Tx) error {
		return createHandbook(ctx, tx, h)
	})
}

func createHandbook(ctx context.Context, tx *Tx, h *laeringsliv.Handbook) error {
	p, err := findProgramme(ctx, tx, h.ProgrammeID)
	if err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM handbooks WHERE programme_id = $1`, h.ProgrammeID).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		return conflict("error.handbook_exists")
	}
	h.InstitutionID, h.CreatedAt, h.Language = p.InstitutionID, tx.now, cmp.Or(h.Language, "nb")
	return tx.QueryRowContext(ctx, `INSERT INTO handbooks (institution_id, programme_id, title, language, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		h.InstitutionID, h.ProgrammeID, h.Title, h.Language, millis(h.CreatedAt)).Scan(&h.ID)
}

// FindProgrammeHandbook returns a programme's handbook, or ENOTFOUND.
func (db *DB) FindProgrammeHandbook(ctx context.Context, programmeID int64) (*laeringsliv.Handbook, error) {
	var h *laeringsliv.Handbook
	err := db.view(ctx, "find handbook", func(tx *Tx) (err error) {
		h, err = scanOne(tx.QueryRowContext(ctx, `SELECT `+handbookColumns+`
			FROM handbooks WHERE programme_id = $1`, programmeID), scanHandbook)
		return err
	})
	return h, err
}

func scanHandbook(s scanner) (*laeringsliv.Handbook, error) {
	var h laeringsliv.Handbook
	var created int64
	if err := s.Scan(&h.ID, &h.InstitutionID, &h.ProgrammeID, &h.Title, &h.Language, &h.FeedbackOpen, &h.Published, &created); err != nil {
		return nil, err
	}
	h.CreatedAt = fromMillis(created)
	return &h, nil
}

const handbookColumns = `id, institution_id, programme_id, title, language, feedback_open, published, created_at`

// FindHandbook returns the handbook with id, or ENOTFOUND.
func (db *DB) FindHandbook(ctx context.Context, id int64) (*laeringsliv.Handbook, error) {
	var h *laeringsliv.Handbook
	err := db.view(ctx, "find handbook", func(tx *Tx) (err error) {
		h, err = scanOne(tx.QueryRowContext(ctx, `SELECT `+handbookColumns+` FROM handbooks WHERE id = $1`, id), scanHandbook)
		return err
	})
	return h, err
}

// FindPublishedHandbooks returns the published handbooks of every institution, by title, for
// newcomers without an account.
func (db *DB) FindPublishedHandbooks(ctx context.Context) ([]*laeringsliv.Handbook, error) {
	var list []*laeringsliv.Handbook
	err := db.view(ctx, "find published handbooks", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+handbookColumns+` FROM handbooks WHERE published = $1
			ORDER BY title, id`, true)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanHandbook)
		return err
	})
	return list, err
}

// SetHandbookPublished publishes a handbook at its public address, or withdraws it.
func (db *DB) SetHandbookPublished(ctx context.Context, id int64, published bool) error {
	return db.update(ctx, "publish handbook", func(tx *Tx) error {
		return execOne(ctx, tx, `UPDATE handbooks SET published = $1 WHERE id = $2`, published, id)
	})
}
