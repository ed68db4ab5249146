package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"laeringsliv"
)

// KeepIPEIdea makes a note of a session an innovation at the first status in the shared
// project of the session's workplace, linked to the session. Nobody is recorded as its
// creator or as having set its status: the note is anonymous. Keeping the same note again (a
// second click on a slow network) returns the innovation it already became.
func (db *DB) KeepIPEIdea(ctx context.Context, sessionID int64, noteID string) (*laeringsliv.Innovation, error) {
	var kept *laeringsliv.Innovation
	err := db.update(ctx, "keep ipe idea", func(tx *Tx) error {
		s, err := findIPESession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		var text string
		err = tx.QueryRowContext(ctx, `SELECT text FROM ipe_notes WHERE id = $1 AND session_id = $2
			UNION ALL SELECT text FROM ipe_note_pool WHERE id = $1 AND session_id = $2`, noteID, s.ID).
			Scan(&text)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound()
		} else if err != nil {
			return err
		}
		project, err := sharedProject(ctx, tx, s.WorkplaceID)
		if err != nil {
			return err
		}
		kept = laeringsliv.KeptIdea(s, project, text)
		if err := kept.Validate(); err != nil {
			return err
		}
		if id, err := keptBefore(ctx, tx, kept); err != nil || id != 0 {
			if err == nil {
				kept, err = findInnovation(ctx, tx, id)
			}
			return err
		}
		return insertInnovation(ctx, tx, kept, 0)
	})
	return kept, err
}

// sharedProject returns the workplace's shared project: its first project that is nobody's
// sub-project.
func sharedProject(ctx context.Context, tx *Tx, workplaceID int64) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM projects WHERE workplace_id = $1
		ORDER BY CASE WHEN parent_id IS NULL THEN 0 ELSE 1 END, id LIMIT 1`, workplaceID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, laeringsliv.Errorf(laeringsliv.EINVALID, "ideas.error.no_project")
	}
	return id, err
}

// keptBefore returns the innovation kept with the same text from the same session, or 0.
func keptBefore(ctx context.Context, tx *Tx, kept *laeringsliv.Innovation) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT i.id FROM innovations i
		JOIN innovation_links l ON l.institution_id = i.institution_id AND l.innovation_id = i.id
		WHERE l.kind = $1 AND l.ref_id = $2 AND i.workplace_id = $3 AND i.description = $4
		ORDER BY i.id LIMIT 1`, laeringsliv.SourceSession, kept.SessionID(), kept.WorkplaceID, kept.Description).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
