package laeringsliv

import (
	"context"
	"time"
)

// CohortParts says which parts of a template a new programme takes. Workplaces' frames are
// always taken: gatherings, reading workshops and IPE questions belong to them.
type CohortParts struct {
	Gatherings   bool
	Requirements bool
	Syllabus     bool
	Reading      bool
	IPE          bool
	Handbook     bool // the skeleton: chapter titles and outlines
	HandbookText bool // the chapters' text too, where the template has it
}

// AllCohortParts takes every part, the handbook as a skeleton.
func AllCohortParts() CohortParts {
	return CohortParts{Gatherings: true, Requirements: true, Syllabus: true, Reading: true, IPE: true, Handbook: true}
}

// CohortOptions says how a new programme is made from a template.
type CohortOptions struct {
	Name      string // the new programme's title: its topic
	ShiftDays int    // calendar days every date moves by (see ShiftForStart)
	Parts     CohortParts
	// TeacherID is the person who starts the programme: the author of the chapters' first
	// versions and, when not an administrator, the new programme's teacher. 0 for none.
	TeacherID int64
	// MakeTeacher gives TeacherID the teacher role of the new programme.
	MakeTeacher bool
}

// Cohort is a new programme made from a template, ready to be stored in one transaction.
// References between its parts are positions (from 1) that the store turns into ids.
type Cohort struct {
	Programme    Programme
	Workplaces   []*CohortWorkplace
	Requirements []*WorkRequirement
	Syllabus     []*SyllabusText
	Handbook     *Handbook
	Chapters     []*HandbookChapter
	// Translations holds, for each of Chapters by index, its versions in other languages.
	Translations [][]*HandbookTranslation
	TeacherID    int64
	MakeTeacher  bool
}

// CohortWorkplace is a new workplace with what is planned there.
type CohortWorkplace struct {
	Workplace  Workplace
	Gatherings []*CohortGathering
	Workshops  []*CohortWorkshop
	Sessions   []*CohortIPE
}

// CohortGathering is a gathering on its new dates; Was is the template's start, for the preview.
type CohortGathering struct {
	Gathering
	Was time.Time
}

// CohortWorkshop is a reading workshop without members: Gathering is a position in its
// workplace's gatherings (0 for none), Texts one syllabus position per group (0 for none).
type CohortWorkshop struct {
	Workshop
	Gathering int
	Texts     []int
}

// CohortIPE is an IPE session in draft, with its groups' names and no notes.
type CohortIPE struct {
	IPESession
	Gathering int
	Groups    []string
}

// CohortStore stores a new cohort; the whole of it, or nothing.
type CohortStore interface {
	CreateCohort(ctx context.Context, c *Cohort) error
}
