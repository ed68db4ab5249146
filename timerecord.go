package laeringsliv

import (
	"context"
	"time"
	"unicode/utf8"
)

// Where the hours came from: participants record the time they spend on the study and the
// innovation work, and whether it was within working hours or their own time. Leaders see
// only monthly totals per workplace; nobody but the participant sees the entries.

// TimeActivity is what recorded time was spent on.
type TimeActivity string

const (
	TimeStudy      TimeActivity = "study"      // reading, work requirements, gatherings
	TimeInnovation TimeActivity = "innovation" // the workplace's innovation work
)

// TimeActivities returns the activities in the order forms show them.
func TimeActivities() []TimeActivity { return []TimeActivity{TimeStudy, TimeInnovation} }

// Valid reports whether a is a known activity.
func (a TimeActivity) Valid() bool { return a == TimeStudy || a == TimeInnovation }

// MaxTimeRecordMinutes is the most one entry may hold: a long day.
const MaxTimeRecordMinutes = 16 * 60

// MaxTimeRecordNote is the longest "what" text, in characters.
const MaxTimeRecordNote = 200

// TimeRecord is one entry of a participant's time.
type TimeRecord struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	PersonID      int64
	Day           time.Time // the date, at midnight UTC
	Minutes       int
	Activity      TimeActivity
	Note          string // what was done, briefly
	OwnTime       bool   // in the participant's own time rather than working hours
	CreatedAt     time.Time
}

// Validate checks the fields a participant types.
func (r *TimeRecord) Validate() error {
	switch {
	case r.Day.IsZero():
		return FieldError("day", "timerecord.error.day")
	case r.Minutes < 1 || r.Minutes > MaxTimeRecordMinutes:
		return FieldError("minutes", "timerecord.error.minutes")
	case !r.Activity.Valid():
		return FieldError("activity", "timerecord.error.activity")
	case utf8.RuneCountInString(r.Note) > MaxTimeRecordNote:
		return FieldError("note", "timerecord.error.note")
	}
	return nil
}

// Resource is the record as the policy sees it: its workplace, owned by its participant.
func (r *TimeRecord) Resource(w *Workplace) Resource {
	res := WorkplaceResource(w)
	res.OwnerID = r.PersonID
	return res
}

// TimeShare is a workplace's recorded minutes in one month, by where they came from.
type TimeShare struct {
	WorkplaceID int64
	Month       time.Time // the first of the month, UTC
	WorkMinutes int       // within working hours
	OwnMinutes  int       // in participants' own time
	People      int       // participants who recorded time
}

// Total is all the minutes of the month.
func (s TimeShare) Total() int { return s.WorkMinutes + s.OwnMinutes }

// OwnPercent is the share of own time, in whole per cent; 0 when nothing was recorded.
func (s TimeShare) OwnPercent() int {
	if s.Total() == 0 {
		return 0
	}
	return (200*s.OwnMinutes + s.Total()) / (2 * s.Total())
}

// SumTimeShares adds shares up (over months, or workplaces).
func SumTimeShares(list []TimeShare) TimeShare {
	var t TimeShare
	for _, s := range list {
		t.WorkMinutes += s.WorkMinutes
		t.OwnMinutes += s.OwnMinutes
	}
	return t
}

// TimeShareFilter chooses the shares to sum: a workplace's, or all of a programme's.
type TimeShareFilter struct {
	WorkplaceID int64
	ProgrammeID int64
}

// TimeRecordService keeps participants' time records.
type TimeRecordService interface {
	CreateTimeRecord(ctx context.Context, r *TimeRecord) error
	// UpdateTimeRecord changes day, minutes, activity, note and own time of the record r.ID.
	UpdateTimeRecord(ctx context.Context, r *TimeRecord) error
	DeleteTimeRecord(ctx context.Context, id int64) error
	FindTimeRecord(ctx context.Context, id int64) (*TimeRecord, error)
	// FindTimeRecords returns a person's records in a workplace, newest day first.
	FindTimeRecords(ctx context.Context, personID, workplaceID int64) ([]*TimeRecord, error)
	// TimeShares returns monthly totals per workplace, by workplace and month.
	TimeShares(ctx context.Context, f TimeShareFilter) ([]TimeShare, error)
}
