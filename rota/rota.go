// Package rota holds a workplace's shift rota: the shifts read from a rota
// system's export, the checks a file must pass before anything is saved,
// and the readers for the CSV and XLSX layouts.
package rota

import (
	"sort"
	"strings"
	"time"
)

// MaxFileSize is the largest rota file accepted, in bytes.
const MaxFileSize = 50 << 20

// MaxShift is the longest single shift accepted.
const MaxShift = 16 * time.Hour

// Shift is one person's shift as a rota file states it. End is after
// Start; a night shift ends on the next day.
type Shift struct {
	Row      int    // the file's row number, 1-based, header included
	Person   string // e-mail as written in the file, lower-cased
	PersonID int64  // set once the person is known at the workplace
	Start    time.Time
	End      time.Time
	Code     string
}

// Duration is how long the shift lasts.
func (s Shift) Duration() time.Duration { return s.End.Sub(s.Start) }

// IsLeave reports whether the code marks absence rather than work
// (holiday, sick leave, leave of absence, time off in lieu).
func (s Shift) IsLeave() bool { return leaveCodes[normalCode(s.Code)] }

var leaveCodes = map[string]bool{
	"F": true, "FE": true, "FERIE": true, "S": true, "SYK": true,
	"P": true, "PERM": true, "AFS": true, "AVSPASERING": true, "LEAVE": true,
}

// Period is a rota for one workplace over a span of dates, saved and
// rolled back as one unit.
type Period struct {
	ID          int64
	WorkplaceID int64
	From, To    time.Time // first and last date, inclusive
	Status      Status
	ReplacedBy  int64 // the period that replaced this one, when Status is StatusReplaced
	ImportedBy  int64
	ImportedAt  time.Time
	Shifts      []Shift // filled on import; loaded on request
	ShiftCount  int
}

// Status is where a period stands.
type Status string

// Statuses of a period: an import is active until a later import covering
// some of its dates replaces it, or until it is rolled back.
const (
	StatusActive     Status = "active"
	StatusReplaced   Status = "replaced"
	StatusRolledBack Status = "rolled_back"
)

// NewPeriod makes the period a set of parsed shifts covers: from the
// first shift's date to the last shift's start date, as UTC dates.
func NewPeriod(workplaceID int64, shifts []Shift) *Period {
	p := &Period{WorkplaceID: workplaceID, Shifts: shifts, ShiftCount: len(shifts)}
	for i, s := range shifts {
		t := s.Start.In(zone())
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		if i == 0 || day.Before(p.From) {
			p.From = day
		}
		if i == 0 || day.After(p.To) {
			p.To = day
		}
	}
	return p
}

func normalCode(c string) string { return strings.ToUpper(strings.TrimSpace(c)) }

// Prepare reads a rota file for a workplace whose people are given by
// lower-cased e-mail, and returns the period to save, or every problem
// with the file. Nothing is returned to save unless the whole file is
// accepted.
func Prepare(workplaceID int64, data []byte, cols Columns, people map[string]int64) (*Period, Problems) {
	shifts, ps := parseAll(data, cols)
	ps = append(ps, CheckPeople(shifts, func(p string) bool { return people[p] != 0 })...)
	if len(ps) > 0 {
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].Row < ps[j].Row })
		return nil, ps
	}
	for i := range shifts {
		shifts[i].PersonID = people[shifts[i].Person]
	}
	return NewPeriod(workplaceID, shifts), nil
}

// Summary counts a period's shifts by kind, for a preview.
type Summary struct {
	People, Shifts, Nights, Leave int
	Hours                         float64 // worked hours, leave excluded
}

// Summarise counts the period's shifts. A night is a shift that crosses
// midnight.
func (p *Period) Summarise() Summary {
	var s Summary
	people := map[string]bool{}
	for _, sh := range p.Shifts {
		people[sh.Person] = true
		s.Shifts++
		switch {
		case sh.IsLeave():
			s.Leave++
			continue
		case sh.Start.In(zone()).YearDay() != sh.End.In(zone()).YearDay():
			s.Nights++
		}
		s.Hours += sh.Duration().Hours()
	}
	s.People = len(people)
	return s
}

// Kinds of shift, for the staffing a workplace must keep at work.
const (
	KindDay     = "day"
	KindEvening = "evening"
	KindNight   = "night"
)

// Kinds lists the kinds of shift in the order of a day.
func Kinds() []string { return []string{KindDay, KindEvening, KindNight} }

// Kind tells a worked shift's kind by when it starts in Norway: a shift
// that crosses midnight, or starts from 20:00 until 05:00, is a night; one
// starting from noon is an evening; the rest are days. Leave has no kind.
func (s Shift) Kind() string {
	if s.IsLeave() {
		return ""
	}
	start, end := s.Start.In(zone()), s.End.In(zone())
	switch h := start.Hour(); {
	case h >= 20 || h < 5 || start.YearDay() != end.YearDay() && end.Hour()*60+end.Minute() > 0:
		return KindNight
	case h >= 12:
		return KindEvening
	}
	return KindDay
}
