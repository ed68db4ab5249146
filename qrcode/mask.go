package qrcode

// masked reports whether mask k inverts the module in row i, column j (table 10).
func masked(k, i, j int) bool {
	switch k {
	case 0:
		return (i+j)%2 == 0
	case 1:
		return i%2 == 0
	case 2:
		return j%3 == 0
	case 3:
		return (i+j)%3 == 0
	case 4:
		return (i/2+j/3)%2 == 0
	case 5:
		return i*j%2+i*j%3 == 0
	case 6:
		return (i*j%2+i*j%3)%2 == 0
	default:
		return ((i+j)%2+i*j%3)%2 == 0
	}
}

// applyMask inverts the data modules selected by mask k; applying it twice undoes it.
func (m *matrix) applyMask(k int) {
	for y := range m.size {
		for x := range m.size {
			if !m.fixed[y*m.size+x] && masked(k, y, x) {
				m.dark[y*m.size+x] = !m.dark[y*m.size+x]
			}
		}
	}
}

// bestMask tries the eight masks and returns the one with the lowest penalty, leaving the
// matrix unmasked.
func (m *matrix) bestMask() int {
	best, bestPenalty := 0, -1
	for k := range 8 {
		m.applyMask(k)
		m.placeFormat(k)
		if p := m.penalty(); bestPenalty < 0 || p < bestPenalty {
			best, bestPenalty = k, p
		}
		m.applyMask(k)
	}
	return best
}

// penalty scores the symbol by the four rules of section 7.8.3: runs of five or more
// modules of one colour, 2×2 blocks of one colour, finder-like 1:1:3:1:1 patterns with four
// light modules on a side, and imbalance of dark and light.
func (m *matrix) penalty() int {
	n := m.size
	at := func(x, y int) bool { return m.dark[y*n+x] }
	p := 0
	for _, transpose := range []bool{false, true} {
		for a := range n {
			line := make([]bool, n)
			for b := range n {
				if transpose {
					line[b] = at(a, b)
				} else {
					line[b] = at(b, a)
				}
			}
			p += linePenalty(line)
		}
	}
	dark := 0
	for y := range n {
		for x := range n {
			if at(x, y) {
				dark++
			}
			if x+1 < n && y+1 < n {
				c := at(x, y)
				if at(x+1, y) == c && at(x, y+1) == c && at(x+1, y+1) == c {
					p += 3
				}
			}
		}
	}
	percent := dark * 100 / (n * n)
	p += abs(percent-50) / 5 * 10
	return p
}

var finderLike = [...]bool{true, false, true, true, true, false, true}

// linePenalty scores one row or column for rules 1 and 3.
func linePenalty(line []bool) int {
	p, run := 0, 1
	for i := 1; i <= len(line); i++ {
		if i < len(line) && line[i] == line[i-1] {
			run++
			continue
		}
		if run >= 5 {
			p += 3 + run - 5
		}
		run = 1
	}
	light := func(i int) bool { return i < 0 || i >= len(line) || !line[i] }
	for i := 0; i+7 <= len(line); i++ {
		match := true
		for k, d := range finderLike {
			if line[i+k] != d {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		// The quiet zone counts as light, so a pattern at the edge still scores.
		before, after := true, true
		for k := 1; k <= 4; k++ {
			before = before && light(i-k)
			after = after && light(i+6+k)
		}
		if before || after {
			p += 40
		}
	}
	return p
}
