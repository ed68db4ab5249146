package laeringsliv

import (
	"strconv"
	"strings"
	"time"
)

// Parsers of what people type into forms about their work history. Each returns an EINVALID
// error with a catalog key for anything it cannot read, never a Go error text.

// ParseDate reads a date as an ISO date (2019-03-01, what <input type=date> sends) or the
// Norwegian way (01.03.2019 or 1.3.2019). The result is midnight UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "02.01.2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1900 || t.Year() > 2200 {
				break
			}
			return t, nil
		}
	}
	return time.Time{}, Errorf(EINVALID, "study.error.date_invalid")
}

// ParsePercent reads a position percentage such as "80", "80 %", "62,5%" or "62.5" and
// returns it rounded to one decimal. It must be above 0 and at most 100.
func ParsePercent(s string) (float64, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	s = strings.Replace(s, ",", ".", 1)
	if s == "" || len(s) > 10 || strings.ContainsAny(s, "eEinfINFxX_+-") {
		return 0, Errorf(EINVALID, "error.position_pct_invalid")
	}
	f, err := strconv.ParseFloat(s, 64)
	f = float64(int64(f*10+0.5)) / 10
	if err != nil || f <= 0 || f > 100 {
		return 0, Errorf(EINVALID, "error.position_pct_invalid")
	}
	return f, nil
}
