package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"

	"laeringsliv"
)

var _ laeringsliv.StaffService = (*DB)(nil)

// UpdateStaff saves the staff details of people of a workplace in one transaction. The
// numbers of the people in list are cleared first, so that two of them may swap numbers;
// then each new number is checked against everyone else in the institution before it is set.
func (db *DB) UpdateStaff(ctx context.Context, workplaceID int64, list []laeringsliv.StaffDetails) error {
	for i := range list {
		if err := list[i].Validate(); err != nil {
			return err
		}
	}
	return db.update(ctx, "update staff", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, workplaceID)
		if err != nil {
			return err
		}
		members, err := queryIDs(ctx, tx, `SELECT person_id FROM memberships WHERE workplace_id = $1`, w.ID)
		if err != nil {
			return err
		}
		for _, d := range list {
			if !slices.Contains(members, d.PersonID) {
				return notFound()
			}
			if _, err := tx.ExecContext(ctx, `UPDATE persons SET employee_number = '' WHERE id = $1`, d.PersonID); err != nil {
				return err
			}
		}
		for _, d := range list {
			holder, err := employeeNumberHolder(ctx, tx, w.InstitutionID, d.EmployeeNumber)
			if err != nil {
				return err
			}
			if holder != 0 {
				return numberTaken(d.PersonID)
			}
			err = execOne(ctx, tx, `UPDATE persons SET employee_number = $1, position_pct = $2, shift_team = $3
				WHERE id = $4`, d.EmployeeNumber, d.PositionPct, d.ShiftTeam, d.PersonID)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// employeeNumberHolder returns the person of the institution with the employee number, or 0
// when nobody has it or it is empty.
func employeeNumberHolder(ctx context.Context, tx *Tx, institutionID int64, number string) (int64, error) {
	if number == "" {
		return 0, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM persons WHERE institution_id = $1 AND employee_number = $2`,
		institutionID, number).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// numberTaken is the error of an employee number someone else has; personID, when set, names
// the form field of the person who asked for it.
func numberTaken(personID int64) error {
	e := &laeringsliv.Error{Code: laeringsliv.ECONFLICT, Key: "staff.error.number_taken", Field: "employee_number"}
	if personID != 0 {
		e.Field = "number-" + strconv.FormatInt(personID, 10)
	}
	return e
}
