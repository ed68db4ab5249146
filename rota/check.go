package rota

import (
	"sort"
	"strconv"
)

// checkShifts finds shifts that are too long and shifts of one person
// that overlap. Leave rows count too: a rota that has a person both on
// leave and on shift at once is wrong.
func checkShifts(shifts []Shift) Problems {
	var ps Problems
	byPerson := map[string][]Shift{}
	for _, s := range shifts {
		if s.Duration() > MaxShift {
			ps = append(ps, Problem{Row: s.Row, Kind: ProblemTooLong, Detail: s.Duration().String()})
		}
		byPerson[s.Person] = append(byPerson[s.Person], s)
	}
	for _, list := range byPerson {
		sort.Slice(list, func(i, j int) bool { return list[i].Start.Before(list[j].Start) })
		for i := 1; i < len(list); i++ {
			if list[i].Start.Before(list[i-1].End) {
				ps = append(ps, Problem{Row: list[i].Row, Kind: ProblemOverlap, Detail: strconv.Itoa(list[i-1].Row)})
			}
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Row < ps[j].Row })
	return ps
}

// CheckPeople reports every row whose person is not known at the
// workplace. known is asked once per distinct person.
func CheckPeople(shifts []Shift, known func(person string) bool) Problems {
	seen := map[string]bool{}
	var ps Problems
	for _, s := range shifts {
		ok, asked := seen[s.Person]
		if !asked {
			ok = known(s.Person)
			seen[s.Person] = ok
		}
		if !ok {
			ps = append(ps, Problem{Row: s.Row, Kind: ProblemPerson, Detail: s.Person})
		}
	}
	return ps
}
