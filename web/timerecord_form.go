package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"laeringsliv"
	"laeringsliv/rota"
)

// timeForm is the quick entry of time as typed, kept when refused.
type timeForm struct {
	Day, Minutes, Activity, Note, Source string
}

// Sources of recorded time, as the form posts them.
const (
	sourceWork = "work" // within working hours
	sourceOwn  = "own"  // in the participant's own time
)

// earliestTimeDay is the first date accepted: nothing in the programme is older.
var earliestTimeDay = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// parseTimeForm reads the quick entry. Minutes may be typed as minutes ("45") or hours and
// minutes ("1:30"); the day as YYYY-MM-DD or DD.MM.YYYY, not after today. Each refused
// field gets its own message; what was typed comes back in the form.
func parseTimeForm(v url.Values, today time.Time) (timeForm, *laeringsliv.TimeRecord, []FieldErr) {
	f := timeForm{Day: strings.TrimSpace(v.Get("day")), Minutes: strings.TrimSpace(v.Get("minutes")),
		Activity: strings.TrimSpace(v.Get("activity")), Note: strings.TrimSpace(v.Get("note")),
		Source: strings.TrimSpace(v.Get("source"))}
	for _, p := range []*string{&f.Day, &f.Minutes, &f.Activity, &f.Source} {
		*p = cut(*p, 20)
	}
	f.Note = cut(f.Note, 4*laeringsliv.MaxTimeRecordNote) // kept for the message; refused below if too long
	rec := &laeringsliv.TimeRecord{Activity: laeringsliv.TimeActivity(f.Activity), Note: f.Note, OwnTime: f.Source == sourceOwn}
	var errs []FieldErr
	day, ok := rota.ParseDate(f.Day)
	switch {
	case !ok || !strings.ContainsAny(f.Day, "-.") || day.Before(earliestTimeDay): // no spreadsheet serials here
		errs = append(errs, FieldErr{Field: "day", Key: "timerecord.error.day"})
	case day.After(today):
		errs = append(errs, FieldErr{Field: "day", Key: "timerecord.error.future"})
	}
	rec.Day = day
	min, ok := parseMinutes(f.Minutes)
	if !ok || min < 1 || min > laeringsliv.MaxTimeRecordMinutes {
		errs = append(errs, FieldErr{Field: "minutes", Key: "timerecord.error.minutes"})
	}
	rec.Minutes = min
	if !rec.Activity.Valid() {
		errs = append(errs, FieldErr{Field: "activity", Key: "timerecord.error.activity"})
	}
	if utf8.RuneCountInString(f.Note) > laeringsliv.MaxTimeRecordNote {
		errs = append(errs, FieldErr{Field: "note", Key: "timerecord.error.note"})
	}
	if f.Source != sourceWork && f.Source != sourceOwn {
		errs = append(errs, FieldErr{Field: "source", Key: "timerecord.error.source"})
	}
	if len(errs) > 0 {
		return f, nil, errs
	}
	return f, rec, nil
}

// parseMinutes reads "45" or "1:30".
func parseMinutes(s string) (int, bool) {
	h, m, colon := strings.Cut(s, ":")
	if !colon {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || mm < 0 || mm > 59 || len(m) != 2 {
		return 0, false
	}
	return hh*60 + mm, true
}

// cut shortens s to at most n bytes without splitting a character.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// formOf is the form for changing a stored record.
func formOf(r *laeringsliv.TimeRecord) timeForm {
	src := sourceWork
	if r.OwnTime {
		src = sourceOwn
	}
	return timeForm{Day: r.Day.Format("2006-01-02"), Minutes: strconv.Itoa(r.Minutes), Activity: string(r.Activity),
		Note: r.Note, Source: src}
}
