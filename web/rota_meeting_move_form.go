package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
)

// moveForm is what the organiser types to move a meeting, kept as typed so that a refused
// form shows it again.
type moveForm struct {
	Date, Start, Minutes string
	Title, Place         string
}

// moveSignature names the time a move asks for, so that saving can tell that the organiser saw
// who is at work at that very time.
func moveSignature(start time.Time, length time.Duration) string {
	return strconv.FormatInt(start.Unix(), 36) + "-" + strconv.Itoa(int(length/time.Minute))
}

// parseMoveForm reads and checks a move: a date (YYYY-MM-DD or DD.MM.YYYY), a start (HH:MM)
// in Norwegian time, a length in minutes of at most a day, not starting before now.
func parseMoveForm(v url.Values, now time.Time) (moveForm, time.Time, time.Time, []FieldErr) {
	f := moveForm{Date: moveField(v, "date"), Start: moveField(v, "start"), Minutes: moveField(v, "minutes"),
		Title: text(v, "title", 201), Place: text(v, "place", 201)}
	var errs []FieldErr
	day, okDay := moveDate(f.Date)
	if !okDay {
		errs = append(errs, FieldErr{Field: "date", Key: "meetings.error.date"})
	}
	at, okAt := moveClock(f.Start)
	if !okAt {
		errs = append(errs, FieldErr{Field: "start", Key: "meetings.error.start"})
	}
	minutes, err := strconv.Atoi(f.Minutes)
	switch {
	case err != nil:
		errs = append(errs, FieldErr{Field: "minutes", Key: "meetings.error.minutes"})
	case minutes <= 0:
		errs = append(errs, FieldErr{Field: "minutes", Key: "meetings.error.end_before_start"})
	case time.Duration(minutes)*time.Minute > laeringsliv.MaxMeetingLength:
		errs = append(errs, FieldErr{Field: "minutes", Key: "meetings.error.too_long"})
	}
	if f.Title == "" || len(f.Title) > 200 {
		errs = append(errs, FieldErr{Field: "title", Key: "error.title_required"})
	}
	if len(f.Place) > 200 {
		errs = append(errs, FieldErr{Field: "place", Key: "meeting.error.place_too_long"})
	}
	var start time.Time
	if okDay && okAt {
		start = time.Date(day.Year(), day.Month(), day.Day(), int(at/time.Hour), int(at%time.Hour/time.Minute), 0, 0, laeringsliv.Norway())
		if start.Before(now) {
			errs = append(errs, FieldErr{Field: "date", Key: "meetings.error.past"})
		}
	}
	if len(errs) > 0 {
		return f, time.Time{}, time.Time{}, errs
	}
	return f, start, start.Add(time.Duration(minutes) * time.Minute), nil
}

// moveField is a short field, trimmed and cut to 20 bytes.
func moveField(v url.Values, key string) string {
	s := strings.TrimSpace(v.Get(key))
	if len(s) > 20 {
		s = s[:20]
	}
	return s
}

// moveDate reads a date as a browser's date field sends it, or as Norwegians write it.
func moveDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "02.01.2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 2000 && t.Year() < 3000 {
			return t, true
		}
	}
	return time.Time{}, false
}

// moveClock reads HH:MM (or HH.MM) as an offset from midnight.
func moveClock(s string) (time.Duration, bool) {
	for _, layout := range []string{"15:04", "15.04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, true
		}
	}
	return 0, false
}
