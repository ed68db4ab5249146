package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"

	"laeringsliv"
)

// SetHandbookFeedback opens or closes a handbook's draft for feedback.
func (db *DB) SetHandbookFeedback(ctx context.Context, handbookID int64, open bool) error {
	return db.update(ctx, "set handbook feedback", func(tx *Tx) error {
		return execOne(ctx, tx, `UPDATE handbooks SET feedback_open = $1 WHERE id = $2`, open, handbookID)
	})
}

// AddMark stores a reader's mark on a chapter whose handbook is open for feedback. The mark
// gets a random id and no time; an anonymous mark (PersonID 0) stores no person.
func (db *DB) AddMark(ctx context.Context, m *laeringsliv.HandbookMark) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "add handbook mark", func(tx *Tx) error {
		var inst int64
		var open bool
		err := tx.QueryRowContext(ctx, `SELECT c.institution_id, h.feedback_open FROM handbook_chapters c
			JOIN handbooks h ON h.id = c.handbook_id WHERE c.id = $1`, m.ChapterID).Scan(&inst, &open)
		if err != nil {
			return notFoundIfNoRows(err)
		}
		if !open {
			return conflict("error.handbook_feedback_closed")
		}
		m.ID, m.Resolved = randomMarkID(), false
		var person any
		if m.PersonID != 0 {
			person = m.PersonID
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO handbook_marks (id, institution_id, chapter_id, kind, passage,
			comment, person_id, resolved) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			m.ID, inst, m.ChapterID, string(m.Kind), m.Passage, m.Comment, person, false)
		return err
	})
}

// FindMarks returns a chapter's marks grouped by passage and kind, so that the margin shows
// the marks on one passage together; the order says nothing of when they were written.
func (db *DB) FindMarks(ctx context.Context, chapterID int64) ([]*laeringsliv.HandbookMark, error) {
	var list []*laeringsliv.HandbookMark
	err := db.view(ctx, "find handbook marks", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, chapter_id, kind, passage, comment, COALESCE(person_id, 0), resolved
			FROM handbook_marks WHERE chapter_id = $1 ORDER BY passage, kind, id`, chapterID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanMark)
		return err
	})
	return list, err
}

// ResolveMark marks a mark as dealt with by the authors.
func (db *DB) ResolveMark(ctx context.Context, chapterID int64, id string) error {
	return db.update(ctx, "resolve handbook mark", func(tx *Tx) error {
		return execOne(ctx, tx, `UPDATE handbook_marks SET resolved = $1 WHERE id = $2 AND chapter_id = $3`,
			true, id, chapterID)
	})
}

// MarkSummaries counts the marks of each chapter of a handbook, per kind.
func (db *DB) MarkSummaries(ctx context.Context, handbookID int64) ([]laeringsliv.MarkSummary, error) {
	var list []laeringsliv.MarkSummary
	err := db.view(ctx, "summarise handbook marks", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.id, m.kind, m.resolved, COUNT(*) FROM handbook_chapters c
			JOIN handbook_marks m ON m.chapter_id = c.id WHERE c.handbook_id = $1
			GROUP BY c.id, c.position, m.kind, m.resolved ORDER BY c.position, c.id`, handbookID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var kind string
			var resolved bool
			var n int
			if err := rows.Scan(&id, &kind, &resolved, &n); err != nil {
				return err
			}
			if len(list) == 0 || list[len(list)-1].ChapterID != id {
				list = append(list, laeringsliv.MarkSummary{ChapterID: id, Counts: map[laeringsliv.MarkKind]int{}})
			}
			s := &list[len(list)-1]
			s.Counts[laeringsliv.MarkKind(kind)] += n
			if !resolved {
				s.Open += n
			}
		}
		return rows.Err()
	})
	return list, err
}

func scanMark(s scanner) (*laeringsliv.HandbookMark, error) {
	var m laeringsliv.HandbookMark
	var kind string
	if err := s.Scan(&m.ID, &m.ChapterID, &kind, &m.Passage, &m.Comment, &m.PersonID, &m.Resolved); err != nil {
		return nil, err
	}
	m.Kind = laeringsliv.MarkKind(kind)
	return &m, nil
}

// randomMarkID returns 130 random bits as text.
func randomMarkID() string { return rand.Text() }

func notFoundIfNoRows(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return notFound()
	}
	return err
}
