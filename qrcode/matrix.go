package qrcode

// matrix is a symbol under construction: module colours and which modules belong to
// function patterns (finders, timing, alignment, format and version information), which
// neither carry data nor are masked.
type matrix struct {
	version, size int
	dark, fixed   []bool
}

// alignment holds the row/column centres of alignment patterns per version (Annex E).
var alignment = [MaxVersion + 1][]int{
	2: {6, 18}, 3: {6, 22}, 4: {6, 26}, 5: {6, 30}, 6: {6, 34},
	7: {6, 22, 38}, 8: {6, 24, 42}, 9: {6, 26, 46}, 10: {6, 28, 50},
}

func newMatrix(version int) *matrix {
	size := 17 + 4*version
	m := &matrix{version: version, size: size, dark: make([]bool, size*size), fixed: make([]bool, size*size)}
	for _, c := range [][2]int{{0, 0}, {size - 7, 0}, {0, size - 7}} {
		m.finder(c[0], c[1])
	}
	for i := 8; i < size-8; i++ {
		m.set(i, 6, i%2 == 0)
		m.set(6, i, i%2 == 0)
	}
	centres := alignment[version]
	last := len(centres) - 1
	for i, cy := range centres {
		for j, cx := range centres {
			if i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0 { // finder corners
				continue
			}
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					m.set(cx+dx, cy+dy, max(abs(dx), abs(dy)) != 1)
				}
			}
		}
	}
	m.placeFormat(0) // reserve the format areas; the real bits come with the mask
	m.set(8, size-8, true)
	if version >= 7 {
		bits := versionBits(version)
		for i := range 18 {
			d := bits>>i&1 == 1
			a, b := size-11+i%3, i/3
			m.set(a, b, d)
			m.set(b, a, d)
		}
	}
	return m
}

// finder draws a finder pattern with its light separator, clipped to the symbol.
func (m *matrix) finder(x0, y0 int) {
	for dy := -1; dy <= 7; dy++ {
		for dx := -1; dx <= 7; dx++ {
			x, y := x0+dx, y0+dy
			if x < 0 || y < 0 || x >= m.size || y >= m.size {
				continue
			}
			d := max(abs(dx-3), abs(dy-3))
			m.set(x, y, d != 2 && d != 4)
		}
	}
}

func (m *matrix) set(x, y int, dark bool) {
	m.dark[y*m.size+x] = dark
	m.fixed[y*m.size+x] = true
}

// placeFormat writes the 15 format bits for level M and the mask in both copies.
func (m *matrix) placeFormat(mask int) {
	bits := formatBits(mask)
	bit := func(i int) bool { return bits>>i&1 == 1 }
	for i := range 6 {
		m.set(8, i, bit(i))
	}
	m.set(8, 7, bit(6))
	m.set(8, 8, bit(7))
	m.set(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		m.set(14-i, 8, bit(i))
	}
	for i := range 8 {
		m.set(m.size-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		m.set(8, m.size-15+i, bit(i))
	}
}

// formatBits returns the level-M indicator (00) and mask, BCH(15,5)-protected and XORed
// with 101010000010010 so that the format is never all light.
func formatBits(mask int) int {
	data := mask // level M is 00
	rem := data << 10
	for i := 14; i >= 10; i-- {
		if rem>>i&1 == 1 {
			rem ^= 0x537 << (i - 10)
		}
	}
	return (data<<10 | rem) ^ 0x5412
}

// versionBits returns the version number BCH(18,6)-protected by generator 0x1F25.
func versionBits(version int) int {
	rem := version << 12
	for i := 17; i >= 12; i-- {
		if rem>>i&1 == 1 {
			rem ^= 0x1F25 << (i - 12)
		}
	}
	return version<<12 | rem
}

// placeData fills the non-function modules in the standard zigzag: two-module-wide columns
// from the right, alternately upward and downward, skipping the vertical timing column.
// Modules left over after the codewords (the remainder bits) stay light.
func (m *matrix) placeData(codewords []byte) {
	i := 0
	for right := m.size - 1; right >= 1; right -= 2 {
		if right == 6 {
			right = 5
		}
		upward := (right+1)&2 == 0
		for v := range m.size {
			y := v
			if upward {
				y = m.size - 1 - v
			}
			for j := range 2 {
				x := right - j
				if m.fixed[y*m.size+x] {
					continue
				}
				if i < len(codewords)*8 {
					m.dark[y*m.size+x] = codewords[i/8]>>(7-i%8)&1 == 1
				}
				i++
			}
		}
	}
}

// finish applies the mask and its format bits and returns the symbol.
func (m *matrix) finish(mask int) *Symbol {
	m.applyMask(mask)
	m.placeFormat(mask)
	return &Symbol{Version: m.version, Mask: mask, Size: m.size, modules: m.dark}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
