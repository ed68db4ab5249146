package laeringsliv

import (
	"math"
	"time"
)

// Dates of a template are moved in Norway's wall-clock time, so that a gathering at nine
// stays at nine across summer time, and kept off weekends: shift work plans gatherings on
// weekdays.

// ShiftForStart returns the days that move a programme starting on from to one starting near
// to, in whole weeks so that every gathering keeps its weekday.
func ShiftForStart(from, to time.Time) int {
	days := civilDays(to) - civilDays(from)
	return int(math.Round(float64(days)/7)) * 7
}

// civilDays counts the calendar days of t's date in Norway since the epoch.
func civilDays(t time.Time) int64 {
	y, m, d := t.In(Norway()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// shiftTime moves t by days, keeping its wall-clock time in Norway.
func shiftTime(t time.Time, days int) time.Time {
	if t.IsZero() {
		return t
	}
	l := t.In(Norway())
	y, m, d := l.Date()
	return time.Date(y, m, d+days, l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), Norway()).UTC()
}

// offWeekend returns the days that move t, once shifted by days, from a Saturday or Sunday to
// the Monday after; 0 on a weekday, and 0 for a t that was on a weekend already (planned so).
func offWeekend(t time.Time, days int) int {
	if weekend(t) {
		return 0
	}
	switch shiftTime(t, days).In(Norway()).Weekday() {
	case time.Saturday:
		return 2
	case time.Sunday:
		return 1
	}
	return 0
}

func weekend(t time.Time) bool {
	d := t.In(Norway()).Weekday()
	return d == time.Saturday || d == time.Sunday
}

// templateTime formats t as a template writes it.
func templateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Norway()).Format(time.RFC3339)
}

// templateDay formats t's date in Norway.
func templateDay(t time.Time) string { return t.In(Norway()).Format(time.DateOnly) }

// templateYears bounds every date in a template.
const templateMinYear, templateMaxYear = 2000, 2100

func yearInRange(t time.Time) bool {
	y := t.In(Norway()).Year()
	return y >= templateMinYear && y <= templateMaxYear
}

// parseTemplateTime reads a time of a template at path; "" is missing.
func parseTemplateTime(s, path string) (time.Time, error) {
	if s == "" {
		return time.Time{}, FieldError(path, "cohort.error.missing")
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, FieldError(path, "cohort.error.date")
	}
	if !yearInRange(t) {
		return time.Time{}, FieldError(path, "cohort.error.date_range")
	}
	return t.UTC(), nil
}

// ParseTemplateDay reads a YYYY-MM-DD date at path as midnight in Norway.
func ParseTemplateDay(s, path string) (time.Time, error) {
	if s == "" {
		return time.Time{}, FieldError(path, "cohort.error.missing")
	}
	t, err := time.ParseInLocation(time.DateOnly, s, Norway())
	if err != nil {
		return time.Time{}, FieldError(path, "cohort.error.date")
	}
	if !yearInRange(t) {
		return time.Time{}, FieldError(path, "cohort.error.date_range")
	}
	return t, nil
}
