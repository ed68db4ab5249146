package sqlstore

import (
	"context"

	"laeringsliv"
)

// SetGroupPhoto attaches a photo to a group's presentation and returns the key it replaced.
func (db *DB) SetGroupPhoto(ctx context.Context, groupID int64, key, contentType, alt string) (string, error) {
	if err := laeringsliv.ValidatePhotoAlt(alt); err != nil {
		return "", err
	}
	var old string
	err := db.update(ctx, "set group photo", func(tx *Tx) error {
		g, err := findReadingGroup(ctx, tx, groupID)
		if err != nil {
			return err
		}
		w, err := findWorkshop(ctx, tx, g.WorkshopID)
		if err != nil {
			return err
		}
		if w.Phase == laeringsliv.PhaseClosed {
			return laeringsliv.Errorf(laeringsliv.ECONFLICT, "reading.error.presentation_closed")
		}
		old = g.PhotoKey
		return execOne(ctx, tx, `UPDATE reading_groups SET photo_key = $1, photo_type = $2, photo_alt = $3
			WHERE id = $4`, key, contentType, alt, groupID)
	})
	return old, err
}
