package sqlstore

import (
	"context"

	"laeringsliv"
)

// PublishHandbook publishes a handbook with the snapshots of its frozen embeds, which replace
// those of an earlier publication, in one transaction.
func (db *DB) PublishHandbook(ctx context.Context, id int64, snaps []laeringsliv.HandbookSnapshot) error {
	return db.update(ctx, "publish handbook", func(tx *Tx) error {
		h, err := scanOne(tx.QueryRowContext(ctx, `SELECT `+handbookColumns+` FROM handbooks WHERE id = $1`, id), scanHandbook)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM handbook_snapshots WHERE handbook_id = $1`, id); err != nil {
			return err
		}
		for _, s := range snaps {
			if _, err := tx.ExecContext(ctx, `INSERT INTO handbook_snapshots (institution_id, handbook_id, embed, data, taken_at)
				VALUES ($1, $2, $3, $4, $5)`, h.InstitutionID, id, s.Embed, string(s.Data), millis(tx.now)); err != nil {
				return err
			}
		}
		return execOne(ctx, tx, `UPDATE handbooks SET published = $1 WHERE id = $2`, true, id)
	})
}

// FindSnapshots returns the snapshots of a handbook's frozen embeds, by embed key.
func (db *DB) FindSnapshots(ctx context.Context, handbookID int64) (map[string]laeringsliv.HandbookSnapshot, error) {
	out := map[string]laeringsliv.HandbookSnapshot{}
	err := db.view(ctx, "find handbook snapshots", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT embed, data, taken_at FROM handbook_snapshots WHERE handbook_id = $1`, handbookID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s laeringsliv.HandbookSnapshot
			var data string
			var taken int64
			if err := rows.Scan(&s.Embed, &data, &taken); err != nil {
				return err
			}
			s.Data, s.Taken = []byte(data), fromMillis(taken)
			out[s.Embed] = s
		}
		return rows.Err()
	})
	return out, err
}
