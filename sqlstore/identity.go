package sqlstore

import (
	"context"

	"laeringsliv"
)

// FindIdentity returns the identity of issuer and subject in the institution, or ENOTFOUND.
func (db *DB) FindIdentity(ctx context.Context, institutionID int64, issuer, subject string) (*laeringsliv.Identity, error) {
	var id *laeringsliv.Identity
	err := db.view(ctx, "find identity", func(tx *Tx) (err error) {
		id, err = scanOne(tx.QueryRowContext(ctx, `
			SELECT id, institution_id, person_id, issuer, subject, created_at FROM identities
			WHERE institution_id = $1 AND issuer = $2 AND subject = $3`, institutionID, issuer, subject),
			scanIdentity)
		return err
	})
	return id, err
}

// CreateIdentity links the identity to its person; the institution comes from the person. An
// identity linked already (to anyone) is ECONFLICT.
func (db *DB) CreateIdentity(ctx context.Context, id *laeringsliv.Identity) error {
	if id.PersonID == 0 || id.Issuer == "" || id.Subject == "" {
		return invalid("error.identity_invalid")
	}
	return db.update(ctx, "create identity", func(tx *Tx) error {
		p, err := findPerson(ctx, tx, id.PersonID)
		if err != nil {
			return err
		}
		id.InstitutionID, id.CreatedAt = p.InstitutionID, tx.now
		err = tx.QueryRowContext(ctx, `INSERT INTO identities (institution_id, person_id, issuer,
			subject, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			id.InstitutionID, id.PersonID, id.Issuer, id.Subject, millis(id.CreatedAt)).Scan(&id.ID)
		if db.dialect.uniqueViolation(err) {
			return conflict("error.identity_taken")
		}
		return err
	})
}

func scanIdentity(sc scanner) (*laeringsliv.Identity, error) {
	var id laeringsliv.Identity
	var created int64
	if err := sc.Scan(&id.ID, &id.InstitutionID, &id.PersonID, &id.Issuer, &id.Subject, &created); err != nil {
		return nil, err
	}
	id.CreatedAt = fromMillis(created)
	return &id, nil
}
