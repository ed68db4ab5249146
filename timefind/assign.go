package timefind

// plan places each invitee at one slot.
type plan struct {
	slots  []int // candidate indexes: the cover, then any added for the minimum
	slotOf []int // by person: index into slots, or -1 when held at work
	load   map[[2]int]int
}

// assign places the invitees at the chosen candidates so that no kind of
// shift is drawn below its minimum: an invitee goes to a slot among their
// best ones, taking a place of their kind of shift when at work then.
// Places are found by augmenting paths, moving others between slots where
// that frees one. Invitees left over get further slots, greedily; those no
// candidate can take are held.
func assign(g *grid, f *floorTable, chosen []int) *plan {
	pl := &plan{slots: append([]int(nil), chosen...), slotOf: make([]int, len(g.people)), load: map[[2]int]int{}}
	for p := range pl.slotOf {
		pl.slotOf[p] = -1
	}
	left := pl.placeAll(g, f)
	for len(left) > 0 {
		c := pl.mostPlaceable(g, f, left)
		if c < 0 {
			break
		}
		pl.slots = append(pl.slots, c)
		left = pl.placeAll(g, f)
	}
	return pl
}

// placeAll tries to place everyone not yet placed and returns who is left.
func (pl *plan) placeAll(g *grid, f *floorTable) []int {
	var left []int
	for p := range g.people {
		if pl.slotOf[p] < 0 && !pl.place(g, f, p, map[[2]int]bool{}) {
			left = append(left, p)
		}
	}
	return left
}

// node is the place a person takes at slot s: the kind of shift they are
// drawn from, or -1 when they are off then and take no one's place.
func (pl *plan) node(g *grid, f *floorTable, p, s int) [2]int {
	c := pl.slots[s]
	if !g.atWork(p, c) {
		return [2]int{s, -1}
	}
	return [2]int{s, f.index[g.kind[p][c]]}
}

func (pl *plan) place(g *grid, f *floorTable, p int, seen map[[2]int]bool) bool {
	for s, c := range pl.slots {
		if !g.sets[c].has(p) {
			continue
		}
		n := pl.node(g, f, p, s)
		if n[1] < 0 || !seen[n] && pl.load[n] < f.capacity(c, n[1]) {
			pl.put(p, s, n)
			return true
		}
	}
	for s, c := range pl.slots {
		n := pl.node(g, f, p, s)
		if !g.sets[c].has(p) || seen[n] {
			continue
		}
		seen[n] = true
		for q, qs := range pl.slotOf {
			if qs != s || q == p || pl.node(g, f, q, s) != n {
				continue
			}
			pl.take(q, n)
			if pl.place(g, f, q, seen) {
				pl.put(p, s, n)
				return true
			}
			pl.put(q, s, n)
		}
	}
	return false
}

func (pl *plan) put(p, s int, n [2]int) {
	pl.slotOf[p] = s
	if n[1] >= 0 {
		pl.load[n]++
	}
}

func (pl *plan) take(p int, n [2]int) {
	pl.slotOf[p] = -1
	if n[1] >= 0 {
		pl.load[n]--
	}
}

// mostPlaceable is the candidate not yet chosen that could take most of
// the people left, or -1 when none can take any.
func (pl *plan) mostPlaceable(g *grid, f *floorTable, left []int) int {
	used := map[int]bool{}
	for _, c := range pl.slots {
		used[c] = true
	}
	best, gain := -1, 0
	for c := range g.sets {
		if used[c] {
			continue
		}
		taken := map[int]int{}
		n := 0
		for _, p := range left {
			if !g.sets[c].has(p) {
				continue
			}
			if !g.atWork(p, c) {
				n++
				continue
			}
			k := f.index[g.kind[p][c]]
			if taken[k] < f.capacity(c, k) {
				taken[k]++
				n++
			}
		}
		if n > gain {
			best, gain = c, n
		}
	}
	return best
}
