package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"laeringsliv"
)

// CreatePasswordReset stores pr and sets its ID. The institution key comes from the person;
// CreatedAt defaults to now and ExpiresAt to PasswordResetLifetime after it.
func (db *DB) CreatePasswordReset(ctx context.Context, pr *laeringsliv.PasswordReset) error {
	if pr.TokenHash == "" || pr.PersonID == 0 {
		return invalid("error.reset_invalid")
	}
	return db.update(ctx, "create password reset", func(tx *Tx) error {
		p, err := findPerson(ctx, tx, pr.PersonID)
		if err != nil {
			return err
		}
		pr.InstitutionID = p.InstitutionID
		if pr.CreatedAt.IsZero() {
			pr.CreatedAt = tx.now
		}
		if pr.ExpiresAt.IsZero() {
			pr.ExpiresAt = pr.CreatedAt.Add(laeringsliv.PasswordResetLifetime)
		}
		pr.CreatedAt = pr.CreatedAt.UTC().Truncate(time.Millisecond)
		pr.ExpiresAt = pr.ExpiresAt.UTC().Truncate(time.Millisecond)
		return tx.QueryRowContext(ctx, `
			INSERT INTO password_resets (institution_id, person_id, token_hash, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			pr.InstitutionID, pr.PersonID, pr.TokenHash, millis(pr.CreatedAt), millis(pr.ExpiresAt),
		).Scan(&pr.ID)
	})
}

// FindPasswordReset returns the reset with the token hash, or ENOTFOUND.
func (db *DB) FindPasswordReset(ctx context.Context, tokenHash string) (*laeringsliv.PasswordReset, error) {
	var pr *laeringsliv.PasswordReset
	err := db.view(ctx, "find password reset", func(tx *Tx) (err error) {
		pr, err = findPasswordReset(ctx, tx, tokenHash)
		return err
	})
	return pr, err
}

func findPasswordReset(ctx context.Context, tx *Tx, tokenHash string) (*laeringsliv.PasswordReset, error) {
	return scanOne(tx.QueryRowContext(ctx, `
		SELECT id, institution_id, person_id, token_hash, created_at, expires_at, used_at
		FROM password_resets WHERE token_hash = $1`, tokenHash), scanPasswordReset)
}

// UsePasswordReset marks the reset used, stores the new hash and ends every login session of
// the person, in one transaction. The UPDATE's condition makes a second use (even a
// concurrent one) find no usable row.
func (db *DB) UsePasswordReset(ctx context.Context, tokenHash, passwordHash string, now time.Time) (int64, error) {
	if passwordHash == "" {
		return 0, invalid("error.password_required")
	}
	var personID int64
	err := db.update(ctx, "use password reset", func(tx *Tx) error {
		pr, err := findPasswordReset(ctx, tx, tokenHash)
		if err != nil {
			return err
		}
		if !pr.Usable(now) {
			return notFound()
		}
		if err := execOne(ctx, tx, `UPDATE password_resets SET used_at = $1
			WHERE id = $2 AND used_at IS NULL AND expires_at > $1`, millis(now), pr.ID); err != nil {
			return err
		}
		if err := setPasswordHash(ctx, tx, pr.PersonID, passwordHash); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM login_sessions WHERE person_id = $1`, pr.PersonID); err != nil {
			return err
		}
		// Any other link sent earlier dies with this one.
		_, err = tx.ExecContext(ctx, `UPDATE password_resets SET used_at = $1
			WHERE person_id = $2 AND used_at IS NULL`, millis(now), pr.PersonID)
		personID = pr.PersonID
		return err
	})
	return personID, err
}

func scanPasswordReset(sc scanner) (*laeringsliv.PasswordReset, error) {
	var pr laeringsliv.PasswordReset
	var created, expires int64
	var used sql.NullInt64
	if err := sc.Scan(&pr.ID, &pr.InstitutionID, &pr.PersonID, &pr.TokenHash, &created, &expires, &used); err != nil {
		return nil, err
	}
	pr.CreatedAt, pr.ExpiresAt, pr.UsedAt = fromMillis(created), fromMillis(expires), fromNullMillis(used)
	return &pr, nil
}
