package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"laeringsliv"
)

// SaveDraft creates a draft when s.ID is 0, or saves the text of an existing draft. A member
// may hold one open submission per requirement; only a not-approved one may be followed by
// another (through Resubmit).
func (db *DB) SaveDraft(ctx context.Context, s *laeringsliv.Submission) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if !s.Has(s.AuthorID) {
		return laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "submission.error.not_member")
	}
	return db.update(ctx, "save draft", func(tx *Tx) error {
		if s.ID != 0 {
			return saveDraftText(ctx, tx, s)
		}
		return createDraft(ctx, tx, s, 1)
	})
}

func saveDraftText(ctx context.Context, tx *Tx, s *laeringsliv.Submission) error {
	saved, err := findSubmission(ctx, tx, s.ID)
	if err != nil {
		return err
	}
	if !saved.Has(s.AuthorID) {
		return laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "submission.error.not_member")
	} else if !saved.Editable() {
		return conflict("submission.error.not_draft")
	}
	if _, err := tx.ExecContext(ctx, `UPDATE submissions SET body = $1, author_id = $2, updated_at = $3 WHERE id = $4`,
		s.Text, s.AuthorID, millis(tx.now), s.ID); err != nil {
		return err
	}
	saved.Text, saved.AuthorID, saved.UpdatedAt = s.Text, s.AuthorID, tx.now
	*s = *saved
	return nil
}

func createDraft(ctx context.Context, tx *Tx, s *laeringsliv.Submission, version int) error {
	r, err := findRequirement(ctx, tx, s.RequirementID)
	if err != nil {
		return err
	}
	w, err := findWorkplace(ctx, tx, s.WorkplaceID)
	if err != nil {
		return err
	}
	if w.ProgrammeID != r.ProgrammeID {
		return invalid("submission.error.wrong_programme")
	}
	if r.Mode == laeringsliv.ModeIndividual && len(s.MemberIDs) != 1 {
		return invalid("submission.error.individual")
	}
	for _, m := range s.MemberIDs {
		var open bool
		err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM submissions s
			JOIN submission_members m ON m.submission_id = s.id
			WHERE s.requirement_id = $1 AND m.person_id = $2 AND s.status <> $3)`,
			r.ID, m, laeringsliv.StatusNotApproved).Scan(&open)
		if err != nil {
			return err
		} else if open {
			return conflict("submission.error.exists")
		}
	}
	s.InstitutionID, s.Version, s.Status = w.InstitutionID, version, laeringsliv.StatusDraft
	s.CreatedAt, s.UpdatedAt, s.SubmittedAt = tx.now, tx.now, time.Time{}
	err = tx.QueryRowContext(ctx, `INSERT INTO submissions (institution_id, requirement_id, workplace_id,
		version, author_id, body, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
		RETURNING id`, s.InstitutionID, s.RequirementID, s.WorkplaceID, s.Version, s.AuthorID, s.Text,
		s.Status, millis(tx.now)).Scan(&s.ID)
	if err != nil {
		return err
	}
	for _, m := range s.MemberIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO submission_members (institution_id, submission_id, person_id)
			VALUES ($1, $2, $3)`, s.InstitutionID, s.ID, m); err != nil {
			return err
		}
	}
	return nil
}

// Submit hands in a draft.
func (db *DB) Submit(ctx context.Context, id, authorID int64) (*laeringsliv.Submission, error) {
	var s *laeringsliv.Submission
	err := db.update(ctx, "submit", func(tx *Tx) (err error) {
		if s, err = findSubmission(ctx, tx, id); err != nil {
			return err
		} else if !s.Has(authorID) {
			return laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "submission.error.not_member")
		} else if !s.Editable() {
			return conflict("submission.error.not_draft")
		}
		s.Status, s.AuthorID, s.SubmittedAt, s.UpdatedAt = laeringsliv.StatusSubmitted, authorID, tx.now, tx.now
		_, err = tx.ExecContext(ctx, `UPDATE submissions SET status = $1, author_id = $2, submitted_at = $3,
			updated_at = $3 WHERE id = $4`, s.Status, authorID, millis(tx.now), id)
		return err
	})
	return s, err
}

// Resubmit starts version n+1 of a not-approved submission with the same members and text.
func (db *DB) Resubmit(ctx context.Context, id, authorID int64) (*laeringsliv.Submission, error) {
	var next *laeringsliv.Submission
	err := db.update(ctx, "resubmit", func(tx *Tx) error {
		s, err := findSubmission(ctx, tx, id)
		if err != nil {
			return err
		} else if !s.Has(authorID) {
			return laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "submission.error.not_member")
		} else if s.Status != laeringsliv.StatusNotApproved {
			return conflict("submission.error.not_rejected")
		}
		next = &laeringsliv.Submission{RequirementID: s.RequirementID, WorkplaceID: s.WorkplaceID,
			AuthorID: authorID, MemberIDs: s.MemberIDs, Text: s.Text}
		return createDraft(ctx, tx, next, s.Version+1)
	})
	return next, err
}

// AddSubmissionFile records a stored file on a draft.
func (db *DB) AddSubmissionFile(ctx context.Context, f *laeringsliv.SubmissionFile) error {
	return db.update(ctx, "add submission file", func(tx *Tx) error {
		s, err := findSubmission(ctx, tx, f.SubmissionID)
		if err != nil {
			return err
		} else if !s.Editable() {
			return conflict("submission.error.not_draft")
		}
		f.CreatedAt = tx.now
		return tx.QueryRowContext(ctx, `INSERT INTO submission_files (institution_id, submission_id,
			storage_key, name, kind, content_type, size, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			RETURNING id`, s.InstitutionID, f.SubmissionID, f.Key, f.Name, f.Kind, f.ContentType, f.Size,
			millis(f.CreatedAt)).Scan(&f.ID)
	})
}

// FindSubmission returns the submission with id, its members and files, or ENOTFOUND.
func (db *DB) FindSubmission(ctx context.Context, id int64) (*laeringsliv.Submission, error) {
	var s *laeringsliv.Submission
	err := db.view(ctx, "find submission", func(tx *Tx) (err error) {
		s, err = findSubmission(ctx, tx, id)
		return err
	})
	return s, err
}

// FindSubmissions returns the submissions f selects, newest version first.
func (db *DB) FindSubmissions(ctx context.Context, f laeringsliv.SubmissionFilter) ([]*laeringsliv.Submission, error) {
	var w where
	if f.RequirementID != 0 {
		w.eq("requirement_id", f.RequirementID)
	}
	if f.WorkplaceID != 0 {
		w.eq("workplace_id", f.WorkplaceID)
	}
	if f.PersonID != 0 {
		w.add("id IN (SELECT submission_id FROM submission_members WHERE person_id = " + w.arg(f.PersonID) + ")")
	}
	var list []*laeringsliv.Submission
	err := db.view(ctx, "find submissions", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+submissionColumns+` FROM submissions`+w.String()+
			` ORDER BY requirement_id, version DESC, id DESC`, w.args...)
		if err != nil {
			return err
		}
		if list, err = scanAll(rows, scanSubmission); err != nil {
			return err
		}
		for _, s := range list {
			if err := loadSubmissionParts(ctx, tx, s); err != nil {
				return err
			}
		}
		return nil
	})
	return list, err
}

const submissionColumns = `id, institution_id, requirement_id, workplace_id, version, author_id, body,
	status, submitted_at, created_at, updated_at`

func findSubmission(ctx context.Context, tx *Tx, id int64) (*laeringsliv.Submission, error) {
	s, err := scanOne(tx.QueryRowContext(ctx, `SELECT `+submissionColumns+` FROM submissions WHERE id = $1`, id), scanSubmission)
	if err != nil {
		return nil, err
	}
	return s, loadSubmissionParts(ctx, tx, s)
}

func scanSubmission(sc scanner) (*laeringsliv.Submission, error) {
	var s laeringsliv.Submission
	var submitted sql.NullInt64
	var created, updated int64
	err := sc.Scan(&s.ID, &s.InstitutionID, &s.RequirementID, &s.WorkplaceID, &s.Version, &s.AuthorID,
		&s.Text, &s.Status, &submitted, &created, &updated)
	if err != nil {
		return nil, err
	}
	s.SubmittedAt, s.CreatedAt, s.UpdatedAt = fromNullMillis(submitted), fromMillis(created), fromMillis(updated)
	return &s, nil
}

func loadSubmissionParts(ctx context.Context, tx *Tx, s *laeringsliv.Submission) error {
	ids, err := queryIDs(ctx, tx, `SELECT person_id FROM submission_members WHERE submission_id = $1 ORDER BY person_id`, s.ID)
	if err != nil {
		return err
	}
	s.MemberIDs = ids
	rows, err := tx.QueryContext(ctx, `SELECT id, submission_id, storage_key, name, kind, content_type, size,
		created_at FROM submission_files WHERE submission_id = $1 ORDER BY id`, s.ID)
	if err != nil {
		return err
	}
	files, err := scanAll(rows, func(sc scanner) (*laeringsliv.SubmissionFile, error) {
		var f laeringsliv.SubmissionFile
		var created int64
		err := sc.Scan(&f.ID, &f.SubmissionID, &f.Key, &f.Name, &f.Kind, &f.ContentType, &f.Size, &created)
		f.CreatedAt = fromMillis(created)
		return &f, err
	})
	s.Files = nil
	for _, f := range files {
		s.Files = append(s.Files, *f)
	}
	return err
}

// queryIDs returns the single integer column of a query.
func queryIDs(ctx context.Context, tx *Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
