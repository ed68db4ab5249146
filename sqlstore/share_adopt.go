package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

// AdoptInnovation stores i in the adopter's registry and records that it came from share s,
// in one transaction. The share must offer an innovation, still, of another workplace of the
// same institution.
func (db *DB) AdoptInnovation(ctx context.Context, s *laeringsliv.Share, i *laeringsliv.Innovation, by int64) (*laeringsliv.Adoption, error) {
	if err := i.Validate(); err != nil {
		return nil, err
	}
	var a *laeringsliv.Adoption
	err := db.update(ctx, "adopt innovation", func(tx *Tx) error {
		cur, err := scanOne(tx.QueryRowContext(ctx, `SELECT `+shareColumns+` FROM workplace_shares WHERE id = $1`, s.ID), scanShare)
		if err != nil {
			return err
		}
		if cur.Kind != laeringsliv.ShareInnovation || !cur.Active() || cur.WorkplaceID == i.WorkplaceID {
			return notFound()
		}
		if err := insertInnovation(ctx, tx, i, by); err != nil {
			return err
		}
		if i.InstitutionID != cur.InstitutionID {
			return notFound()
		}
		a = &laeringsliv.Adoption{InstitutionID: cur.InstitutionID, ShareID: cur.ID, OriginInnovationID: cur.RefID,
			OriginWorkplaceID: cur.WorkplaceID, InnovationID: i.ID, WorkplaceID: i.WorkplaceID, AdoptedBy: by, AdoptedAt: tx.now}
		return tx.QueryRowContext(ctx, `INSERT INTO innovation_adoptions (institution_id, share_id,
			origin_innovation_id, origin_workplace_id, innovation_id, workplace_id, adopted_by, adopted_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, a.InstitutionID, a.ShareID, a.OriginInnovationID,
			a.OriginWorkplaceID, a.InnovationID, a.WorkplaceID, nullID(by), millis(a.AdoptedAt)).Scan(&a.ID)
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// FindAdoptions returns the adoptions f selects, oldest first.
func (db *DB) FindAdoptions(ctx context.Context, f laeringsliv.AdoptionFilter) ([]*laeringsliv.Adoption, error) {
	var w where
	if f.OriginInnovationID != 0 {
		w.eq("origin_innovation_id", f.OriginInnovationID)
	}
	if f.InnovationID != 0 {
		w.eq("innovation_id", f.InnovationID)
	}
	if f.ShareID != 0 {
		w.eq("share_id", f.ShareID)
	}
	var list []*laeringsliv.Adoption
	err := db.view(ctx, "find adoptions", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, share_id, origin_innovation_id,
			origin_workplace_id, innovation_id, workplace_id, adopted_by, adopted_at FROM innovation_adoptions`+
			w.String()+` ORDER BY id`, w.args...)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(sc scanner) (*laeringsliv.Adoption, error) {
			var a laeringsliv.Adoption
			var by sql.NullInt64
			var at int64
			err := sc.Scan(&a.ID, &a.InstitutionID, &a.ShareID, &a.OriginInnovationID, &a.OriginWorkplaceID,
				&a.InnovationID, &a.WorkplaceID, &by, &at)
			a.AdoptedBy, a.AdoptedAt = by.Int64, fromMillis(at)
			return &a, err
		})
		return err
	})
	return list, err
}
