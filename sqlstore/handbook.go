package sqlstore

import (
	"context"

	"laeringsliv"
)

// CreateHandbook stores h in its programme's institution; a programme has one handbook.
func (db *DB) CreateHandbook(ctx context.Context, h *laeringsliv.Handbook) error {
	if err := h.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create handbook", func(tx *Tx) error {
		p, err := findProgramme(ctx, tx, h.ProgrammeID)
		if err != nil {
			return err
		}
		h.InstitutionID, h.CreatedAt = p.InstitutionID, tx.now
		return tx.QueryRowContext(ctx, `INSERT INTO handbooks (institution_id, programme_id, title, created_at)
			VALUES ($1, $2, $3, $4) RETURNING id`,
			h.InstitutionID, h.ProgrammeID, h.Title, millis(h.CreatedAt)).Scan(&h.ID)
	})
}

// FindProgrammeHandbook returns a programme's handbook, or ENOTFOUND.
func (db *DB) FindProgrammeHandbook(ctx context.Context, programmeID int64) (*laeringsliv.Handbook, error) {
	var h *laeringsliv.Handbook
	err := db.view(ctx, "find handbook", func(tx *Tx) (err error) {
		h, err = scanOne(tx.QueryRowContext(ctx, `SELECT id, institution_id, programme_id, title, feedback_open, created_at
			FROM handbooks WHERE programme_id = $1`, programmeID), scanHandbook)
		return err
	})
	return h, err
}

func scanHandbook(s scanner) (*laeringsliv.Handbook, error) {
	var h laeringsliv.Handbook
	var created int64
	if err := s.Scan(&h.ID, &h.InstitutionID, &h.ProgrammeID, &h.Title, &h.FeedbackOpen, &created); err != nil {
		return nil, err
	}
	h.CreatedAt = fromMillis(created)
	return &h, nil
}
