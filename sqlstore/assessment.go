package sqlstore

import (
	"context"

	"laeringsliv"
)

// Assess records a teacher's verdict on a submitted submission and sets its status from all
// its assessments, with as many teachers as the requirement asks for having to agree.
func (db *DB) Assess(ctx context.Context, a *laeringsliv.Assessment) (*laeringsliv.Submission, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	var s *laeringsliv.Submission
	err := db.update(ctx, "assess", func(tx *Tx) (err error) {
		if s, err = findSubmission(ctx, tx, a.SubmissionID); err != nil {
			return err
		} else if s.Status == laeringsliv.StatusDraft {
			return conflict("assessment.error.not_submitted")
		}
		r, err := findRequirement(ctx, tx, s.RequirementID)
		if err != nil {
			return err
		}
		a.CreatedAt = tx.now
		err = tx.QueryRowContext(ctx, `INSERT INTO assessments (institution_id, submission_id, assessor_id,
			verdict, feedback, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			s.InstitutionID, s.ID, a.AssessorID, a.Verdict, a.Feedback, millis(a.CreatedAt)).Scan(&a.ID)
		if err != nil {
			return err
		}
		all, err := findAssessments(ctx, tx, s.ID)
		if err != nil {
			return err
		}
		list := make([]laeringsliv.Assessment, len(all))
		for i, x := range all {
			list[i] = *x
		}
		s.Status = laeringsliv.Outcome(list, r.Assessors)
		_, err = tx.ExecContext(ctx, `UPDATE submissions SET status = $1 WHERE id = $2`, s.Status, s.ID)
		return err
	})
	return s, err
}

// FindAssessments returns a submission's assessments, oldest first.
func (db *DB) FindAssessments(ctx context.Context, submissionID int64) ([]*laeringsliv.Assessment, error) {
	var list []*laeringsliv.Assessment
	err := db.view(ctx, "find assessments", func(tx *Tx) (err error) {
		list, err = findAssessments(ctx, tx, submissionID)
		return err
	})
	return list, err
}

func findAssessments(ctx context.Context, tx *Tx, submissionID int64) ([]*laeringsliv.Assessment, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, submission_id, assessor_id, verdict, feedback, created_at
		FROM assessments WHERE submission_id = $1 ORDER BY created_at, id`, submissionID)
	if err != nil {
		return nil, err
	}
	return scanAll(rows, func(s scanner) (*laeringsliv.Assessment, error) {
		var a laeringsliv.Assessment
		var created int64
		err := s.Scan(&a.ID, &a.SubmissionID, &a.AssessorID, &a.Verdict, &a.Feedback, &created)
		a.CreatedAt = fromMillis(created)
		return &a, err
	})
}
