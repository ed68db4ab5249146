package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"laeringsliv"
)

// CreateMembership stores m and sets its ID and CreatedAt. The institution key comes from the
// person, and for a workplace membership the programme comes from the workplace; a scope in
// another institution than the person's is EINVALID. A membership that exists already is
// ECONFLICT error.membership_exists.
func (db *DB) CreateMembership(ctx context.Context, m *laeringsliv.Membership) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create membership", func(tx *Tx) error { return createMembership(ctx, tx, m) })
}

// DeleteMembership removes the membership with id, or returns ENOTFOUND.
func (db *DB) DeleteMembership(ctx context.Context, id int64) error {
	return db.update(ctx, "delete membership", func(tx *Tx) error {
		return execOne(ctx, tx, `DELETE FROM memberships WHERE id = $1`, id)
	})
}

// FindMembership returns the membership with id, or ENOTFOUND.
func (db *DB) FindMembership(ctx context.Context, id int64) (*laeringsliv.Membership, error) {
	var m *laeringsliv.Membership
	err := db.view(ctx, "find membership", func(tx *Tx) (err error) {
		m, err = scanOne(tx.QueryRowContext(ctx,
			`SELECT `+membershipColumns+` FROM memberships WHERE id = $1`, id), scanMembership)
		return err
	})
	return m, err
}

// FindMemberships returns the memberships f selects, oldest first.
func (db *DB) FindMemberships(ctx context.Context, f laeringsliv.MembershipFilter) ([]*laeringsliv.Membership, error) {
	var w where
	if f.PersonID != 0 {
		w.eq("person_id", f.PersonID)
	}
	if f.WorkplaceID != 0 {
		w.eq("workplace_id", f.WorkplaceID)
	}
	if f.ProgrammeID != 0 {
		w.eq("programme_id", f.ProgrammeID)
		w.add("workplace_id IS NULL")
	}
	var list []*laeringsliv.Membership
	err := db.view(ctx, "find memberships", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx,
			`SELECT `+membershipColumns+` FROM memberships`+w.String()+` ORDER BY id`, w.args...)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanMembership)
		return err
	})
	return list, err
}

const membershipColumns = `id, institution_id, person_id, role, programme_id, workplace_id, created_at`

// createMembership fills in the keys copied from the person and the scope, then inserts m.
// Its only ECONFLICT is error.membership_exists, after which the transaction is still usable
// (see createPerson).
func createMembership(ctx context.Context, tx *Tx, m *laeringsliv.Membership) error {
	person, err := findPerson(ctx, tx, m.PersonID)
	if err != nil {
		return err
	}
	m.InstitutionID = person.InstitutionID
	scopeInstitution := m.InstitutionID
	switch m.Scope() {
	case laeringsliv.ScopeWorkplace:
		w, err := findWorkplace(ctx, tx, m.WorkplaceID)
		if err != nil {
			return err
		}
		m.ProgrammeID, scopeInstitution = w.ProgrammeID, w.InstitutionID
	case laeringsliv.ScopeProgramme:
		p, err := findProgramme(ctx, tx, m.ProgrammeID)
		if err != nil {
			return err
		}
		scopeInstitution = p.InstitutionID
	}
	if scopeInstitution != m.InstitutionID {
		return invalid("error.scope_other_institution")
	}
	m.CreatedAt = tx.now
	err = tx.QueryRowContext(ctx, `
		INSERT INTO memberships (institution_id, person_id, role, programme_id, workplace_id, created_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT DO NOTHING RETURNING id`,
		m.InstitutionID, m.PersonID, m.Role, nullID(m.ProgrammeID), nullID(m.WorkplaceID), millis(m.CreatedAt),
	).Scan(&m.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return conflict("error.membership_exists")
	}
	return err
}

// findWorkplaceMembership returns the person's membership with role in the workplace.
func findWorkplaceMembership(ctx context.Context, tx *Tx, personID int64, role laeringsliv.Role, workplaceID int64) (*laeringsliv.Membership, error) {
	return scanOne(tx.QueryRowContext(ctx, `SELECT `+membershipColumns+` FROM memberships
		WHERE person_id = $1 AND role = $2 AND workplace_id = $3`, personID, role, workplaceID), scanMembership)
}

func scanMembership(s scanner) (*laeringsliv.Membership, error) {
	var m laeringsliv.Membership
	var programme, workplace sql.NullInt64
	var created int64
	if err := s.Scan(&m.ID, &m.InstitutionID, &m.PersonID, &m.Role, &programme, &workplace, &created); err != nil {
		return nil, err
	}
	m.ProgrammeID, m.WorkplaceID = programme.Int64, workplace.Int64
	m.CreatedAt = fromMillis(created)
	return &m, nil
}
