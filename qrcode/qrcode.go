// Package qrcode encodes short byte strings, such as a join link, as QR code symbols of
// versions 1 to 10 at error-correction level M in byte mode (ISO/IEC 18004), and draws
// them as SVG.
//
// Level M rather than L: it recovers about 15 % of damaged codewords instead of 7 %, which
// matters for a symbol photographed off a projector screen at an angle, with glare or a
// head in the way, and a join link of some 40 bytes still fits in version 3 (29×29 modules),
// large enough to scan from the back of a room.
package qrcode

import (
	"errors"
)

// MaxVersion is the largest symbol version the package produces.
const MaxVersion = 10

// ErrTooLong is returned for data beyond the capacity of version MaxVersion at level M.
var ErrTooLong = errors.New("qrcode: data too long")

// blocks describes the error-correction block structure of one version at level M:
// ec codewords per block, and groups of (block count, data codewords per block).
type blocks struct {
	ec     int
	groups [2][2]int
}

// levelM is table 9 of ISO/IEC 18004 for level M, versions 1–10.
var levelM = [MaxVersion + 1]blocks{
	1:  {10, [2][2]int{{1, 16}}},
	2:  {16, [2][2]int{{1, 28}}},
	3:  {26, [2][2]int{{1, 44}}},
	4:  {18, [2][2]int{{2, 32}}},
	5:  {24, [2][2]int{{2, 43}}},
	6:  {16, [2][2]int{{4, 27}}},
	7:  {18, [2][2]int{{4, 31}}},
	8:  {22, [2][2]int{{2, 38}, {2, 39}}},
	9:  {22, [2][2]int{{3, 36}, {2, 37}}},
	10: {26, [2][2]int{{4, 43}, {1, 44}}},
}

func (b blocks) dataCodewords() int {
	return b.groups[0][0]*b.groups[0][1] + b.groups[1][0]*b.groups[1][1]
}

// Capacity returns how many bytes a symbol of the version holds in byte mode at level M.
func Capacity(version int) int {
	bits := levelM[version].dataCodewords()*8 - 4 - countBits(version)
	return bits / 8
}

func countBits(version int) int {
	if version <= 9 {
		return 8
	}
	return 16
}

// Symbol is an encoded QR code: a square of modules, true for dark, without quiet zone.
type Symbol struct {
	Version int
	Mask    int
	Size    int
	modules []bool
}

// Dark reports whether the module in column x, row y is dark.
func (s *Symbol) Dark(x, y int) bool { return s.modules[y*s.Size+x] }

// Encode encodes data in the smallest version that holds it and the mask with the lowest
// penalty.
func Encode(data []byte) (*Symbol, error) {
	return encode(data, -1)
}

// encode uses the given mask, or picks the best when mask is negative.
func encode(data []byte, mask int) (*Symbol, error) {
	version := 0
	for v := 1; v <= MaxVersion; v++ {
		if len(data) <= Capacity(v) {
			version = v
			break
		}
	}
	if version == 0 {
		return nil, ErrTooLong
	}
	codewords := interleave(version, dataCodewords(version, data))
	m := newMatrix(version)
	m.placeData(codewords)
	if mask < 0 {
		mask = m.bestMask()
	}
	return m.finish(mask), nil
}

// dataCodewords builds the data bit stream: mode, count, bytes, terminator, padding.
func dataCodewords(version int, data []byte) []byte {
	capacity := levelM[version].dataCodewords()
	var w bitWriter
	w.put(0b0100, 4)
	w.put(len(data), countBits(version))
	for _, b := range data {
		w.put(int(b), 8)
	}
	w.put(0, min(4, capacity*8-w.n)) // terminator, shortened when the symbol is full
	if w.n%8 != 0 {
		w.put(0, 8-w.n%8)
	}
	for pad := 0; len(w.buf) < capacity; pad++ {
		w.put([]int{0xEC, 0x11}[pad%2], 8)
	}
	return w.buf
}

// interleave splits the data codewords into blocks, adds each block's error-correction
// codewords and interleaves them as the standard prescribes: data column by column over the
// blocks, then error correction likewise.
func interleave(version int, data []byte) []byte {
	b := levelM[version]
	var dataBlocks, ecBlocks [][]byte
	for _, g := range b.groups {
		for range g[0] {
			block := data[:g[1]]
			data = data[g[1]:]
			dataBlocks = append(dataBlocks, block)
			ecBlocks = append(ecBlocks, ecCodewords(block, b.ec))
		}
	}
	var out []byte
	for i := range max(b.groups[0][1], b.groups[1][1]) {
		for _, block := range dataBlocks {
			if i < len(block) {
				out = append(out, block[i])
			}
		}
	}
	for i := range b.ec {
		for _, block := range ecBlocks {
			out = append(out, block[i])
		}
	}
	return out
}

type bitWriter struct {
	buf []byte
	n   int
}

func (w *bitWriter) put(v, bits int) {
	for i := bits - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.buf = append(w.buf, 0)
		}
		if v>>i&1 == 1 {
			w.buf[len(w.buf)-1] |= 0x80 >> (w.n % 8)
		}
		w.n++
	}
}
