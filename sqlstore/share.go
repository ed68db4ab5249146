package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"laeringsliv"
)

var _ laeringsliv.ShareService = (*DB)(nil)

// CreateShare stores s in its workplace's institution. A record already offered is ECONFLICT.
func (db *DB) CreateShare(ctx context.Context, s *laeringsliv.Share) error {
	if err := s.Validate(); err != nil {
		return err
	}
	items, err := json.Marshal(nonNil(s.Items))
	if err != nil {
		return err
	}
	return db.update(ctx, "create share", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, s.WorkplaceID)
		if err != nil {
			return err
		}
		s.InstitutionID, s.SharedAt, s.WithdrawnAt = w.InstitutionID, tx.now, time.Time{}
		err = tx.QueryRowContext(ctx, `INSERT INTO workplace_shares (institution_id, workplace_id, kind,
			ref_id, title, status, body, items, shared_by, shared_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
			RETURNING id`, s.InstitutionID, s.WorkplaceID, s.Kind, s.RefID, s.Title, s.Status, s.Body,
			string(items), nullID(s.SharedBy), millis(s.SharedAt)).Scan(&s.ID)
		if db.dialect.uniqueViolation(err) {
			return conflict("sharing.error.already_shared")
		}
		return err
	})
}

func nonNil(items []string) []string {
	if items == nil {
		return []string{}
	}
	return items
}

const shareColumns = `id, institution_id, workplace_id, kind, ref_id, title, status, body, items,
	shared_by, shared_at, withdrawn_at`

// FindShare returns the share with id, withdrawn or not, or ENOTFOUND.
func (db *DB) FindShare(ctx context.Context, id int64) (*laeringsliv.Share, error) {
	var s *laeringsliv.Share
	err := db.view(ctx, "find share", func(tx *Tx) (err error) {
		s, err = scanOne(tx.QueryRowContext(ctx, `SELECT `+shareColumns+` FROM workplace_shares WHERE id = $1`, id), scanShare)
		return err
	})
	return s, err
}

// FindShares returns the shares f selects, newest first.
func (db *DB) FindShares(ctx context.Context, f laeringsliv.ShareFilter) ([]*laeringsliv.Share, error) {
	var w where
	if f.InstitutionID != 0 {
		w.eq("institution_id", f.InstitutionID)
	}
	if f.WorkplaceID != 0 {
		w.eq("workplace_id", f.WorkplaceID)
	}
	if f.NotWorkplace != 0 {
		w.add("workplace_id <> " + w.arg(f.NotWorkplace))
	}
	if f.Kind != "" {
		w.eq("kind", f.Kind)
	}
	if f.RefID != 0 {
		w.eq("ref_id", f.RefID)
	}
	if f.ActiveOnly {
		w.add("withdrawn_at IS NULL")
	}
	var list []*laeringsliv.Share
	err := db.view(ctx, "find shares", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+shareColumns+` FROM workplace_shares`+w.String()+
			` ORDER BY shared_at DESC, id DESC`, w.args...)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanShare)
		return err
	})
	return list, err
}

// WithdrawShare stops offering a share; withdrawing it twice is ENOTFOUND.
func (db *DB) WithdrawShare(ctx context.Context, id int64) error {
	return db.update(ctx, "withdraw share", func(tx *Tx) error {
		return execOne(ctx, tx, `UPDATE workplace_shares SET withdrawn_at = $1 WHERE id = $2 AND withdrawn_at IS NULL`,
			millis(tx.now), id)
	})
}

func scanShare(sc scanner) (*laeringsliv.Share, error) {
	var s laeringsliv.Share
	var items string
	var by, withdrawn sql.NullInt64
	var at int64
	err := sc.Scan(&s.ID, &s.InstitutionID, &s.WorkplaceID, &s.Kind, &s.RefID, &s.Title, &s.Status, &s.Body,
		&items, &by, &at, &withdrawn)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(items), &s.Items); err != nil {
		return nil, err
	}
	if len(s.Items) == 0 {
		s.Items = nil
	}
	s.SharedBy, s.SharedAt, s.WithdrawnAt = by.Int64, fromMillis(at), fromNullMillis(withdrawn)
	return &s, nil
}
