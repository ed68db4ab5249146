package sqlstore

import (
	"context"

	"laeringsliv"
)

// SaveChapter saves an author's title and body, written against version base, as a new
// version. When others have saved since base, the body is merged over their versions so that no
// one's edit is lost; merged reports whether that happened. c is reloaded.
func (db *DB) SaveChapter(ctx context.Context, c *laeringsliv.HandbookChapter, base int, authorID int64) (merged bool, err error) {
	if err := c.Validate(); err != nil {
		return false, err
	}
	if _, err := laeringsliv.ParseEmbeds(c.Body); err != nil {
		return false, err
	}
	err = db.update(ctx, "save handbook chapter", func(tx *Tx) error {
		// Lock the chapter's row first, so that two saves on PostgreSQL take turns.
		if err := execOne(ctx, tx, `UPDATE handbook_chapters SET version = version WHERE id = $1`, c.ID); err != nil {
			return err
		}
		cur, err := findChapter(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if base < 0 || base > cur.Version {
			return invalid("error.handbook_version_unknown")
		}
		body := c.Body
		if base < cur.Version {
			if body, err = mergeOverMissed(ctx, tx, cur, base, body); err != nil {
				return err
			}
			merged = true
		}
		return saveVersion(ctx, tx, cur, c.Title, body, authorID, c)
	})
	return merged, err
}

// mergeOverMissed merges body, written against version base, over the versions saved since.
func mergeOverMissed(ctx context.Context, tx *Tx, cur *laeringsliv.HandbookChapter, base int, body string) (string, error) {
	var history []string
	rows, err := tx.QueryContext(ctx, `SELECT body FROM handbook_versions
		WHERE chapter_id = $1 AND version >= $2 ORDER BY version`, cur.ID, base)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			return "", err
		}
		history = append(history, b)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	merged, err := laeringsliv.MergeChapterBody(history, body)
	if err != nil || len(merged) > laeringsliv.MaxChapterBody {
		return "", conflict("error.handbook_merge_failed")
	}
	return merged, nil
}

func saveVersion(ctx context.Context, tx *Tx, cur *laeringsliv.HandbookChapter, title, body string, authorID int64, out *laeringsliv.HandbookChapter) error {
	v := cur.Version + 1
	if _, err := tx.ExecContext(ctx, `INSERT INTO handbook_versions (institution_id, chapter_id, version,
			title, body, author_id, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		cur.InstitutionID, cur.ID, v, title, body, authorID, millis(tx.now)); err != nil {
		return err
	}
	err := execOne(ctx, tx, `UPDATE handbook_chapters SET title = $1, body = $2, version = $3, updated_at = $4
		WHERE id = $5`, title, body, v, millis(tx.now), cur.ID)
	if err != nil {
		return err
	}
	saved, err := findChapter(ctx, tx, cur.ID)
	if err == nil {
		*out = *saved
	}
	return err
}

// FindChapterVersions returns every saved version of a chapter, newest first.
func (db *DB) FindChapterVersions(ctx context.Context, chapterID int64) ([]*laeringsliv.HandbookVersion, error) {
	var list []*laeringsliv.HandbookVersion
	err := db.view(ctx, "find handbook versions", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT chapter_id, version, title, body, author_id, saved_at
			FROM handbook_versions WHERE chapter_id = $1 ORDER BY version DESC`, chapterID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanHandbookVersion)
		return err
	})
	return list, err
}

func scanHandbookVersion(s scanner) (*laeringsliv.HandbookVersion, error) {
	var v laeringsliv.HandbookVersion
	var saved int64
	if err := s.Scan(&v.ChapterID, &v.Version, &v.Title, &v.Body, &v.AuthorID, &saved); err != nil {
		return nil, err
	}
	v.SavedAt = fromMillis(saved)
	return &v, nil
}
