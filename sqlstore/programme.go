package sqlstore

import (
	"context"

	"laeringsliv"
)

// CreateProgramme stores p in its institution and sets its ID and CreatedAt.
func (db *DB) CreateProgramme(ctx context.Context, p *laeringsliv.Programme) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create programme", func(tx *Tx) error {
		return createProgramme(ctx, tx, p)
	})
}

func createProgramme(ctx context.Context, tx *Tx, p *laeringsliv.Programme) error {
	if _, err := findInstitution(ctx, tx, p.InstitutionID); err != nil {
		return err
	}
	p.CreatedAt = tx.now
	return tx.QueryRowContext(ctx, `
		INSERT INTO programmes (institution_id, name, start_year, end_year, level, ects, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		p.InstitutionID, p.Name, p.StartYear, p.EndYear, p.Level, p.ECTS, millis(p.CreatedAt),
	).Scan(&p.ID)
}

// FindProgramme returns the programme with id, or ENOTFOUND.
func (db *DB) FindProgramme(ctx context.Context, id int64) (*laeringsliv.Programme, error) {
	var p *laeringsliv.Programme
	err := db.view(ctx, "find programme", func(tx *Tx) (err error) {
		p, err = findProgramme(ctx, tx, id)
		return err
	})
	return p, err
}

// FindProgrammes returns an institution's programmes, the latest first.
func (db *DB) FindProgrammes(ctx context.Context, institutionID int64) ([]*laeringsliv.Programme, error) {
	var list []*laeringsliv.Programme
	err := db.view(ctx, "find programmes", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+programmeColumns+` FROM programmes
			WHERE institution_id = $1 ORDER BY start_year DESC, name, id`, institutionID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanProgramme)
		return err
	})
	return list, err
}

// UpdateProgramme saves the fields a user can set and reloads p.
func (db *DB) UpdateProgramme(ctx context.Context, p *laeringsliv.Programme) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update programme", func(tx *Tx) error {
		err := execOne(ctx, tx, `UPDATE programmes
			SET name = $1, start_year = $2, end_year = $3, level = $4, ects = $5 WHERE id = $6`,
			p.Name, p.StartYear, p.EndYear, p.Level, p.ECTS, p.ID)
		if err != nil {
			return err
		}
		saved, err := findProgramme(ctx, tx, p.ID)
		if err == nil {
			*p = *saved
		}
		return err
	})
}

const programmeColumns = `id, institution_id, name, start_year, end_year, level, ects, created_at`

func findProgramme(ctx context.Context, tx *Tx, id int64) (*laeringsliv.Programme, error) {
	return scanOne(tx.QueryRowContext(ctx,
		`SELECT `+programmeColumns+` FROM programmes WHERE id = $1`, id), scanProgramme)
}

func scanProgramme(s scanner) (*laeringsliv.Programme, error) {
	var p laeringsliv.Programme
	var created int64
	err := s.Scan(&p.ID, &p.InstitutionID, &p.Name, &p.StartYear, &p.EndYear, &p.Level, &p.ECTS, &created)
	if err != nil {
		return nil, err
	}
	p.CreatedAt = fromMillis(created)
	return &p, nil
}
