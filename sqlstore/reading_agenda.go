package sqlstore

import "context"

// PlaceOnAgenda links the workshop from the point at position of its gathering's agenda. A
// workshop held at no gathering is EINVALID reading.error.gathering_invalid; a point that
// does not exist is ENOTFOUND.
func (db *DB) PlaceOnAgenda(ctx context.Context, workshopID int64, position int) error {
	return db.update(ctx, "place workshop on agenda", func(tx *Tx) error {
		w, err := findWorkshop(ctx, tx, workshopID)
		if err != nil {
			return err
		}
		if w.GatheringID == 0 {
			return invalid("reading.error.gathering_invalid")
		}
		return execOne(ctx, tx, `UPDATE agenda_items SET reading_workshop_id = $1
			WHERE institution_id = $2 AND gathering_id = $3 AND position = $4`,
			w.ID, w.InstitutionID, w.GatheringID, position)
	})
}
