package timefind

// cover picks the fewest sets whose union is need. It starts from a greedy
// cover with redundant sets removed, then searches exactly by branch and
// bound: take the uncovered element with the fewest sets holding it and
// try each of them. exact is false when the budget of nodes ran out.
func cover(sets []bitset, need bitset, n, budget int) (chosen []int, exact bool) {
	sets, index := undominated(sets, need)
	best := prune(sets, need, greedy(sets, need))
	holders := make([][]int, n)
	for s, b := range sets {
		for p := range n {
			if b.has(p) {
				holders[p] = append(holders[p], s)
			}
		}
	}
	maxGain := 0
	for _, b := range sets {
		maxGain = max(maxGain, b.count())
	}
	nodes := 0
	var path []int
	var search func(left bitset)
	search = func(left bitset) {
		nodes++
		if nodes > budget {
			return
		}
		remaining := left.count()
		if remaining == 0 {
			if len(path) < len(best) {
				best = append([]int(nil), path...)
			}
			return
		}
		if maxGain == 0 || len(path)+(remaining+maxGain-1)/maxGain >= len(best) {
			return
		}
		pick, fewest := -1, 1<<30
		for p := range n {
			if left.has(p) && len(holders[p]) < fewest {
				pick, fewest = p, len(holders[p])
			}
		}
		for _, s := range holders[pick] {
			next := left.clone()
			next.andNot(sets[s])
			path = append(path, s)
			search(next)
			path = path[:len(path)-1]
		}
	}
	search(need.clone())
	out := make([]int, len(best))
	for i, s := range best {
		out[i] = index[s]
	}
	return out, nodes <= budget
}

// undominated drops sets that cover nothing needed or only a part of what
// another set covers, returning the rest with their original indexes.
func undominated(sets []bitset, need bitset) ([]bitset, []int) {
	trimmed := make([]bitset, len(sets))
	for i, s := range sets {
		trimmed[i] = s.clone()
		for w := range trimmed[i] {
			trimmed[i][w] &= need[w]
		}
	}
	var keep []bitset
	var index []int
	for i, s := range trimmed {
		if s.count() == 0 {
			continue
		}
		dominated := false
		for j, o := range trimmed {
			if i != j && s.subset(o) && (!o.subset(s) || j < i) {
				dominated = true
				break
			}
		}
		if !dominated {
			keep = append(keep, s)
			index = append(index, i)
		}
	}
	return keep, index
}

// greedy repeatedly takes the set covering most of what is left.
func greedy(sets []bitset, need bitset) []int {
	left := need.clone()
	var chosen []int
	for left.count() > 0 {
		best, gain := -1, 0
		for s, b := range sets {
			if g := left.gain(b); g > gain {
				best, gain = s, g
			}
		}
		if best < 0 {
			break
		}
		chosen = append(chosen, best)
		left.andNot(sets[best])
	}
	return chosen
}

// prune removes chosen sets whose elements the others already cover.
func prune(sets []bitset, need bitset, chosen []int) []int {
	for i := len(chosen) - 1; i >= 0; i-- {
		left := need.clone()
		for j, s := range chosen {
			if j != i {
				left.andNot(sets[s])
			}
		}
		if left.count() == 0 {
			chosen = append(chosen[:i], chosen[i+1:]...)
		}
	}
	return chosen
}
