package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"laeringsliv"
)

// SaveAnswer stores a participant's answers, replacing earlier ones, while the workshop's phase
// keeps answers open; the person must be in one of its groups.
func (db *DB) SaveAnswer(ctx context.Context, a *laeringsliv.Answer) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "save answer", func(tx *Tx) error {
		w, err := findWorkshop(ctx, tx, a.WorkshopID)
		if err != nil {
			return err
		}
		if !w.AcceptsAnswer(a.WrittenIn, tx.now) {
			return conflict("reading.error.answers_closed")
		}
		var group int64
		err = tx.QueryRowContext(ctx, `SELECT group_id FROM reading_group_members
			WHERE workshop_id = $1 AND person_id = $2`, a.WorkshopID, a.PersonID).Scan(&group)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("reading.error.not_in_group")
		} else if err != nil {
			return err
		}
		a.InstitutionID, a.UpdatedAt = w.InstitutionID, tx.now
		_, err = tx.ExecContext(ctx, `INSERT INTO reading_answers (institution_id, workshop_id, person_id,
			interesting, connects, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (workshop_id, person_id) DO UPDATE SET interesting = excluded.interesting,
				connects = excluded.connects, updated_at = excluded.updated_at`,
			a.InstitutionID, a.WorkshopID, a.PersonID, a.Interesting, a.Connects, millis(a.UpdatedAt))
		if err != nil || w.Phase.AnswersOpen() {
			return err
		}
		// A final save in the grace window: the group already sees the answers, so its
		// screens must update.
		return readingLog.append(ctx, tx, w.InstitutionID, w.ID, laeringsliv.ReadingEventAnswer, laeringsliv.ReadingAnswerEvent{Group: group})
	})
}

// FindAnswers returns every answer of a workshop, by person.
func (db *DB) FindAnswers(ctx context.Context, workshopID int64) ([]*laeringsliv.Answer, error) {
	var list []*laeringsliv.Answer
	err := db.view(ctx, "find answers", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT institution_id, workshop_id, person_id, interesting,
			connects, updated_at FROM reading_answers WHERE workshop_id = $1 ORDER BY person_id`, workshopID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(s scanner) (*laeringsliv.Answer, error) {
			var a laeringsliv.Answer
			var at int64
			err := s.Scan(&a.InstitutionID, &a.WorkshopID, &a.PersonID, &a.Interesting, &a.Connects, &at)
			a.UpdatedAt = fromMillis(at)
			return &a, err
		})
		return err
	})
	return list, err
}
