package sqlstore

import (
	"context"

	"laeringsliv"
)

// AddHandbookImage records an uploaded image of a handbook with its alt text.
func (db *DB) AddHandbookImage(ctx context.Context, img *laeringsliv.HandbookImage) error {
	if err := laeringsliv.ValidateImageAlt(img.Alt); err != nil {
		return err
	}
	return db.update(ctx, "add handbook image", func(tx *Tx) error {
		h, err := scanOne(tx.QueryRowContext(ctx, `SELECT `+handbookColumns+` FROM handbooks WHERE id = $1`, img.HandbookID), scanHandbook)
		if err != nil {
			return err
		}
		img.InstitutionID, img.CreatedAt = h.InstitutionID, tx.now
		return tx.QueryRowContext(ctx, `INSERT INTO handbook_images (institution_id, handbook_id, file_key, content_type, alt, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			img.InstitutionID, img.HandbookID, img.FileKey, img.ContentType, img.Alt, millis(tx.now)).Scan(&img.ID)
	})
}

// FindHandbookImages returns a handbook's images, oldest first.
func (db *DB) FindHandbookImages(ctx context.Context, handbookID int64) ([]*laeringsliv.HandbookImage, error) {
	var list []*laeringsliv.HandbookImage
	err := db.view(ctx, "find handbook images", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, handbook_id, file_key, content_type, alt, created_at
			FROM handbook_images WHERE handbook_id = $1 ORDER BY id`, handbookID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanHandbookImage)
		return err
	})
	return list, err
}

func scanHandbookImage(s scanner) (*laeringsliv.HandbookImage, error) {
	var img laeringsliv.HandbookImage
	var created int64
	if err := s.Scan(&img.ID, &img.InstitutionID, &img.HandbookID, &img.FileKey, &img.ContentType, &img.Alt, &created); err != nil {
		return nil, err
	}
	img.CreatedAt = fromMillis(created)
	return &img, nil
}
