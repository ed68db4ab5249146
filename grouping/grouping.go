// Package grouping splits people into small groups: the IPE session's groups and the reading
// workshop's groups of four. Sizes stay within bounds (three to five around four by default),
// and people on the same shift team can be kept together, since a group must be able to meet.
package grouping

import (
	"errors"
	"math/rand/v2"
	"sort"
)

// Member is a person to place, with the shift team they belong to ("" for none).
type Member struct {
	ID   int64
	Team string
}

// Options say how to form groups.
type Options struct {
	Target, Min, Max int  // sizes; zero values mean 4, 3 and 5
	KeepTeams        bool // keep members of a shift team in one group where sizes allow
}

func (o Options) withDefaults() Options {
	if o.Target == 0 {
		o.Target = 4
	}
	if o.Min == 0 {
		o.Min = 3
	}
	if o.Max == 0 {
		o.Max = 5
	}
	return o
}

// ErrBounds is returned for options whose sizes contradict each other.
var ErrBounds = errors.New("grouping: need 1 <= min <= target <= max")

// Sizes returns group sizes that add up to n, each within [min, max] and as close to the target
// as possible (fewest people away from it; on a tie, more groups). Fewer than min people form
// one group, since there is nobody to add.
func Sizes(n int, o Options) ([]int, error) {
	o = o.withDefaults()
	if o.Min < 1 || o.Min > o.Target || o.Target > o.Max {
		return nil, ErrBounds
	}
	if n <= 0 {
		return nil, nil
	}
	if n < o.Min {
		return []int{n}, nil
	}
	best, bestCost := 0, -1
	for g := (n + o.Max - 1) / o.Max; g <= n/o.Min; g++ {
		cost := 0
		for _, s := range spread(n, g) {
			cost += abs(s - o.Target)
		}
		if bestCost < 0 || cost <= bestCost {
			best, bestCost = g, cost
		}
	}
	if best == 0 { // n between min and max cannot be split: one group
		return []int{n}, nil
	}
	return spread(n, best), nil
}

// spread divides n into g sizes that differ by at most one, larger first.
func spread(n, g int) []int {
	sizes := make([]int, g)
	for i := range sizes {
		sizes[i] = n / g
		if i < n%g {
			sizes[i]++
		}
	}
	return sizes
}

// Form places members in groups of the sizes Sizes gives, at random (rng decides), keeping
// shift teams together when asked: whole teams go first into the group where they fit best,
// and only a team too large for any group's room is split.
func Form(members []Member, o Options, rng *rand.Rand) ([][]Member, error) {
	sizes, err := Sizes(len(members), o)
	if err != nil || len(sizes) == 0 {
		return nil, err
	}
	shuffled := append([]Member(nil), members...)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	groups := make([][]Member, len(sizes))
	if !o.KeepTeams {
		at := 0
		for i, s := range sizes {
			groups[i] = shuffled[at : at+s : at+s]
			at += s
		}
		return groups, nil
	}
	room := append([]int(nil), sizes...)
	// First the teams that fit whole somewhere, largest first, each where it fits most tightly;
	// then the teams too large for any room, split over the groups with the most room left.
	var split [][]Member
	for _, team := range teams(shuffled) {
		if i := bestFit(room, len(team)); room[i] >= len(team) {
			groups[i] = append(groups[i], team...)
			room[i] -= len(team)
		} else {
			split = append(split, team)
		}
	}
	for _, team := range split {
		for len(team) > 0 {
			i := mostRoom(room)
			n := min(room[i], len(team))
			groups[i] = append(groups[i], team[:n]...)
			room[i] -= n
			team = team[n:]
		}
	}
	return groups, nil
}

// teams groups members by team, largest team first; people with no team come last, one by one,
// to fill the gaps.
func teams(ms []Member) [][]Member {
	byTeam := map[string][]Member{}
	var order []string
	var loose [][]Member
	for _, m := range ms {
		if m.Team == "" {
			loose = append(loose, []Member{m})
			continue
		}
		if _, ok := byTeam[m.Team]; !ok {
			order = append(order, m.Team)
		}
		byTeam[m.Team] = append(byTeam[m.Team], m)
	}
	out := make([][]Member, 0, len(order)+len(loose))
	for _, t := range order {
		out = append(out, byTeam[t])
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return append(out, loose...)
}

// bestFit returns the group with the least room that still holds n; if none does, the group
// with the most room.
func bestFit(room []int, n int) int {
	best := -1
	for i, r := range room {
		if r >= n && (best < 0 || r < room[best]) {
			best = i
		}
	}
	if best >= 0 {
		return best
	}
	return mostRoom(room)
}

func mostRoom(room []int) int {
	best := 0
	for i, r := range room {
		if r > room[best] {
			best = i
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
