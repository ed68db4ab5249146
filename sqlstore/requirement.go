package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"laeringsliv"
)

// CreateRequirement stores r under its programme; a code used already is ECONFLICT.
func (db *DB) CreateRequirement(ctx context.Context, r *laeringsliv.WorkRequirement) error {
	if err := r.Validate(); err != nil {
		return err
	}
	err := db.update(ctx, "create requirement", func(tx *Tx) error {
		return createRequirement(ctx, tx, r)
	})
	if db.dialect.uniqueViolation(err) {
		return &laeringsliv.Error{Code: laeringsliv.ECONFLICT, Key: "requirement.error.code_taken", Field: "code"}
	}
	return err
}

func createRequirement(ctx context.Context, tx *Tx, r *laeringsliv.WorkRequirement) error {
	p, err := findProgramme(ctx, tx, r.ProgrammeID)
	if err != nil {
		return err
	}
	r.InstitutionID, r.CreatedAt = p.InstitutionID, tx.now
	return tx.QueryRowContext(ctx, `INSERT INTO work_requirements (institution_id, programme_id,
		code, title, description, mode, due_at, due_gathering, file_kinds, max_bytes, assessors,
		position, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		r.InstitutionID, r.ProgrammeID, r.Code, r.Title, r.Description, r.Mode, nullMillis(r.DueAt),
		r.DueGathering, joinKinds(r.FileKinds), r.MaxBytes, r.Assessors, r.Position, millis(r.CreatedAt),
	).Scan(&r.ID)
}

// UpdateRequirement saves what a teacher can change.
func (db *DB) UpdateRequirement(ctx context.Context, r *laeringsliv.WorkRequirement) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update requirement", func(tx *Tx) error {
		err := execOne(ctx, tx, `UPDATE work_requirements SET code = $1, title = $2, description = $3,
			mode = $4, due_at = $5, due_gathering = $6, file_kinds = $7, max_bytes = $8, assessors = $9,
			position = $10 WHERE id = $11`,
			r.Code, r.Title, r.Description, r.Mode, nullMillis(r.DueAt), r.DueGathering,
			joinKinds(r.FileKinds), r.MaxBytes, r.Assessors, r.Position, r.ID)
		if db.dialect.uniqueViolation(err) {
			return &laeringsliv.Error{Code: laeringsliv.ECONFLICT, Key: "requirement.error.code_taken", Field: "code"}
		}
		return err
	})
}

// FindRequirement returns the requirement with id, or ENOTFOUND.
func (db *DB) FindRequirement(ctx context.Context, id int64) (*laeringsliv.WorkRequirement, error) {
	var r *laeringsliv.WorkRequirement
	err := db.view(ctx, "find requirement", func(tx *Tx) (err error) {
		r, err = findRequirement(ctx, tx, id)
		return err
	})
	return r, err
}

// FindRequirements returns a programme's requirements by position and code.
func (db *DB) FindRequirements(ctx context.Context, programmeID int64) ([]*laeringsliv.WorkRequirement, error) {
	var list []*laeringsliv.WorkRequirement
	err := db.view(ctx, "find requirements", func(tx *Tx) (err error) {
		list, err = findRequirements(ctx, tx, programmeID)
		return err
	})
	return list, err
}

const requirementColumns = `id, institution_id, programme_id, code, title, description, mode, due_at,
	due_gathering, file_kinds, max_bytes, assessors, position, created_at`

func findRequirement(ctx context.Context, tx *Tx, id int64) (*laeringsliv.WorkRequirement, error) {
	return scanOne(tx.QueryRowContext(ctx, `SELECT `+requirementColumns+` FROM work_requirements WHERE id = $1`, id), scanRequirement)
}

func findRequirements(ctx context.Context, tx *Tx, programmeID int64) ([]*laeringsliv.WorkRequirement, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+requirementColumns+` FROM work_requirements
		WHERE programme_id = $1 ORDER BY position, code`, programmeID)
	if err != nil {
		return nil, err
	}
	return scanAll(rows, scanRequirement)
}

func scanRequirement(s scanner) (*laeringsliv.WorkRequirement, error) {
	var r laeringsliv.WorkRequirement
	var due sql.NullInt64
	var kinds string
	var created int64
	err := s.Scan(&r.ID, &r.InstitutionID, &r.ProgrammeID, &r.Code, &r.Title, &r.Description, &r.Mode,
		&due, &r.DueGathering, &kinds, &r.MaxBytes, &r.Assessors, &r.Position, &created)
	if err != nil {
		return nil, err
	}
	r.DueAt, r.CreatedAt = fromNullMillis(due), fromMillis(created)
	for _, k := range strings.Split(kinds, ",") {
		if k != "" {
			r.FileKinds = append(r.FileKinds, laeringsliv.FileKind(k))
		}
	}
	return &r, nil
}

// joinKinds stores the allowed kinds as one comma-separated column: a short closed list that
// is always read whole.
func joinKinds(kinds []laeringsliv.FileKind) string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ",")
}
