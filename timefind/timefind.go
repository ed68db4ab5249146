// Package timefind proposes times for a meeting that people on a shift
// rota can attend within their working hours: the fewest repetitions such
// that every invitee is on shift during one of them. Where that cannot be
// done for someone, it places them where they need the least of their own
// time, and it never draws the staff left at work below the minimum a
// workplace sets for each kind of shift.
package timefind

import (
	"sort"
	"time"
)

// Interval is a span of work, End after Start. Kind names the kind of
// shift ("day", "evening", "night") for the staffing minimum; a night
// shift is also what "just came off a night" looks for.
type Interval struct {
	Start, End time.Time
	Kind       string
}

// Night is the kind of a night shift.
const Night = "night"

// Person is an invitee, or a colleague who stays at work, and the spans
// they are at work.
type Person struct {
	ID   int64
	Work []Interval
}

// Window is where the meeting may be placed: each day from First to Last
// (dates, inclusive) between Earliest and Latest (offsets from midnight in
// Loc), lasting Length, starting on a Step grid.
type Window struct {
	First, Last      time.Time
	Earliest, Latest time.Duration
	Length, Step     time.Duration
	Loc              *time.Location
}

// Options tune a search. The zero value searches with no staffing
// minimum and a budget of 200,000 nodes.
type Options struct {
	Budget int // bounds the exact search, in nodes
	// Minimum is the staff that must stay at work during a meeting, per
	// kind of shift. A meeting may not take people off a kind of shift if
	// that leaves fewer than its minimum.
	Minimum map[string]int
	// Others are colleagues who are not invited and stay at work; they
	// count towards the staff left.
	Others []Person
}

// Slot is one proposed repetition.
type Slot struct {
	Start, End time.Time
	Attendees  []int64   // invitees who come to this one within their working hours
	OwnTime    []OwnTime // invitees who come to this one in some of their own time
	OnShift    []int64   // invitees at work during it, whether they come or stay at work
	Off        []int64   // invitees not at work during it
	AfterNight []int64   // of Off, those whose night shift ended less than RestAfterNight before
	Floor      []Floor   // the staff left at work, per kind of shift at work then
}

// OwnTime is an invitee who comes in Minutes of their own time.
type OwnTime struct {
	ID      int64
	Minutes int
}

// Floor is the staff at work on one kind of shift during a slot: Drawn
// come to the meeting, Left stay. Left is below Minimum only when the
// rota itself has fewer at work, and then Drawn is zero.
type Floor struct {
	Kind                 string
	Drawn, Left, Minimum int
}

// RestAfterNight is how long after a night shift someone counts as just
// off it: the daily rest the Working Environment Act asks for.
const RestAfterNight = 11 * time.Hour

// Result is a proposal.
type Result struct {
	Slots []Slot
	// OwnTime lists the invitees who would come in some of their own time
	// at the slot that needs least of it.
	OwnTime    []int64
	OwnMinutes int // own time needed, in all
	// Held lists invitees whom no slot can take off their shift without
	// drawing the staff left below the minimum; they are in no slot.
	Held  []int64
	Exact bool // the repetition count is proven minimal
}

// Candidates lists every start time of the window.
func (w Window) Candidates() []Interval {
	loc := w.Loc
	if loc == nil {
		loc = time.UTC
	}
	step := w.Step
	if step <= 0 {
		step = 30 * time.Minute
	}
	var out []Interval
	for d := w.First; !d.After(w.Last); d = d.AddDate(0, 0, 1) {
		for off := w.Earliest; off+w.Length <= w.Latest; off += step {
			start := time.Date(d.Year(), d.Month(), d.Day(), int(off/time.Hour), int(off%time.Hour/time.Minute), 0, 0, loc)
			out = append(out, Interval{Start: start, End: start.Add(w.Length)})
		}
	}
	return out
}

// Find proposes the fewest repetitions within w that let every person
// attend one at work; budget bounds the exact search in nodes.
func Find(people []Person, w Window, budget int) Result {
	return FindWith(people, w, Options{Budget: budget})
}

// FindWith proposes repetitions within w. First, each invitee is given the
// candidate times that need the least of their own time (none, for anyone
// at work during one of them). Then the fewest candidates are chosen that
// give everyone one of theirs, by an exact search within the budget, and
// the invitees are placed so that no kind of shift is drawn below its
// minimum. When the minimum forces more repetitions than the cover, or the
// budget is spent, Exact is false.
func FindWith(people []Person, w Window, o Options) Result {
	if o.Budget <= 0 {
		o.Budget = 200_000
	}
	cands := w.Candidates()
	sortWork(people)
	sortWork(o.Others)
	if len(cands) == 0 {
		return Result{Exact: true}
	}
	g := newGrid(people, cands)
	chosen, exact := cover(g.sets, g.need(), len(people), o.Budget)
	floor := newFloorTable(people, o.Others, cands, o.Minimum)
	plan := assign(g, floor, chosen)
	return g.result(cands, floor, plan, exact && len(plan.slots) == len(chosen))
}

func sortWork(people []Person) {
	for i := range people {
		sort.Slice(people[i].Work, func(a, b int) bool { return people[i].Work[a].Start.Before(people[i].Work[b].Start) })
	}
}
