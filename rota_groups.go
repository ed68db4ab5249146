package laeringsliv

import (
	"time"

	"laeringsliv/grouping"
)

// Groups of people who work together: a group whose members are on shift at the same
// times can meet at work. The rota gives each pair the hours they share over the coming
// weeks; groups are formed to maximise the hours shared within them.

// GroupWish is a wish that a person be in the same group as, or a different group from, a
// named colleague. Wishes are kept where the sizes allow.
type GroupWish struct {
	PersonID, OtherID int64
	Together          bool
}

// ShiftWork is when each person is at work, by person ID.
type ShiftWork map[int64][]grouping.Span

// FormGroupsByShifts splits people into groups within the sizes o gives (three to five around
// four by default), maximising the hours each group's members are on shift together between
// from and to and keeping wishes where possible. It returns the member IDs of each group.
func FormGroupsByShifts(people []int64, work ShiftWork, from, to time.Time, wishes []GroupWish, o grouping.Options) ([][]int64, error) {
	if len(people) == 0 {
		return nil, FieldError("grouping", "reading.error.no_participants")
	}
	sizes, err := grouping.Sizes(len(people), o)
	if err != nil {
		return nil, err
	}
	w := sharedMatrix(people, work, from, to)
	index := make(map[int64]int, len(people))
	for i, id := range people {
		index[id] = i
	}
	var ws []grouping.Wish
	for _, x := range wishes {
		a, okA := index[x.PersonID]
		b, okB := index[x.OtherID]
		if okA && okB && a != b {
			ws = append(ws, grouping.Wish{A: a, B: b, Together: x.Together})
		}
	}
	formed := grouping.FormByShared(w, sizes, ws)
	out := make([][]int64, len(formed))
	for g, members := range formed {
		for _, i := range members {
			out[g] = append(out[g], people[i])
		}
	}
	return out, nil
}

// GroupSharedHours returns, for each group, the hours its members share on shift between
// from and to, summed over the group's pairs of members.
func GroupSharedHours(groups [][]int64, work ShiftWork, from, to time.Time) []float64 {
	out := make([]float64, len(groups))
	for g, members := range groups {
		w := sharedMatrix(members, work, from, to)
		all := make([]int, len(members))
		for i := range all {
			all[i] = i
		}
		out[g] = grouping.GroupShared(w, all)
	}
	return out
}

// KeptWishes counts the wishes the groups keep, of those that name two of their members.
func KeptWishes(groups [][]int64, wishes []GroupWish) (kept, total int) {
	in := map[int64]int{}
	for g, members := range groups {
		for _, id := range members {
			in[id] = g
		}
	}
	for _, x := range wishes {
		a, okA := in[x.PersonID]
		b, okB := in[x.OtherID]
		if !okA || !okB || x.PersonID == x.OtherID {
			continue
		}
		total++
		if (a == b) == x.Together {
			kept++
		}
	}
	return kept, total
}

func sharedMatrix(people []int64, work ShiftWork, from, to time.Time) [][]float64 {
	spans := make([][]grouping.Span, len(people))
	for i, id := range people {
		spans[i] = work[id]
	}
	return grouping.SharedHours(spans, from, to)
}
