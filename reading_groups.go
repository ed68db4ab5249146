package laeringsliv

import (
	"math/rand/v2"

	"laeringsliv/grouping"
)

// FormReadingGroups splits participants into groups of four (three or five where the numbers
// demand it) and gives each group its own text, in the order of texts; with more groups than
// texts, texts are given again from the start. Shift teams are kept together when mode asks,
// since a group must be able to meet on shift. By hand starts from a random split that the
// teacher then adjusts. Shared shifts need the rota (FormGroupsByShifts); here, without it,
// they fall back to keeping shift teams together. rng decides the random parts.
func FormReadingGroups(people []*Person, mode GroupingMode, textIDs []int64, rng *rand.Rand) ([]*ReadingGroup, error) {
	if !mode.Valid() {
		return nil, FieldError("grouping", "reading.error.grouping_invalid")
	}
	if len(people) == 0 {
		return nil, FieldError("grouping", "reading.error.no_participants")
	}
	keep := mode == GroupingShiftTeams || mode == GroupingSharedShifts
	members := make([]grouping.Member, len(people))
	for i, p := range people {
		members[i] = grouping.Member{ID: p.ID}
		if keep {
			members[i].Team = p.ShiftTeam
		}
	}
	formed, err := grouping.Form(members, grouping.Options{KeepTeams: keep}, rng)
	if err != nil {
		return nil, err
	}
	groups := make([]*ReadingGroup, len(formed))
	for i, f := range formed {
		g := &ReadingGroup{Number: i + 1}
		for _, m := range f {
			g.MemberIDs = append(g.MemberIDs, m.ID)
		}
		if len(textIDs) > 0 {
			g.TextID = textIDs[i%len(textIDs)]
		}
		groups[i] = g
	}
	return groups, nil
}

// ReadingGroupsOf makes a workshop's groups from groups of member IDs already formed (by
// shared shifts, then adjusted by hand), giving each its own text as FormReadingGroups does.
func ReadingGroupsOf(members [][]int64, textIDs []int64) []*ReadingGroup {
	groups := make([]*ReadingGroup, len(members))
	for i, m := range members {
		g := &ReadingGroup{Number: i + 1, MemberIDs: m}
		if len(textIDs) > 0 {
			g.TextID = textIDs[i%len(textIDs)]
		}
		groups[i] = g
	}
	return groups
}
