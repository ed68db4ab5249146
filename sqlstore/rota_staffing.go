package sqlstore

import "context"

// FindRotaStaffing returns the staff the workplace keeps at work per kind of shift while
// people meet; kinds with no minimum are absent.
func (db *DB) FindRotaStaffing(ctx context.Context, workplaceID int64) (map[string]int, error) {
	out := map[string]int{}
	err := db.view(ctx, "find rota staffing", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT kind, minimum FROM rota_staffing WHERE workplace_id = $1`, workplaceID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				return err
			}
			out[k] = n
		}
		return rows.Err()
	})
	return out, err
}

// SaveRotaStaffing replaces the workplace's minimum per kind of shift; a kind with zero has
// no minimum.
func (db *DB) SaveRotaStaffing(ctx context.Context, workplaceID int64, minimum map[string]int) error {
	return db.update(ctx, "save rota staffing", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, workplaceID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM rota_staffing WHERE workplace_id = $1`, w.ID); err != nil {
			return err
		}
		for k, n := range minimum {
			if n <= 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO rota_staffing (workplace_id, institution_id, kind, minimum)
				VALUES ($1, $2, $3, $4)`, w.ID, w.InstitutionID, k, n); err != nil {
				return err
			}
		}
		return nil
	})
}
