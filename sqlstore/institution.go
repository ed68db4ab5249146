package sqlstore

import (
	"context"

	"laeringsliv"
)

// CreateInstitution stores i and sets its ID and CreatedAt.
func (db *DB) CreateInstitution(ctx context.Context, i *laeringsliv.Institution) error {
	if err := i.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create institution", func(tx *Tx) error {
		i.CreatedAt = tx.now
		return tx.QueryRowContext(ctx,
			`INSERT INTO institutions (name, created_at) VALUES ($1, $2) RETURNING id`,
			i.Name, millis(i.CreatedAt)).Scan(&i.ID)
	})
}

// FindInstitution returns the institution with id, or ENOTFOUND.
func (db *DB) FindInstitution(ctx context.Context, id int64) (*laeringsliv.Institution, error) {
	var i *laeringsliv.Institution
	err := db.view(ctx, "find institution", func(tx *Tx) (err error) {
		i, err = findInstitution(ctx, tx, id)
		return err
	})
	return i, err
}

// FindInstitutions returns every institution, oldest first.
func (db *DB) FindInstitutions(ctx context.Context) ([]*laeringsliv.Institution, error) {
	var list []*laeringsliv.Institution
	err := db.view(ctx, "find institutions", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+institutionColumns+` FROM institutions ORDER BY id`)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanInstitution)
		return err
	})
	return list, err
}

// UpdateInstitution saves the fields a user can set.
func (db *DB) UpdateInstitution(ctx context.Context, i *laeringsliv.Institution) error {
	if err := i.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update institution", func(tx *Tx) error {
		if err := execOne(ctx, tx, `UPDATE institutions SET name = $1 WHERE id = $2`, i.Name, i.ID); err != nil {
			return err
		}
		saved, err := findInstitution(ctx, tx, i.ID)
		if err == nil {
			*i = *saved
		}
		return err
	})
}

const institutionColumns = `id, name, created_at`

func findInstitution(ctx context.Context, tx *Tx, id int64) (*laeringsliv.Institution, error) {
	return scanOne(tx.QueryRowContext(ctx,
		`SELECT `+institutionColumns+` FROM institutions WHERE id = $1`, id), scanInstitution)
}

func scanInstitution(s scanner) (*laeringsliv.Institution, error) {
	var i laeringsliv.Institution
	var created int64
	if err := s.Scan(&i.ID, &i.Name, &created); err != nil {
		return nil, err
	}
	i.CreatedAt = fromMillis(created)
	return &i, nil
}
