package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"laeringsliv"
)

// CreatePerson stores p with its e-mail normalised and sets its ID and CreatedAt. An e-mail
// already used in the institution is ECONFLICT error.email_taken.
func (db *DB) CreatePerson(ctx context.Context, p *laeringsliv.Person) error {
	p.Email = laeringsliv.NormalizeEmail(p.Email)
	p.EmployeeNumber = laeringsliv.NormalizeEmployeeNumber(p.EmployeeNumber)
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create person", func(tx *Tx) error { return createPerson(ctx, tx, p) })
}

// FindPerson returns the person with id, or ENOTFOUND.
func (db *DB) FindPerson(ctx context.Context, id int64) (*laeringsliv.Person, error) {
	var p *laeringsliv.Person
	err := db.view(ctx, "find person", func(tx *Tx) (err error) {
		p, err = findPerson(ctx, tx, id)
		return err
	})
	return p, err
}

// FindPersonByEmail returns the person with the e-mail address, in any letter case, or
// ENOTFOUND. Addresses are unique per institution; should two institutions share one
// address, the oldest account is returned.
func (db *DB) FindPersonByEmail(ctx context.Context, email string) (*laeringsliv.Person, error) {
	var p *laeringsliv.Person
	err := db.view(ctx, "find person by email", func(tx *Tx) (err error) {
		p, err = scanOne(tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM persons
			WHERE email = $1 ORDER BY id LIMIT 1`, laeringsliv.NormalizeEmail(email)), scanPerson)
		return err
	})
	return p, err
}

// FindPersons returns the people f selects, by name.
func (db *DB) FindPersons(ctx context.Context, f laeringsliv.PersonFilter) ([]*laeringsliv.Person, error) {
	var w where
	if f.InstitutionID != 0 {
		w.eq("p.institution_id", f.InstitutionID)
	}
	if f.WorkplaceID != 0 {
		w.add(`EXISTS (SELECT 1 FROM memberships m
			WHERE m.person_id = p.id AND m.workplace_id = ` + w.arg(f.WorkplaceID) + `)`)
	}
	var list []*laeringsliv.Person
	err := db.view(ctx, "find persons", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx,
			`SELECT `+personColumnsP+` FROM persons p`+w.String()+` ORDER BY p.name, p.id`, w.args...)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanPerson)
		return err
	})
	return list, err
}

// UpdatePerson saves the fields a user can set and reloads p. A person stays in their
// institution.
func (db *DB) UpdatePerson(ctx context.Context, p *laeringsliv.Person) error {
	p.Email = laeringsliv.NormalizeEmail(p.Email)
	p.EmployeeNumber = laeringsliv.NormalizeEmployeeNumber(p.EmployeeNumber)
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update person", func(tx *Tx) error {
		if holder, err := employeeNumberHolder(ctx, tx, p.InstitutionID, p.EmployeeNumber); err != nil {
			return err
		} else if holder != 0 && holder != p.ID {
			return numberTaken(0)
		}
		err := execOne(ctx, tx, `UPDATE persons SET name = $1, email = $2, profession = $3,
			position_pct = $4, shift_team = $5, locale = $6, employee_number = $7 WHERE id = $8`,
			p.Name, p.Email, p.Profession, p.PositionPct, p.ShiftTeam, p.Locale, p.EmployeeNumber, p.ID)
		if db.dialect.uniqueViolation(err) {
			return emailTaken()
		} else if err != nil {
			return err
		}
		saved, err := findPerson(ctx, tx, p.ID)
		if err == nil {
			*p = *saved
		}
		return err
	})
}

// SetPasswordHash stores the encoded hash for the person, replacing any earlier one.
func (db *DB) SetPasswordHash(ctx context.Context, personID int64, hash string) error {
	if hash == "" {
		return invalid("error.password_required")
	}
	return db.update(ctx, "set password hash", func(tx *Tx) error {
		return setPasswordHash(ctx, tx, personID, hash)
	})
}

// PasswordHash returns the person's encoded hash, or ENOTFOUND when they have none.
func (db *DB) PasswordHash(ctx context.Context, personID int64) (string, error) {
	var hash string
	err := db.view(ctx, "find password hash", func(tx *Tx) error {
		err := tx.QueryRowContext(ctx,
			`SELECT hash FROM password_hashes WHERE person_id = $1`, personID).Scan(&hash)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound()
		}
		return err
	})
	return hash, err
}

const personColumns = `id, institution_id, name, email, profession, position_pct, shift_team, locale, created_at,
	employee_number`

// personColumnsP is personColumns qualified with the alias p.
const personColumnsP = `p.id, p.institution_id, p.name, p.email, p.profession, p.position_pct,
	p.shift_team, p.locale, p.created_at, p.employee_number`

func emailTaken() error {
	return &laeringsliv.Error{Code: laeringsliv.ECONFLICT, Key: "error.email_taken", Field: "email"}
}

// createPerson inserts a validated person. ON CONFLICT DO NOTHING rather than catching the
// violation keeps a PostgreSQL transaction usable afterwards.
func createPerson(ctx context.Context, tx *Tx, p *laeringsliv.Person) error {
	if _, err := findInstitution(ctx, tx, p.InstitutionID); err != nil {
		return err
	}
	p.CreatedAt = tx.now
	err := tx.QueryRowContext(ctx, `
		INSERT INTO persons (institution_id, name, email, profession, position_pct, shift_team, locale, created_at,
			employee_number)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT DO NOTHING RETURNING id`,
		p.InstitutionID, p.Name, p.Email, p.Profession, p.PositionPct, p.ShiftTeam, p.Locale, millis(p.CreatedAt),
		p.EmployeeNumber,
	).Scan(&p.ID)
	if errors.Is(err, sql.ErrNoRows) {
		if holder, _ := employeeNumberHolder(ctx, tx, p.InstitutionID, p.EmployeeNumber); holder != 0 {
			return numberTaken(0)
		}
		return emailTaken()
	}
	return err
}

func findPerson(ctx context.Context, tx *Tx, id int64) (*laeringsliv.Person, error) {
	return scanOne(tx.QueryRowContext(ctx,
		`SELECT `+personColumns+` FROM persons WHERE id = $1`, id), scanPerson)
}

// setPasswordHash upserts the hash, copying the institution key from the person; a missing
// person is ENOTFOUND.
func setPasswordHash(ctx context.Context, tx *Tx, personID int64, hash string) error {
	return execOne(ctx, tx, `
		INSERT INTO password_hashes (person_id, institution_id, hash, updated_at)
		SELECT id, institution_id, $2, $3 FROM persons WHERE id = $1
		ON CONFLICT (person_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`,
		personID, hash, millis(tx.now))
}

func scanPerson(s scanner) (*laeringsliv.Person, error) {
	var p laeringsliv.Person
	var created int64
	err := s.Scan(&p.ID, &p.InstitutionID, &p.Name, &p.Email, &p.Profession, &p.PositionPct,
		&p.ShiftTeam, &p.Locale, &created, &p.EmployeeNumber)
	if err != nil {
		return nil, err
	}
	p.CreatedAt = fromMillis(created)
	return &p, nil
}
