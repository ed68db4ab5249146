package laeringsliv

import (
	"context"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"laeringsliv/password"
)

// Profession is a person's occupation. Participants are mostly health workers of several kinds.
type Profession string

const (
	ProfessionAssistant        Profession = "assistant"
	ProfessionHealthWorker     Profession = "health_worker"   // helsefagarbeider
	ProfessionAuxiliaryNurse   Profession = "auxiliary_nurse" // hjelpepleier
	ProfessionCareWorker       Profession = "care_worker"     // omsorgsarbeider
	ProfessionNurse            Profession = "nurse"           // sykepleier
	ProfessionSocialEducator   Profession = "social_educator" // vernepleier
	ProfessionOccupationalTher Profession = "occupational_therapist"
	ProfessionPhysiotherapist  Profession = "physiotherapist"
	ProfessionManager          Profession = "manager"
	ProfessionResearcher       Profession = "researcher"
	ProfessionAdministrative   Profession = "administrative"
	ProfessionOther            Profession = "other"
)

// professions lists the professions in the order forms show them.
var professions = []Profession{
	ProfessionAssistant, ProfessionHealthWorker, ProfessionAuxiliaryNurse, ProfessionCareWorker,
	ProfessionNurse, ProfessionSocialEducator, ProfessionOccupationalTher, ProfessionPhysiotherapist,
	ProfessionManager, ProfessionResearcher, ProfessionAdministrative, ProfessionOther,
}

// Professions returns the professions in the order forms show them, as a copy that callers may change freely.
func Professions() []Profession { return slices.Clone(professions) }

// Valid reports whether p is a known profession; the empty profession is allowed.
func (p Profession) Valid() bool {
	if p == "" {
		return true
	}
	for _, v := range professions {
		if p == v {
			return true
		}
	}
	return false
}

// Person is anyone with an account: participant, teacher, leader, union representative,
// admissions officer or administrator. What they may do follows from their memberships.
type Person struct {
	ID            int64
	InstitutionID int64
	Name          string
	Email         string // lower-case; the login name
	Profession    Profession
	PositionPct   int    // stillingsprosent, 0–100
	ShiftTeam     string // vaktlag, free text such as "Helg A"
	// EmployeeNumber (ansattnummer) is the number the rota and HR systems know them by,
	// upper-case; empty when unknown.
	EmployeeNumber string
	Locale         string // preferred language: nb, nn or en; empty for the browser's
	CreatedAt      time.Time
}

// NormalizeEmail trims and lower-cases an e-mail address.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Validate checks the fields a user can set.
func (p *Person) Validate() error {
	switch {
	case p.InstitutionID == 0:
		return FieldError("institution_id", "error.institution_required")
	case strings.TrimSpace(p.Name) == "" || len(p.Name) > 200:
		return FieldError("name", "error.name_required")
	case !ValidEmail(p.Email):
		return FieldError("email", "error.email_invalid")
	case !p.Profession.Valid():
		return FieldError("profession", "error.profession_invalid")
	case p.PositionPct < 0 || p.PositionPct > 100:
		return FieldError("position_pct", "error.position_pct_invalid")
	case utf8.RuneCountInString(p.ShiftTeam) > MaxShiftTeam:
		return FieldError("shift_team", "error.shift_team_invalid")
	case !ValidEmployeeNumber(p.EmployeeNumber):
		return FieldError("employee_number", "staff.error.number")
	}
	return nil
}

// ValidEmail reports whether s is a plain e-mail address (no display name).
func ValidEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " <>") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@"):], ".")
}

// MinPasswordLength is the shortest password accepted. Long passphrases are encouraged; no
// composition rules (NIST SP 800-63B).
const MinPasswordLength = 10

// ValidatePassword checks a new password.
// Beyond the length, it must not be a common or breached password, nor built on the person's
// own words (name, e-mail address) passed as personal (NIST SP 800-63B). There are no rules
// about kinds of characters.
func ValidatePassword(pw string, personal ...string) error {
	if len([]rune(pw)) < MinPasswordLength {
		return FieldError("password", "error.password_too_short")
	} else if len(pw) > 1024 {
		return FieldError("password", "error.password_too_long")
	} else if password.Weak(pw, personal...) {
		return FieldError("password", "error.password_common")
	}
	return nil
}

// PersonService stores people and their credentials.
type PersonService interface {
	CreatePerson(ctx context.Context, p *Person) error
	FindPerson(ctx context.Context, id int64) (*Person, error)
	FindPersonByEmail(ctx context.Context, email string) (*Person, error)
	FindPersons(ctx context.Context, f PersonFilter) ([]*Person, error)
	UpdatePerson(ctx context.Context, p *Person) error

	// SetPasswordHash stores an encoded password hash for the person.
	SetPasswordHash(ctx context.Context, personID int64, hash string) error
	// PasswordHash returns the encoded hash, or ENOTFOUND when the person has none.
	PasswordHash(ctx context.Context, personID int64) (string, error)
}

// PersonFilter selects people; zero fields do not filter.
type PersonFilter struct {
	InstitutionID int64
	WorkplaceID   int64 // people with a membership in this workplace
}
