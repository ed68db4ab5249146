package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"laeringsliv"
)

var _ laeringsliv.APITokenService = (*DB)(nil)

// CreateAPIToken stores a token for a person, copying the person's institution.
func (db *DB) CreateAPIToken(ctx context.Context, t *laeringsliv.APIToken) error {
	return db.update(ctx, "create api token", func(tx *Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT institution_id FROM persons WHERE id = $1`, t.PersonID).Scan(&t.InstitutionID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound()
		} else if err != nil {
			return err
		}
		t.CreatedAt = tx.now
		return tx.QueryRowContext(ctx, `INSERT INTO api_tokens (institution_id, person_id, token_hash, created_at)
			VALUES ($1, $2, $3, $4) RETURNING id`, t.InstitutionID, t.PersonID, t.TokenHash, millis(t.CreatedAt)).Scan(&t.ID)
	})
}

// FindAPIToken returns the token with the hash, or ENOTFOUND.
func (db *DB) FindAPIToken(ctx context.Context, tokenHash string) (t *laeringsliv.APIToken, err error) {
	err = db.view(ctx, "find api token", func(tx *Tx) error {
		t, err = scanOne(tx.QueryRowContext(ctx, `SELECT id, institution_id, person_id, token_hash, created_at
			FROM api_tokens WHERE token_hash = $1`, tokenHash), func(s scanner) (*laeringsliv.APIToken, error) {
			var t laeringsliv.APIToken
			var created int64
			err := s.Scan(&t.ID, &t.InstitutionID, &t.PersonID, &t.TokenHash, &created)
			t.CreatedAt = fromMillis(created)
			return &t, err
		})
		return err
	})
	return t, err
}
