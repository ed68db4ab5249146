package sqlstore

import (
	"context"

	"laeringsliv"
)

// CreateWorkplace stores w under its programme, copying the programme's institution, and sets
// its ID and CreatedAt.
func (db *DB) CreateWorkplace(ctx context.Context, w *laeringsliv.Workplace) error {
	if err := w.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create workplace", func(tx *Tx) error {
		return createWorkplace(ctx, tx, w)
	})
}

func createWorkplace(ctx context.Context, tx *Tx, w *laeringsliv.Workplace) error {
	p, err := findProgramme(ctx, tx, w.ProgrammeID)
	if err != nil {
		return err
	}
	w.InstitutionID = p.InstitutionID
	w.CreatedAt = tx.now
	return tx.QueryRowContext(ctx, `
		INSERT INTO workplaces (institution_id, programme_id, name, municipality, service_kind, ftes, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		w.InstitutionID, w.ProgrammeID, w.Name, w.Municipality, w.ServiceKind, w.FTEs, millis(w.CreatedAt),
	).Scan(&w.ID)
}

// FindWorkplace returns the workplace with id, or ENOTFOUND.
func (db *DB) FindWorkplace(ctx context.Context, id int64) (*laeringsliv.Workplace, error) {
	var w *laeringsliv.Workplace
	err := db.view(ctx, "find workplace", func(tx *Tx) (err error) {
		w, err = findWorkplace(ctx, tx, id)
		return err
	})
	return w, err
}

// FindWorkplaces returns the workplaces f selects, by name.
func (db *DB) FindWorkplaces(ctx context.Context, f laeringsliv.WorkplaceFilter) ([]*laeringsliv.Workplace, error) {
	var w where
	if f.InstitutionID != 0 {
		w.eq("institution_id", f.InstitutionID)
	}
	if f.ProgrammeID != 0 {
		w.eq("programme_id", f.ProgrammeID)
	}
	if f.IDs != nil {
		w.in("id", f.IDs)
	}
	var list []*laeringsliv.Workplace
	err := db.view(ctx, "find workplaces", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx,
			`SELECT `+workplaceColumns+` FROM workplaces`+w.String()+` ORDER BY name, id`, w.args...)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanWorkplace)
		return err
	})
	return list, err
}

// UpdateWorkplace saves the fields a user can set and reloads w. A workplace stays in its
// programme: memberships record the programme, so moving one is not an update.
func (db *DB) UpdateWorkplace(ctx context.Context, w *laeringsliv.Workplace) error {
	if err := w.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update workplace", func(tx *Tx) error {
		err := execOne(ctx, tx, `UPDATE workplaces
			SET name = $1, municipality = $2, service_kind = $3, ftes = $4 WHERE id = $5`,
			w.Name, w.Municipality, w.ServiceKind, w.FTEs, w.ID)
		if err != nil {
			return err
		}
		saved, err := findWorkplace(ctx, tx, w.ID)
		if err == nil {
			*w = *saved
		}
		return err
	})
}

const workplaceColumns = `id, institution_id, programme_id, name, municipality, service_kind, ftes, created_at`

func findWorkplace(ctx context.Context, tx *Tx, id int64) (*laeringsliv.Workplace, error) {
	return scanOne(tx.QueryRowContext(ctx,
		`SELECT `+workplaceColumns+` FROM workplaces WHERE id = $1`, id), scanWorkplace)
}

func scanWorkplace(s scanner) (*laeringsliv.Workplace, error) {
	var w laeringsliv.Workplace
	var created int64
	err := s.Scan(&w.ID, &w.InstitutionID, &w.ProgrammeID, &w.Name, &w.Municipality, &w.ServiceKind, &w.FTEs, &created)
	if err != nil {
		return nil, err
	}
	w.CreatedAt = fromMillis(created)
	return &w, nil
}
