package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

// CreateInnovation stores i in its workplace, copying the workplace's institution, records its
// first status as a change by person by, and stores its links. The project must belong to the
// same workplace.
func (db *DB) CreateInnovation(ctx context.Context, i *laeringsliv.Innovation, by int64) error {
	if err := i.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create innovation", func(tx *Tx) error {
		return insertInnovation(ctx, tx, i, by)
	})
}

// insertInnovation stores a validated innovation with its first status and its links.
func insertInnovation(ctx context.Context, tx *Tx, i *laeringsliv.Innovation, by int64) error {
	inst, err := projectInstitution(ctx, tx, i.WorkplaceID, i.ProjectID)
	if err != nil {
		return err
	}
	i.InstitutionID, i.CreatedBy, i.CreatedAt, i.UpdatedAt = inst, by, tx.now, tx.now
	err = tx.QueryRowContext(ctx, `
		INSERT INTO innovations (institution_id, workplace_id, project_id, title, description, status,
			size, revives_failure, owner_group, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		i.InstitutionID, i.WorkplaceID, i.ProjectID, i.Title, i.Description, i.Status, i.Size,
		boolInt(i.RevivesFailure), i.OwnerGroup, nullID(by), millis(tx.now), millis(tx.now),
	).Scan(&i.ID)
	if err != nil {
		return err
	}
	if err := insertStatusChange(ctx, tx, i, by); err != nil {
		return err
	}
	return replaceLinks(ctx, tx, i)
}

// UpdateInnovation saves the fields a user can set, records a status change when the status
// moved, replaces the links and reloads i. An innovation stays in its workplace.
func (db *DB) UpdateInnovation(ctx context.Context, i *laeringsliv.Innovation, by int64) error {
	if err := i.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update innovation", func(tx *Tx) error {
		old, err := findInnovation(ctx, tx, i.ID)
		if err != nil {
			return err
		}
		if _, err := projectInstitution(ctx, tx, old.WorkplaceID, i.ProjectID); err != nil {
			return err
		}
		err = execOne(ctx, tx, `UPDATE innovations SET project_id = $1, title = $2, description = $3,
			status = $4, size = $5, revives_failure = $6, owner_group = $7, updated_at = $8 WHERE id = $9`,
			i.ProjectID, i.Title, i.Description, i.Status, i.Size, boolInt(i.RevivesFailure),
			i.OwnerGroup, millis(tx.now), i.ID)
		if err != nil {
			return err
		}
		i.InstitutionID = old.InstitutionID
		if old.Status != i.Status {
			if err := insertStatusChange(ctx, tx, i, by); err != nil {
				return err
			}
		}
		if err := replaceLinks(ctx, tx, i); err != nil {
			return err
		}
		saved, err := findInnovation(ctx, tx, i.ID)
		if err == nil {
			*i = *saved
		}
		return err
	})
}

// FindInnovation returns the innovation with id and its links, or ENOTFOUND.
func (db *DB) FindInnovation(ctx context.Context, id int64) (*laeringsliv.Innovation, error) {
	var i *laeringsliv.Innovation
	err := db.view(ctx, "find innovation", func(tx *Tx) (err error) {
		i, err = findInnovation(ctx, tx, id)
		return err
	})
	return i, err
}

// FindInnovations returns the innovations f selects, with their links, in order of creation.
func (db *DB) FindInnovations(ctx context.Context, f laeringsliv.InnovationFilter) ([]*laeringsliv.Innovation, error) {
	var w where
	if f.InstitutionID != 0 {
		w.eq("i.institution_id", f.InstitutionID)
	}
	if f.WorkplaceID != 0 {
		w.eq("i.workplace_id", f.WorkplaceID)
	}
	if f.ProgrammeID != 0 {
		w.eq("wp.programme_id", f.ProgrammeID)
	}
	if f.ProjectID != 0 {
		w.eq("i.project_id", f.ProjectID)
	}
	var list []*laeringsliv.Innovation
	err := db.view(ctx, "find innovations", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+innovationColumns+` FROM innovations i
			JOIN workplaces wp ON wp.institution_id = i.institution_id AND wp.id = i.workplace_id`+
			w.String()+` ORDER BY i.id`, w.args...)
		if err != nil {
			return err
		}
		if list, err = scanAll(rows, scanInnovation); err != nil {
			return err
		}
		for _, i := range list {
			if i.Links, err = findLinks(ctx, tx, i.ID); err != nil {
				return err
			}
		}
		return nil
	})
	return list, err
}

// InnovationHistory returns the status changes of an innovation, oldest first.
func (db *DB) InnovationHistory(ctx context.Context, id int64) ([]*laeringsliv.StatusChange, error) {
	var list []*laeringsliv.StatusChange
	err := db.view(ctx, "innovation history", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT innovation_id, status, changed_by, changed_at
			FROM innovation_status_changes WHERE innovation_id = $1 ORDER BY changed_at, id`, id)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(s scanner) (*laeringsliv.StatusChange, error) {
			var c laeringsliv.StatusChange
			var by sql.NullInt64
			var at int64
			err := s.Scan(&c.InnovationID, &c.Status, &by, &at)
			c.ChangedBy, c.ChangedAt = by.Int64, fromMillis(at)
			return &c, err
		})
		return err
	})
	return list, err
}

// projectInstitution checks that project belongs to workplace and returns its institution.
func projectInstitution(ctx context.Context, tx *Tx, workplaceID, projectID int64) (int64, error) {
	var inst, wp int64
	err := tx.QueryRowContext(ctx, `SELECT institution_id, workplace_id FROM projects WHERE id = $1`,
		projectID).Scan(&inst, &wp)
	if err == sql.ErrNoRows || (err == nil && wp != workplaceID) {
		return 0, laeringsliv.FieldError("project_id", "innovation.error.project_required")
	}
	return inst, err
}

func insertStatusChange(ctx context.Context, tx *Tx, i *laeringsliv.Innovation, by int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO innovation_status_changes
		(institution_id, innovation_id, status, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)`,
		i.InstitutionID, i.ID, i.Status, nullID(by), millis(tx.now))
	return err
}

func replaceLinks(ctx context.Context, tx *Tx, i *laeringsliv.Innovation) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM innovation_links WHERE innovation_id = $1`, i.ID); err != nil {
		return err
	}
	seen := map[laeringsliv.SourceLink]bool{}
	for _, l := range i.Links {
		if seen[l] {
			continue
		}
		seen[l] = true
		_, err := tx.ExecContext(ctx, `INSERT INTO innovation_links (institution_id, innovation_id, kind, ref_id)
			VALUES ($1, $2, $3, $4)`, i.InstitutionID, i.ID, l.Kind, l.RefID)
		if err != nil {
			return err
		}
	}
	return nil
}

func findLinks(ctx context.Context, tx *Tx, id int64) ([]laeringsliv.SourceLink, error) {
	rows, err := tx.QueryContext(ctx, `SELECT kind, ref_id FROM innovation_links
		WHERE innovation_id = $1 ORDER BY kind, ref_id`, id)
	if err != nil {
		return nil, err
	}
	list, err := scanAll(rows, func(s scanner) (*laeringsliv.SourceLink, error) {
		var l laeringsliv.SourceLink
		return &l, s.Scan(&l.Kind, &l.RefID)
	})
	out := make([]laeringsliv.SourceLink, 0, len(list))
	for _, l := range list {
		out = append(out, *l)
	}
	return out, err
}

const innovationColumns = `i.id, i.institution_id, i.workplace_id, i.project_id, i.title, i.description,
	i.status, i.size, i.revives_failure, i.owner_group, i.created_by, i.created_at, i.updated_at`

func findInnovation(ctx context.Context, tx *Tx, id int64) (*laeringsliv.Innovation, error) {
	i, err := scanOne(tx.QueryRowContext(ctx,
		`SELECT `+innovationColumns+` FROM innovations i WHERE i.id = $1`, id), scanInnovation)
	if err != nil {
		return nil, err
	}
	i.Links, err = findLinks(ctx, tx, id)
	return i, err
}

func scanInnovation(s scanner) (*laeringsliv.Innovation, error) {
	var i laeringsliv.Innovation
	var revives int64
	var by sql.NullInt64
	var created, updated int64
	err := s.Scan(&i.ID, &i.InstitutionID, &i.WorkplaceID, &i.ProjectID, &i.Title, &i.Description,
		&i.Status, &i.Size, &revives, &i.OwnerGroup, &by, &created, &updated)
	if err != nil {
		return nil, err
	}
	i.RevivesFailure, i.CreatedBy = revives == 1, by.Int64
	i.CreatedAt, i.UpdatedAt = fromMillis(created), fromMillis(updated)
	return &i, nil
}

// boolInt stores a flag as 0 or 1, the same on both engines.
func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
