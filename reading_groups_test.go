package laeringsliv_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"laeringsliv"
)

func people(n int, team func(i int) string) []*laeringsliv.Person {
	ps := make([]*laeringsliv.Person, n)
	for i := range ps {
		ps[i] = &laeringsliv.Person{ID: int64(i + 1), ShiftTeam: team(i)}
	}
	return ps
}

func TestFormReadingGroupsSizes(t *testing.T) {
	tests := []struct {
		n      int
		groups int
	}{{4, 1}, {5, 1}, {6, 2}, {7, 2}, {9, 2}, {82, 21}} // 82: 19 of four and 2 of three (grouping prefers more groups on a tie)
	for _, tt := range tests {
		for _, mode := range laeringsliv.GroupingModes() {
			t.Run(fmt.Sprintf("%d/%s", tt.n, mode), func(t *testing.T) {
				ps := people(tt.n, func(i int) string { return fmt.Sprint("team", i%3) })
				gs, err := laeringsliv.FormReadingGroups(ps, mode, []int64{10, 11, 12}, rand.New(rand.NewPCG(1, uint64(tt.n))))
				if err != nil {
					t.Fatal(err)
				}
				if len(gs) != tt.groups {
					t.Errorf("%d groups, want %d", len(gs), tt.groups)
				}
				seen := map[int64]bool{}
				for i, g := range gs {
					if n := len(g.MemberIDs); n < 3 || n > 5 {
						t.Errorf("group %d has %d members", g.Number, n)
					}
					if g.Number != i+1 || g.TextID != []int64{10, 11, 12}[i%3] {
						t.Errorf("group %d: number %d, text %d", i, g.Number, g.TextID)
					}
					for _, id := range g.MemberIDs {
						if seen[id] {
							t.Errorf("person %d placed twice", id)
						}
						seen[id] = true
					}
				}
				if len(seen) != tt.n {
					t.Errorf("%d placed of %d", len(seen), tt.n)
				}
			})
		}
	}
}

func TestFormReadingGroupsKeepsShiftTeams(t *testing.T) {
	// Eight people on two weekend teams of four, shuffled: each team must form one group.
	teams := []string{"Helg A", "Helg B", "Helg B", "Helg A", "Helg A", "Helg B", "Helg A", "Helg B"}
	ps := people(8, func(i int) string { return teams[i] })
	for seed := range uint64(20) {
		gs, err := laeringsliv.FormReadingGroups(ps, laeringsliv.GroupingShiftTeams, nil, rand.New(rand.NewPCG(seed, 1)))
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range gs {
			first := ps[g.MemberIDs[0]-1].ShiftTeam
			for _, id := range g.MemberIDs {
				if ps[id-1].ShiftTeam != first {
					t.Fatalf("seed %d: group %d mixes teams: %v", seed, g.Number, g.MemberIDs)
				}
			}
		}
	}
}

func TestFormReadingGroupsRefuses(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	if _, err := laeringsliv.FormReadingGroups(nil, laeringsliv.GroupingRandom, nil, rng); laeringsliv.ErrorKey(err) != "reading.error.no_participants" {
		t.Errorf("no participants: %v", err)
	}
	if _, err := laeringsliv.FormReadingGroups(people(4, func(int) string { return "" }), "x", nil, rng); laeringsliv.ErrorKey(err) != "reading.error.grouping_invalid" {
		t.Errorf("bad mode: %v", err)
	}
}

func TestPhases(t *testing.T) {
	p := laeringsliv.PhasePrepare
	var seen []laeringsliv.Phase
	for range 8 {
		seen = append(seen, p)
		p = p.Next()
	}
	if fmt.Sprint(seen) != "[prepare individual share agree plenum closed closed closed]" {
		t.Errorf("phases: %v", seen)
	}
	for _, tt := range []struct {
		p                         laeringsliv.Phase
		answers, reveal, presents bool
	}{
		{laeringsliv.PhasePrepare, true, false, false},
		{laeringsliv.PhaseIndividual, true, false, false},
		{laeringsliv.PhaseShare, false, true, false},
		{laeringsliv.PhaseAgree, false, true, true},
		{laeringsliv.PhasePlenum, false, true, true},
		{laeringsliv.PhaseClosed, false, true, false},
	} {
		if tt.p.AnswersOpen() != tt.answers || tt.p.RevealsAnswers() != tt.reveal || tt.p.PresentationOpen() != tt.presents {
			t.Errorf("%s: answers %v reveal %v presents %v", tt.p, tt.p.AnswersOpen(), tt.p.RevealsAnswers(), tt.p.PresentationOpen())
		}
	}
}
