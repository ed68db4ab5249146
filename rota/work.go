package rota

import (
	"laeringsliv"
	"laeringsliv/grouping"
)

// Worked returns when each person is at work by the shifts, leave left out: what group
// formation by shared shifts counts.
func Worked(shifts []Shift) laeringsliv.ShiftWork {
	work := laeringsliv.ShiftWork{}
	for _, sh := range shifts {
		if !sh.IsLeave() {
			work[sh.PersonID] = append(work[sh.PersonID], grouping.Span{Start: sh.Start, End: sh.End})
		}
	}
	return work
}
