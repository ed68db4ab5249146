package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"laeringsliv/rota"
)

// FindRotaMapping returns the columns the workplace's last import used, or the zero Columns
// (the documented default layout) when it has none.
func (db *DB) FindRotaMapping(ctx context.Context, workplaceID int64) (rota.Columns, error) {
	var c rota.Columns
	err := db.view(ctx, "find rota mapping", func(tx *Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT person_col, date_col, start_col, end_col, code_col
			FROM rota_mappings WHERE workplace_id = $1`, workplaceID).Scan(&c.Person, &c.Date, &c.Start, &c.End, &c.Code)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	return c, err
}

// SaveRotaMapping remembers the columns of the workplace's rota files.
func (db *DB) SaveRotaMapping(ctx context.Context, workplaceID int64, c rota.Columns) error {
	return db.update(ctx, "save rota mapping", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, workplaceID)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO rota_mappings (workplace_id, institution_id, person_col, date_col,
			start_col, end_col, code_col, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (workplace_id) DO UPDATE SET person_col = excluded.person_col, date_col = excluded.date_col,
			start_col = excluded.start_col, end_col = excluded.end_col, code_col = excluded.code_col,
			updated_at = excluded.updated_at`,
			w.ID, w.InstitutionID, c.Person, c.Date, c.Start, c.End, c.Code, millis(tx.now))
		return err
	})
}
