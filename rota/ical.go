package rota

import (
	"bytes"
	"errors"
	"strings"
	"time"
)

// A person's own rota may come from an iCalendar feed (RFC 5545) that a rota system's employee
// portal publishes. ParseICalendar reads the worked shifts from one: each VEVENT with a start
// and end date-time becomes a shift, its SUMMARY the shift code. Whole-day events (days off,
// holidays) are not shifts and are left out. Times in UTC ("Z"), with a TZID or floating are
// read; a TZID other than UTC is taken to be Norway's time, where the platform's rotas are.

// MaxFeedSize is the largest feed read, in bytes.
const MaxFeedSize = 4 << 20

// MaxFeedEvents is the most shifts a feed may hold: years of a full-time rota.
const MaxFeedEvents = 5000

// ErrFeed is a feed that is not a calendar the platform can read.
var ErrFeed = errors.New("rota: not a readable iCalendar feed")

// ParseICalendar returns the shifts of an iCalendar feed, or ErrFeed (wrapped with what is
// wrong) when the feed is malformed.
func ParseICalendar(data []byte) ([]Shift, error) {
	if len(data) > MaxFeedSize {
		return nil, feedError("larger than 4 MB")
	}
	lines := unfold(data)
	if len(lines) == 0 || !strings.EqualFold(strings.TrimSpace(lines[0]), "BEGIN:VCALENDAR") {
		return nil, feedError("no BEGIN:VCALENDAR")
	}
	var shifts []Shift
	var ev *icalEvent
	ended := false
	for _, line := range lines[1:] {
		name, params, value := contentLine(line)
		switch {
		case name == "BEGIN" && strings.EqualFold(value, "VEVENT"):
			if ev != nil {
				return nil, feedError("an event inside an event")
			}
			ev = &icalEvent{}
		case name == "END" && strings.EqualFold(value, "VEVENT"):
			if ev == nil {
				return nil, feedError("END:VEVENT without BEGIN")
			}
			s, ok, err := ev.shift()
			if err != nil {
				return nil, err
			}
			if ok {
				if len(shifts) == MaxFeedEvents {
					return nil, feedError("more than 5000 events")
				}
				shifts = append(shifts, s)
			}
			ev = nil
		case name == "END" && strings.EqualFold(value, "VCALENDAR"):
			ended = true
		case ev != nil:
			ev.set(name, params, value)
		}
	}
	if ev != nil || !ended {
		return nil, feedError("the calendar is cut off")
	}
	return shifts, nil
}

func feedError(what string) error { return errors.Join(ErrFeed, errors.New(what)) }

// unfold joins folded content lines (a line that begins with a space or tab continues the one
// before) and drops empty ones.
func unfold(data []byte) []string {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var out []string
	for _, raw := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		raw = strings.TrimSuffix(raw, "\r")
		if (strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t")) && len(out) > 0 {
			out[len(out)-1] += raw[1:]
			continue
		}
		if raw != "" {
			out = append(out, raw)
		}
	}
	return out
}

// contentLine splits "NAME;PARAM=X:value" into its upper-cased name, parameters and value.
func contentLine(line string) (name string, params map[string]string, value string) {
	head, value, _ := strings.Cut(line, ":")
	parts := strings.Split(head, ";")
	name = strings.ToUpper(strings.TrimSpace(parts[0]))
	for _, p := range parts[1:] {
		if k, v, ok := strings.Cut(p, "="); ok {
			if params == nil {
				params = map[string]string{}
			}
			params[strings.ToUpper(k)] = strings.Trim(v, `"`)
		}
	}
	return name, params, strings.TrimSpace(value)
}

type icalEvent struct {
	start, end         string
	startTZ, endTZ     string
	startDate, endDate bool
	summary            string
	cancelled          bool
}

func (e *icalEvent) set(name string, params map[string]string, value string) {
	switch name {
	case "DTSTART":
		e.start, e.startTZ, e.startDate = value, params["TZID"], params["VALUE"] == "DATE" || len(value) == 8
	case "DTEND":
		e.end, e.endTZ, e.endDate = value, params["TZID"], params["VALUE"] == "DATE" || len(value) == 8
	case "SUMMARY":
		e.summary = value
	case "STATUS":
		e.cancelled = strings.EqualFold(value, "CANCELLED")
	}
}

// shift turns the event into a shift; ok is false for whole-day and cancelled events.
func (e *icalEvent) shift() (s Shift, ok bool, err error) {
	if e.start == "" || e.end == "" {
		return s, false, feedError("an event without DTSTART or DTEND")
	}
	if e.startDate || e.endDate || e.cancelled {
		return s, false, nil
	}
	start, err1 := icalTime(e.start, e.startTZ)
	end, err2 := icalTime(e.end, e.endTZ)
	switch {
	case err1 != nil || err2 != nil:
		return s, false, feedError("a date-time that is not YYYYMMDDTHHMMSS")
	case !end.After(start) || end.Sub(start) > MaxShift:
		return s, false, feedError("an event that ends before it starts or lasts over 16 hours")
	}
	code := strings.ToUpper(strings.TrimSpace(strings.NewReplacer(`\,`, ",", `\;`, ";", `\n`, " ", `\\`, `\`).Replace(e.summary)))
	if f := strings.Fields(code); len(f) > 0 {
		code = f[0]
	}
	if r := []rune(code); len(r) > 20 {
		code = string(r[:20])
	}
	return Shift{Start: start, End: end, Code: code}, true, nil
}

// icalTime reads a DATE-TIME: UTC with a trailing Z, else in Norway's time (a TZID of UTC
// or GMT excepted).
func icalTime(v, tz string) (time.Time, error) {
	if strings.HasSuffix(v, "Z") {
		return time.Parse("20060102T150405Z", v)
	}
	loc := zone()
	if u := strings.ToUpper(tz); u == "UTC" || u == "GMT" || u == "ETC/UTC" {
		loc = time.UTC
	}
	return time.ParseInLocation("20060102T150405", v, loc)
}
