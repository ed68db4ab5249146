package web

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"laeringsliv"
)

// staffForm is one person's row of the staff form as typed, kept when refused.
type staffForm struct {
	Number, Pct, Team string
}

// staffErr is a refused field of one person's row: Field is "number", "pct" or "team".
type staffErr struct {
	PersonID int64
	Field    string
	Key      string
}

// parseStaffForm reads the staff form's row of each of ids (the workplace's people; fields of
// anyone else are ignored): number-ID, pct-ID and team-ID. A position may be typed with a
// per cent sign ("75 %") and is 0 when empty; an employee number is upper-cased and may be
// given to one person only. Each refused field gets its own message; what was typed comes back.
func parseStaffForm(v url.Values, ids []int64) (map[int64]staffForm, []laeringsliv.StaffDetails, []staffErr) {
	forms := make(map[int64]staffForm, len(ids))
	var list []laeringsliv.StaffDetails
	var errs []staffErr
	owner := map[string]int64{}
	for _, id := range ids {
		key := strconv.FormatInt(id, 10)
		f := staffForm{Number: cut(strings.TrimSpace(v.Get("number-"+key)), 4*laeringsliv.MaxEmployeeNumber),
			Pct: cut(strings.TrimSpace(v.Get("pct-"+key)), 20), Team: cut(strings.TrimSpace(v.Get("team-"+key)), 4*laeringsliv.MaxShiftTeam+4)}
		forms[id] = f
		d := laeringsliv.StaffDetails{PersonID: id, EmployeeNumber: laeringsliv.NormalizeEmployeeNumber(f.Number), ShiftTeam: f.Team}
		ok := true
		refuse := func(field, key string) { errs, ok = append(errs, staffErr{id, field, key}), false }
		switch first, taken := owner[d.EmployeeNumber]; {
		case !laeringsliv.ValidEmployeeNumber(d.EmployeeNumber):
			refuse("number", "staff.error.number")
		case taken && d.EmployeeNumber != "" && first != id:
			refuse("number", "staff.error.number_twice")
		default:
			owner[d.EmployeeNumber] = id
		}
		pct, valid := parsePositionPct(f.Pct)
		if !valid {
			refuse("pct", "staff.error.pct")
		}
		d.PositionPct = pct
		if !utf8.ValidString(f.Team) || utf8.RuneCountInString(f.Team) > laeringsliv.MaxShiftTeam {
			refuse("team", "staff.error.team")
		}
		if ok {
			list = append(list, d)
		}
	}
	if len(errs) > 0 {
		return forms, nil, errs
	}
	return forms, list, nil
}

// parsePositionPct reads "75", "75 %" or "75%" as 75; empty is 0. Whole numbers 0–100 only.
func parsePositionPct(s string) (int, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 100 || strings.HasPrefix(s, "+") {
		return 0, false
	}
	return n, true
}
