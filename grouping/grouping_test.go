package grouping

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSizes(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want []int
	}{
		{0, nil}, {1, []int{1}}, {2, []int{2}}, {3, []int{3}},
		{4, []int{4}}, {5, []int{5}}, {6, []int{3, 3}}, {7, []int{4, 3}}, {8, []int{4, 4}},
		{9, []int{5, 4}}, {10, []int{4, 3, 3}}, {11, []int{4, 4, 3}}, {12, []int{4, 4, 4}}, {13, []int{5, 4, 4}},
	} {
		got, err := Sizes(tc.n, Options{})
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("Sizes(%d) = %v, %v; want %v", tc.n, got, err, tc.want)
		}
	}
}

// TestSizesBounds checks every count up to the article's 82 participants: sizes add up, none
// below three or above five.
func TestSizesBounds(t *testing.T) {
	for n := 3; n <= 200; n++ {
		sizes, err := Sizes(n, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, s := range sizes {
			sum += s
			if s < 3 || s > 5 {
				t.Errorf("Sizes(%d) = %v: a group of %d", n, sizes, s)
			}
		}
		if sum != n {
			t.Errorf("Sizes(%d) = %v adds up to %d", n, sizes, sum)
		}
	}
	if got, _ := Sizes(82, Options{}); len(got) < 17 || len(got) > 21 {
		t.Errorf("Sizes(82) = %v", got)
	}
	if _, err := Sizes(10, Options{Target: 4, Min: 5, Max: 6}); err == nil {
		t.Error("min > target accepted")
	}
}

func members(teams ...int) []Member {
	var ms []Member
	id := int64(1)
	for ti, n := range teams {
		for range n {
			team := fmt.Sprintf("T%d", ti)
			if n == 1 {
				team = ""
			}
			ms = append(ms, Member{ID: id, Team: team})
			id++
		}
	}
	return ms
}

func TestForm(t *testing.T) {
	for _, tc := range []struct {
		name      string
		members   []Member
		keepTeams bool
		maxSplit  int // teams allowed to span more than one group
	}{
		{"4 loose", members(1, 1, 1, 1), false, 0},
		{"5", members(1, 1, 1, 1, 1), false, 0},
		{"6", members(3, 3), true, 0},
		{"7", members(4, 3), true, 0},
		{"9", members(5, 4), true, 0},
		{"16 in teams of four", members(4, 4, 4, 4), true, 0},
		{"12 with loose people", members(2, 2, 2, 1, 1, 1, 1, 1, 1), true, 0},
		{"82 in teams of four and three", members(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3), true, 0},
		{"82 in large rota teams", members(6, 6, 8, 8, 10, 10, 12, 12, 5, 5), true, 10},
		{"a team larger than a group", members(7, 3, 2), true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			groups, err := Form(tc.members, Options{KeepTeams: tc.keepTeams}, rng)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[int64]bool{}
			span := map[string]map[int]bool{}
			for gi, g := range groups {
				if len(tc.members) >= 3 && (len(g) < 3 || len(g) > 5) {
					t.Errorf("group %d has %d members", gi, len(g))
				}
				for _, m := range g {
					if seen[m.ID] {
						t.Errorf("member %d placed twice", m.ID)
					}
					seen[m.ID] = true
					if m.Team != "" {
						if span[m.Team] == nil {
							span[m.Team] = map[int]bool{}
						}
						span[m.Team][gi] = true
					}
				}
			}
			if len(seen) != len(tc.members) {
				t.Errorf("placed %d of %d", len(seen), len(tc.members))
			}
			split := 0
			for _, gs := range span {
				if len(gs) > 1 {
					split++
				}
			}
			if tc.keepTeams && split > tc.maxSplit {
				t.Errorf("%d teams split; want at most %d", split, tc.maxSplit)
			}
		})
	}
}

func FuzzForm(f *testing.F) {
	f.Add(uint8(82), uint8(6), true, uint64(1))
	f.Fuzz(func(t *testing.T, n, nteams uint8, keep bool, seed uint64) {
		ms := make([]Member, n)
		for i := range ms {
			if nteams > 0 {
				ms[i] = Member{ID: int64(i), Team: fmt.Sprint(i % int(nteams))}
			} else {
				ms[i] = Member{ID: int64(i)}
			}
		}
		groups, err := Form(ms, Options{KeepTeams: keep}, rand.New(rand.NewPCG(seed, 0)))
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, g := range groups {
			total += len(g)
			if n >= 3 && (len(g) < 3 || len(g) > 5) {
				t.Fatalf("n=%d: group of %d", n, len(g))
			}
		}
		if total != int(n) {
			t.Fatalf("placed %d of %d", total, n)
		}
	})
}
