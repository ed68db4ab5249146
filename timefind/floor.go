package timefind

// floorTable counts, for every candidate, the staff at work on each kind
// of shift — invitees and those who stay — and how many a meeting then may
// take off each kind without going below the minimum.
type floorTable struct {
	kinds   []string       // every kind seen, in order of first sight
	index   map[string]int // kind to its place in kinds
	on      [][]int        // by candidate and kind
	minimum []int          // by kind
}

func newFloorTable(people, others []Person, cands []Interval, minimum map[string]int) *floorTable {
	f := &floorTable{index: map[string]int{}, on: make([][]int, len(cands))}
	for k := range minimum {
		f.kindIndex(k)
	}
	for _, group := range [][]Person{people, others} {
		for _, person := range group {
			for c, iv := range cands {
				if worked, kind := overlap(person.Work, iv); worked > 0 {
					k := f.kindIndex(kind)
					for len(f.on[c]) <= k {
						f.on[c] = append(f.on[c], 0)
					}
					f.on[c][k]++
				}
			}
		}
	}
	f.minimum = make([]int, len(f.kinds))
	for i, k := range f.kinds {
		f.minimum[i] = max(0, minimum[k])
	}
	return f
}

func (f *floorTable) kindIndex(k string) int {
	i, ok := f.index[k]
	if !ok {
		i = len(f.kinds)
		f.index[k] = i
		f.kinds = append(f.kinds, k)
	}
	return i
}

// at is the staff at work on kind k during candidate c.
func (f *floorTable) at(c, k int) int {
	if k < len(f.on[c]) {
		return f.on[c][k]
	}
	return 0
}

// capacity is how many a meeting at candidate c may take off kind k.
func (f *floorTable) capacity(c, k int) int { return max(0, f.at(c, k)-f.minimum[k]) }
