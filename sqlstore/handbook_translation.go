package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"laeringsliv"
)

// SaveTranslation saves a chapter's version in another language, written against version base
// of it (0 for a new one). A save against an older version is refused as a conflict; t is
// reloaded.
func (db *DB) SaveTranslation(ctx context.Context, t *laeringsliv.HandbookTranslation, base int) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "save handbook translation", func(tx *Tx) error {
		c, err := findChapter(ctx, tx, t.ChapterID)
		if err != nil {
			return err
		}
		var cur int
		err = tx.QueryRowContext(ctx, `SELECT version FROM handbook_translations WHERE chapter_id = $1 AND language = $2`,
			t.ChapterID, t.Language).Scan(&cur)
		switch {
		case err == nil && base != cur:
			return conflict("error.handbook_translation_changed")
		case err == nil:
			err = execOne(ctx, tx, `UPDATE handbook_translations SET title = $1, body = $2, version = $3, updated_at = $4
				WHERE chapter_id = $5 AND language = $6`, t.Title, t.Body, cur+1, millis(tx.now), t.ChapterID, t.Language)
		case errors.Is(err, sql.ErrNoRows) && base != 0:
			return conflict("error.handbook_translation_changed")
		case errors.Is(err, sql.ErrNoRows):
			err = insertTranslation(ctx, tx, c.InstitutionID, t)
		}
		if err != nil {
			return err
		}
		t.Version, t.UpdatedAt = cur+1, tx.now
		return nil
	})
}

// FindTranslations returns the chapters of a handbook written in lang, by chapter.
func (db *DB) FindTranslations(ctx context.Context, handbookID int64, lang string) (map[int64]*laeringsliv.HandbookTranslation, error) {
	out := map[int64]*laeringsliv.HandbookTranslation{}
	err := db.view(ctx, "find handbook translations", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+translationColumns+` FROM handbook_translations t
			JOIN handbook_chapters c ON c.id = t.chapter_id WHERE c.handbook_id = $1 AND t.language = $2`, handbookID, lang)
		if err != nil {
			return err
		}
		list, err := scanAll(rows, scanTranslation)
		for _, t := range list {
			out[t.ChapterID] = t
		}
		return err
	})
	return out, err
}

// FindChapterTranslations returns a chapter's versions in other languages, by language.
func (db *DB) FindChapterTranslations(ctx context.Context, chapterID int64) ([]*laeringsliv.HandbookTranslation, error) {
	var list []*laeringsliv.HandbookTranslation
	err := db.view(ctx, "find chapter translations", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+translationColumns+` FROM handbook_translations t
			WHERE t.chapter_id = $1 ORDER BY t.language`, chapterID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanTranslation)
		return err
	})
	return list, err
}

const translationColumns = `t.chapter_id, t.language, t.title, t.body, t.version, t.updated_at`

func scanTranslation(s scanner) (*laeringsliv.HandbookTranslation, error) {
	var t laeringsliv.HandbookTranslation
	var updated int64
	if err := s.Scan(&t.ChapterID, &t.Language, &t.Title, &t.Body, &t.Version, &updated); err != nil {
		return nil, err
	}
	t.UpdatedAt = fromMillis(updated)
	return &t, nil
}

// insertTranslation stores a chapter's first version in a language.
func insertTranslation(ctx context.Context, tx *Tx, institutionID int64, t *laeringsliv.HandbookTranslation) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO handbook_translations (institution_id, chapter_id, language,
		title, body, version, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6)`,
		institutionID, t.ChapterID, t.Language, t.Title, t.Body, millis(tx.now))
	return err
}
