// Package timefind proposes times for a meeting that people on a shift
// rota can attend within their working hours: the fewest repetitions such
// that every invitee is on shift during one of them.
package timefind

import (
	"sort"
	"time"
)

// Interval is a span of time, End after Start.
type Interval struct{ Start, End time.Time }

// Person is an invitee and the spans they are at work.
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

// Slot is one proposed repetition and who can attend it at work.
type Slot struct {
	Start, End time.Time
	Attendees  []int64
}

// Result is a proposal: the repetitions, and the invitees who are at work
// during none of the candidate times and would have to come in own time.
type Result struct {
	Slots   []Slot
	OwnTime []int64
	Exact   bool // the repetition count is proven minimal
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
			out = append(out, Interval{start, start.Add(w.Length)})
		}
	}
	return out
}

// atWork reports whether c lies within one of the sorted spans.
func atWork(work []Interval, c Interval) bool {
	i := sort.Search(len(work), func(i int) bool { return work[i].End.After(c.Start) })
	return i < len(work) && !work[i].Start.After(c.Start) && !work[i].End.Before(c.End)
}

// Find proposes the fewest repetitions within w that let every person
// attend one at work. budget bounds the exact search in nodes; when it is
// spent, the best cover found (greedy, then improved) is returned with
// Exact false.
func Find(people []Person, w Window, budget int) Result {
	cands := w.Candidates()
	for i := range people {
		sort.Slice(people[i].Work, func(a, b int) bool { return people[i].Work[a].Start.Before(people[i].Work[b].Start) })
	}
	sets := make([]bitset, len(cands))
	reach := newBitset(len(people))
	for c, iv := range cands {
		sets[c] = newBitset(len(people))
		for p := range people {
			if atWork(people[p].Work, iv) {
				sets[c].set(p)
				reach.set(p)
			}
		}
	}
	var res Result
	for p := range people {
		if !reach.has(p) {
			res.OwnTime = append(res.OwnTime, people[p].ID)
		}
	}
	chosen, exact := cover(sets, reach, len(people), budget)
	res.Exact = exact
	for _, c := range chosen {
		s := Slot{Start: cands[c].Start, End: cands[c].End}
		for p := range people {
			if sets[c].has(p) {
				s.Attendees = append(s.Attendees, people[p].ID)
			}
		}
		res.Slots = append(res.Slots, s)
	}
	sort.Slice(res.Slots, func(i, j int) bool { return res.Slots[i].Start.Before(res.Slots[j].Start) })
	return res
}
