package grouping

import (
	"math/bits"
	"time"
)

// Span is a time a person is on shift.
type Span struct{ Start, End time.Time }

// overlapSlot is the resolution at which shared shift time is counted.
const overlapSlot = 30 * time.Minute

// SharedHours returns, for every pair of people, the hours they are on
// shift at the same time between from and to, counted in half hours.
func SharedHours(shifts [][]Span, from, to time.Time) [][]float64 {
	slots := int(to.Sub(from) / overlapSlot)
	if slots < 0 {
		slots = 0
	}
	words := (slots + 63) / 64
	marks := make([][]uint64, len(shifts))
	for p, list := range shifts {
		marks[p] = make([]uint64, words)
		for _, s := range list {
			a := max(0, int(s.Start.Sub(from)/overlapSlot))
			b := min(slots, int((s.End.Sub(from)+overlapSlot-1)/overlapSlot))
			for i := a; i < b; i++ {
				marks[p][i/64] |= 1 << (i % 64)
			}
		}
	}
	w := make([][]float64, len(shifts))
	for p := range w {
		w[p] = make([]float64, len(shifts))
	}
	perSlot := overlapSlot.Hours()
	for p := range marks {
		for q := p + 1; q < len(marks); q++ {
			n := 0
			for i := range words {
				n += bits.OnesCount64(marks[p][i] & marks[q][i])
			}
			w[p][q] = float64(n) * perSlot
			w[q][p] = w[p][q]
		}
	}
	return w
}
