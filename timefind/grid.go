package timefind

import (
	"sort"
	"time"
)

// grid holds, for every invitee and candidate time, how much of the
// invitee's own time the candidate needs and the kind of shift they are on
// then ("" when off), and for every candidate the invitees for whom it
// needs the least own time.
type grid struct {
	people []Person
	length int32      // of a meeting, in minutes
	own    [][]int32  // minutes of own time, by person and candidate
	kind   [][]string // kind of shift at work, by person and candidate
	sets   []bitset   // by candidate: the people for whom it is one of the best
}

func newGrid(people []Person, cands []Interval) *grid {
	g := &grid{people: people, length: int32(meetingLength(cands) / time.Minute), own: make([][]int32, len(people)), kind: make([][]string, len(people)),
		sets: make([]bitset, len(cands))}
	for c := range cands {
		g.sets[c] = newBitset(len(people))
	}
	for p, person := range people {
		g.own[p], g.kind[p] = make([]int32, len(cands)), make([]string, len(cands))
		best := int32(1 << 30)
		for c, iv := range cands {
			worked, kind := overlap(person.Work, iv)
			g.own[p][c] = int32((iv.End.Sub(iv.Start) - worked) / time.Minute)
			g.kind[p][c] = kind
			best = min(best, g.own[p][c])
		}
		for c := range cands {
			if g.own[p][c] == best {
				g.sets[c].set(p)
			}
		}
	}
	return g
}

func meetingLength(cands []Interval) time.Duration { return cands[0].End.Sub(cands[0].Start) }

// atWork reports whether person p is at work during some of candidate c.
func (g *grid) atWork(p, c int) bool { return g.own[p][c] < g.length }

// need is everyone.
func (g *grid) need() bitset {
	b := newBitset(len(g.people))
	for p := range g.people {
		b.set(p)
	}
	return b
}

// overlap returns how long the sorted spans cover c, and the kind of the
// first span that does ("" when none).
func overlap(work []Interval, c Interval) (time.Duration, string) {
	i := sort.Search(len(work), func(i int) bool { return work[i].End.After(c.Start) })
	var d time.Duration
	kind, at := "", false
	for ; i < len(work) && work[i].Start.Before(c.End); i++ {
		a, b := maxTime(work[i].Start, c.Start), minTime(work[i].End, c.End)
		if b.After(a) {
			d += b.Sub(a)
			if !at {
				kind, at = work[i].Kind, true
			}
		}
	}
	return min(d, c.End.Sub(c.Start)), kind
}

// atWork reports whether c lies within one of the sorted spans.
func atWork(work []Interval, c Interval) bool {
	i := sort.Search(len(work), func(i int) bool { return work[i].End.After(c.Start) })
	return i < len(work) && !work[i].Start.After(c.Start) && !work[i].End.Before(c.End)
}

// offNight reports whether a night shift of the sorted spans ended within
// RestAfterNight before t.
func offNight(work []Interval, t time.Time) bool {
	for _, iv := range work {
		if iv.Kind == Night && !iv.End.After(t) && iv.End.After(t.Add(-RestAfterNight)) {
			return true
		}
	}
	return false
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
