package laeringsliv

import (
	"context"
	"strings"
	"unicode/utf8"
)

// StaffDetails are what a workplace's rota needs to know of one of its people, kept by its
// leaders: the employee number a rota file may name them by, their position percentage
// (stillingsprosent) and their shift team (vaktlag).
type StaffDetails struct {
	PersonID       int64
	EmployeeNumber string // empty when unknown; unique in the institution otherwise
	PositionPct    int    // 0–100; 0 when unknown
	ShiftTeam      string // free text such as "Helg 1"
}

// Limits of the staff details.
const (
	MaxEmployeeNumber = 20 // characters
	MaxShiftTeam      = 40 // characters
)

// NormalizeEmployeeNumber trims an employee number and upper-cases its letters, so that
// "a-1042" and "A-1042 " are one number.
func NormalizeEmployeeNumber(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// ValidEmployeeNumber reports whether s, normalised, is empty or an employee number: at most
// MaxEmployeeNumber letters (A–Z), digits and hyphens, starting with a letter or digit. It is
// never an e-mail address, so a rota file's person column can hold either.
func ValidEmployeeNumber(s string) bool {
	if s == "" {
		return true
	}
	if len(s) > MaxEmployeeNumber || s[0] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Validate checks the details as a leader typed them, after normalising.
func (d *StaffDetails) Validate() error {
	d.EmployeeNumber = NormalizeEmployeeNumber(d.EmployeeNumber)
	d.ShiftTeam = strings.TrimSpace(d.ShiftTeam)
	switch {
	case d.PersonID == 0:
		return FieldError("person", "staff.error.person")
	case !ValidEmployeeNumber(d.EmployeeNumber):
		return FieldError("number", "staff.error.number")
	case d.PositionPct < 0 || d.PositionPct > 100:
		return FieldError("pct", "staff.error.pct")
	case utf8.RuneCountInString(d.ShiftTeam) > MaxShiftTeam:
		return FieldError("team", "staff.error.team")
	}
	return nil
}

// StaffService keeps the staff details of a workplace's people.
type StaffService interface {
	// UpdateStaff saves the details of people of the workplace, all or none. A person
	// without a membership there is ENOTFOUND; an employee number someone else in the
	// institution has is ECONFLICT staff.error.number_taken, with Field "number-<person id>".
	UpdateStaff(ctx context.Context, workplaceID int64, list []StaffDetails) error
}
