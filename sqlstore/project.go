package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

// CreateProject stores p in its workplace, copying the workplace's institution, and sets its
// ID and CreatedAt. A parent project must belong to the same workplace.
func (db *DB) CreateProject(ctx context.Context, p *laeringsliv.Project) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create project", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, p.WorkplaceID)
		if err != nil {
			return err
		}
		if p.ParentID != 0 {
			var parentWorkplace int64
			err := tx.QueryRowContext(ctx, `SELECT workplace_id FROM projects WHERE id = $1`, p.ParentID).
				Scan(&parentWorkplace)
			if err == sql.ErrNoRows || parentWorkplace != p.WorkplaceID {
				return &laeringsliv.Error{Code: laeringsliv.EINVALID, Key: "error.parent_invalid", Field: "parent_id"}
			} else if err != nil {
				return err
			}
		}
		p.InstitutionID = w.InstitutionID
		p.CreatedAt = tx.now
		return tx.QueryRowContext(ctx, `
			INSERT INTO projects (institution_id, workplace_id, parent_id, title, description, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			p.InstitutionID, p.WorkplaceID, nullID(p.ParentID), p.Title, p.Description, millis(p.CreatedAt),
		).Scan(&p.ID)
	})
}

// FindProjects returns a workplace's projects in the order they were created, so the
// overarching shared project usually comes first.
func (db *DB) FindProjects(ctx context.Context, workplaceID int64) ([]*laeringsliv.Project, error) {
	var list []*laeringsliv.Project
	err := db.view(ctx, "find projects", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `
			SELECT id, institution_id, workplace_id, parent_id, title, description, created_at
			FROM projects WHERE workplace_id = $1 ORDER BY id`, workplaceID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanProject)
		return err
	})
	return list, err
}

func scanProject(s scanner) (*laeringsliv.Project, error) {
	var p laeringsliv.Project
	var parent sql.NullInt64
	var created int64
	err := s.Scan(&p.ID, &p.InstitutionID, &p.WorkplaceID, &parent, &p.Title, &p.Description, &created)
	if err != nil {
		return nil, err
	}
	p.ParentID = parent.Int64
	p.CreatedAt = fromMillis(created)
	return &p, nil
}
