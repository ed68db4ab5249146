package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"laeringsliv"
)

// maxFormBytes bounds a form body; the forms of this package are small.
const maxFormBytes = 64 << 10

// readForm parses a POST body within the size limit.
func readForm(w http.ResponseWriter, r *http.Request) (url.Values, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, laeringsliv.Errorf(laeringsliv.EINVALID, "error.form_too_large")
		}
		return nil, laeringsliv.Errorf(laeringsliv.EINVALID, "error.form_invalid")
	}
	return r.PostForm, nil
}

// text returns a trimmed form value with invalid UTF-8 and control characters removed and at
// most max characters.
func text(v url.Values, key string, max int) string {
	s := v.Get(key)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > max {
		s = strings.TrimSpace(string([]rune(s)[:max])) // trimmed last, so that the text reads back the same
	}
	return s
}

// intField parses a whole number; ok is false when the value is missing or not a number.
func intField(v url.Values, key string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(v.Get(key)))
	return n, err == nil
}

// decimalField parses a decimal number written with a comma or a point.
func decimalField(v url.Values, key string) (float64, bool) {
	s := strings.ReplaceAll(strings.TrimSpace(v.Get(key)), ",", ".")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f { // reject NaN
		return 0, false
	}
	return f, true
}

// loginForm is the login form as submitted.
type loginForm struct {
	Email, Password, Next string
	SharedDevice          bool
}

func parseLoginForm(v url.Values) loginForm {
	return loginForm{
		Email:        laeringsliv.NormalizeEmail(text(v, "email", 254)),
		Password:     v.Get("password"), // passwords are taken as typed
		Next:         safeNext(v.Get("next")),
		SharedDevice: v.Get("shared_device") == "on",
	}
}

// passwordForm is the change-password form.
type passwordForm struct {
	Current, New, Confirm string
}

// parsePasswordForm reads the form; personal are the person's name and e-mail address, which
// the new password must not be built on.
func parsePasswordForm(v url.Values, personal ...string) (passwordForm, []FieldErr) {
	f := passwordForm{Current: v.Get("current"), New: v.Get("new"), Confirm: v.Get("confirm")}
	var errs []FieldErr
	if err := laeringsliv.ValidatePassword(f.New, personal...); err != nil {
		errs = append(errs, FieldErr{"new", laeringsliv.ErrorKey(err)})
	} else if f.New != f.Confirm {
		errs = append(errs, FieldErr{"confirm", "error.password_mismatch"})
	}
	return f, errs
}

// programmeForm reads a programme from the admin form.
func parseProgrammeForm(v url.Values, p *laeringsliv.Programme) []FieldErr {
	var errs []FieldErr
	p.Name = text(v, "name", 200)
	var ok bool
	if p.StartYear, ok = intField(v, "start_year"); !ok {
		errs = append(errs, FieldErr{"start_year", "error.year_invalid"})
	}
	if p.EndYear, ok = intField(v, "end_year"); !ok {
		errs = append(errs, FieldErr{"end_year", "error.end_year_invalid"})
	}
	if p.ECTS, ok = intField(v, "ects"); !ok {
		errs = append(errs, FieldErr{"ects", "error.ects_invalid"})
	}
	p.Level = laeringsliv.Level(text(v, "level", 20))
	return appendValidation(errs, p.Validate())
}

// parseWorkplaceForm reads a workplace from the admin form.
func parseWorkplaceForm(v url.Values, w *laeringsliv.Workplace) []FieldErr {
	var errs []FieldErr
	w.Name = text(v, "name", 200)
	w.Municipality = text(v, "municipality", 200)
	w.ServiceKind = laeringsliv.ServiceKind(text(v, "service_kind", 50))
	if id, err := strconv.ParseInt(strings.TrimSpace(v.Get("programme_id")), 10, 64); err == nil && id > 0 {
		w.ProgrammeID = id
	} else if w.ID == 0 {
		errs = append(errs, FieldErr{"programme_id", "error.programme_required"})
	}
	var ok bool
	if w.FTEs, ok = decimalField(v, "ftes"); !ok {
		errs = append(errs, FieldErr{"ftes", "error.ftes_invalid"})
	}
	return appendValidation(errs, w.Validate())
}

// invitationForm is the form that creates an invitation.
func parseInvitationForm(v url.Values, inv *laeringsliv.Invitation) []FieldErr {
	inv.Role = laeringsliv.Role(text(v, "role", 30))
	inv.Email = laeringsliv.NormalizeEmail(text(v, "email", 254))
	return appendValidation(nil, inv.Validate())
}

// acceptForm is what an invitee fills in.
type acceptForm struct {
	Name, Email, Password, Confirm string
	SharedDevice                   bool
}

func parseAcceptForm(v url.Values) (acceptForm, []FieldErr) {
	f := acceptForm{
		Name:         text(v, "name", 200),
		Email:        laeringsliv.NormalizeEmail(text(v, "email", 254)),
		Password:     v.Get("password"),
		Confirm:      v.Get("confirm"),
		SharedDevice: v.Get("shared_device") == "on",
	}
	var errs []FieldErr
	if f.Name == "" {
		errs = append(errs, FieldErr{"name", "error.name_required"})
	}
	if !laeringsliv.ValidEmail(f.Email) {
		errs = append(errs, FieldErr{"email", "error.email_invalid"})
	}
	if err := laeringsliv.ValidatePassword(f.Password, f.Name, f.Email); err != nil {
		errs = append(errs, FieldErr{"password", laeringsliv.ErrorKey(err)})
	} else if f.Password != f.Confirm {
		errs = append(errs, FieldErr{"confirm", "error.password_mismatch"})
	}
	return f, errs
}

// userErrors splits a store error: one the user can mend (invalid or conflicting input)
// becomes the form's field errors; any other is returned, to be shown as a failure.
func userErrors(err error) ([]FieldErr, error) {
	switch laeringsliv.ErrorCode(err) {
	case "":
		return nil, nil
	case laeringsliv.EINVALID, laeringsliv.ECONFLICT:
		return appendValidation(nil, err), nil
	}
	return nil, err
}

// appendValidation adds a domain validation error, unless its field already has one.
func appendValidation(errs []FieldErr, err error) []FieldErr {
	var e *laeringsliv.Error
	if err == nil || !errors.As(err, &e) {
		return errs
	}
	if fieldOf(errs, e.Field) != "" {
		return errs
	}
	return append(errs, FieldErr{e.Field, e.Key})
}
