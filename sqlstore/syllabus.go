package sqlstore

import (
	"context"

	"laeringsliv"
)

// CreateSyllabusText stores s in its programme's institution and sets its ID and CreatedAt.
func (db *DB) CreateSyllabusText(ctx context.Context, s *laeringsliv.SyllabusText) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create syllabus text", func(tx *Tx) error {
		return createSyllabusText(ctx, tx, s)
	})
}

func createSyllabusText(ctx context.Context, tx *Tx, s *laeringsliv.SyllabusText) error {
	p, err := findProgramme(ctx, tx, s.ProgrammeID)
	if err != nil {
		return err
	}
	s.InstitutionID, s.CreatedAt = p.InstitutionID, tx.now
	return tx.QueryRowContext(ctx, `
		INSERT INTO syllabus_texts (institution_id, programme_id, title, authors, year, language,
			pages, url, summary, created_at, file_key, file_name, file_size)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		s.InstitutionID, s.ProgrammeID, s.Title, s.Authors, s.Year, s.Language, s.Pages, s.URL,
		s.Summary, millis(s.CreatedAt), s.FileKey, s.FileName, s.FileSize).Scan(&s.ID)
}

// FindSyllabusText returns the text with id, or ENOTFOUND.
func (db *DB) FindSyllabusText(ctx context.Context, id int64) (*laeringsliv.SyllabusText, error) {
	var s *laeringsliv.SyllabusText
	err := db.view(ctx, "find syllabus text", func(tx *Tx) (err error) {
		s, err = findSyllabusText(ctx, tx, id)
		return err
	})
	return s, err
}

// FindSyllabusTexts returns a programme's syllabus ordered by title.
func (db *DB) FindSyllabusTexts(ctx context.Context, programmeID int64) ([]*laeringsliv.SyllabusText, error) {
	var list []*laeringsliv.SyllabusText
	err := db.view(ctx, "find syllabus texts", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+syllabusColumns+` FROM syllabus_texts
			WHERE programme_id = $1 ORDER BY title, id`, programmeID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanSyllabusText)
		return err
	})
	return list, err
}

// UpdateSyllabusText saves the fields a user can set, and the PDF, and reloads s. The
// programme stays.
func (db *DB) UpdateSyllabusText(ctx context.Context, s *laeringsliv.SyllabusText) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update syllabus text", func(tx *Tx) error {
		err := execOne(ctx, tx, `UPDATE syllabus_texts SET title = $1, authors = $2, year = $3,
			language = $4, pages = $5, url = $6, summary = $7, file_key = $8, file_name = $9,
			file_size = $10 WHERE id = $11`,
			s.Title, s.Authors, s.Year, s.Language, s.Pages, s.URL, s.Summary, s.FileKey, s.FileName,
			s.FileSize, s.ID)
		if err != nil {
			return err
		}
		saved, err := findSyllabusText(ctx, tx, s.ID)
		if err == nil {
			*s = *saved
		}
		return err
	})
}

const syllabusColumns = `id, institution_id, programme_id, title, authors, year, language, pages, url, summary, created_at, file_key, file_name, file_size`

func findSyllabusText(ctx context.Context, tx *Tx, id int64) (*laeringsliv.SyllabusText, error) {
	return scanOne(tx.QueryRowContext(ctx,
		`SELECT `+syllabusColumns+` FROM syllabus_texts WHERE id = $1`, id), scanSyllabusText)
}

func scanSyllabusText(sc scanner) (*laeringsliv.SyllabusText, error) {
	var s laeringsliv.SyllabusText
	var created int64
	err := sc.Scan(&s.ID, &s.InstitutionID, &s.ProgrammeID, &s.Title, &s.Authors, &s.Year,
		&s.Language, &s.Pages, &s.URL, &s.Summary, &created, &s.FileKey, &s.FileName, &s.FileSize)
	if err != nil {
		return nil, err
	}
	s.CreatedAt = fromMillis(created)
	return &s, nil
}
