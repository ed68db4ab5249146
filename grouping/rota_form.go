package grouping

import "math/rand/v2"

// Wish is one person's wish to be with, or apart from, another; people are
// indexes into the weight matrix.
type Wish struct {
	A, B     int
	Together bool
}

// wishWeight outweighs any realistic amount of shared shift time, so a
// wish is kept whenever sizes allow.
const wishWeight = 1e6

// FormByShared splits people 0..n-1 into groups of the given sizes so as to
// maximise the shared hours within groups (the sum over each group's pairs
// of w), keeping wishes where possible. It places people greedily, then
// swaps and moves pairs between groups while that gains. It returns the
// groups as index lists.
func FormByShared(w [][]float64, sizes []int, wishes []Wish) [][]int {
	n := len(w)
	wt := withWishes(w, wishes)
	group := seed(wt, sizes)
	improve(wt, group, len(sizes))
	best := score(wt, group)
	rng := rand.New(rand.NewPCG(uint64(n), uint64(len(sizes))))
	for range restarts(n) {
		try := shuffled(rng, sizes, n)
		improve(wt, try, len(sizes))
		if v := score(wt, try); v > best+1e-9 {
			best, group = v, try
		}
	}
	out := make([][]int, len(sizes))
	for p := range n {
		out[group[p]] = append(out[group[p]], p)
	}
	return out
}

// GroupShared returns the hours a group's members share, summed over its pairs.
func GroupShared(w [][]float64, members []int) float64 {
	total := 0.0
	for i, p := range members {
		for _, q := range members[i+1:] {
			total += w[p][q]
		}
	}
	return total
}

// restarts is how many random starts follow the greedy one: many for
// small groups of people, where local search stalls most often, few for
// large ones, where each pass costs n² and the greedy start is good.
func restarts(n int) int {
	switch {
	case n <= 60:
		return 40
	case n <= 200:
		return 8
	}
	return 2
}

func shuffled(rng *rand.Rand, sizes []int, n int) []int {
	group := make([]int, 0, n)
	for g, size := range sizes {
		for range size {
			group = append(group, g)
		}
	}
	rng.Shuffle(len(group), func(i, j int) { group[i], group[j] = group[j], group[i] })
	return group
}

func score(w [][]float64, group []int) float64 {
	t := 0.0
	for p := range w {
		for q := p + 1; q < len(w); q++ {
			if group[p] == group[q] {
				t += w[p][q]
			}
		}
	}
	return t
}

func withWishes(w [][]float64, wishes []Wish) [][]float64 {
	if len(wishes) == 0 {
		return w
	}
	wt := make([][]float64, len(w))
	for i := range w {
		wt[i] = append([]float64(nil), w[i]...)
	}
	for _, x := range wishes {
		d := -wishWeight
		if x.Together {
			d = wishWeight
		}
		wt[x.A][x.B] += d
		wt[x.B][x.A] += d
	}
	return wt
}

// seed fills groups one at a time: each starts with the unplaced person
// with the most shared time overall, then takes whoever shares most with
// those already in it.
func seed(w [][]float64, sizes []int) []int {
	n := len(w)
	group := make([]int, n)
	placed := make([]bool, n)
	strength := make([]float64, n)
	for p := range n {
		for q := range n {
			strength[p] += w[p][q]
		}
	}
	gain := make([]float64, n)
	for g, size := range sizes {
		clear(gain)
		for k := range size {
			best := -1
			for p := range n {
				if placed[p] {
					continue
				}
				score := gain[p]
				if k == 0 {
					score = strength[p]
				}
				if best < 0 || score > gainOr(gain, strength, best, k) {
					best = p
				}
			}
			if best < 0 {
				break
			}
			placed[best], group[best] = true, g
			for p := range n {
				gain[p] += w[p][best]
			}
		}
	}
	return group
}

func gainOr(gain, strength []float64, p, k int) float64 {
	if k == 0 {
		return strength[p]
	}
	return gain[p]
}

// improve swaps two people of different groups whenever that raises the
// total, until no swap does. s[p][g] is p's shared time with group g.
func improve(w [][]float64, group []int, groups int) {
	n := len(w)
	s := make([][]float64, n)
	for p := range n {
		s[p] = make([]float64, groups)
		for q := range n {
			if q != p {
				s[p][group[q]] += w[p][q]
			}
		}
	}
	const eps = 1e-9
	for pass := 0; pass < 100; pass++ {
		improved := false
		for p := range n {
			for q := p + 1; q < n; q++ {
				a, b := group[p], group[q]
				if a == b {
					continue
				}
				delta := s[p][b] - w[p][q] - s[p][a] + s[q][a] - w[p][q] - s[q][b]
				if delta <= eps {
					continue
				}
				group[p], group[q] = b, a
				for r := range n {
					if r != p {
						s[r][a] -= w[r][p]
						s[r][b] += w[r][p]
					}
					if r != q {
						s[r][b] -= w[r][q]
						s[r][a] += w[r][q]
					}
				}
				improved = true
			}
		}
		if !improved {
			return
		}
	}
}
