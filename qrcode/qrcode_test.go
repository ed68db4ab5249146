package qrcode

import (
	"errors"
	"strings"
	"testing"
)

// bch divides value·2^shift by the generator polynomial over GF(2) and returns value with
// the remainder appended: an implementation independent of the package's.
func bch(value, shift, generator int) int {
	degree := 0
	for generator>>(degree+1) != 0 {
		degree++
	}
	rem := value << shift
	for rem>>degree != 0 {
		top := 0
		for rem>>(top+1) != 0 {
			top++
		}
		rem ^= generator << (top - degree)
	}
	return value<<shift | rem
}

func TestFormatBitsLevelM(t *testing.T) {
	// Table C.1 of ISO/IEC 18004, level M (indicator 00), masks 0–7.
	table := []string{
		"101010000010010", "101000100100101", "101111001111100", "101101101001011",
		"100010111111001", "100000011001110", "100111110010111", "100101010100000",
	}
	for mask, want := range table {
		independent := bch(mask, 10, 0b10100110111) ^ 0b101010000010010
		got := formatBits(mask)
		if g := binary(got, 15); g != want || got != independent {
			t.Errorf("mask %d: format bits %s, table %s, BCH %s", mask, g, want, binary(independent, 15))
		}
	}
}

func TestVersionBits(t *testing.T) {
	// Table D.1 of ISO/IEC 18004.
	table := map[int]int{7: 0x07C94, 8: 0x085BC, 9: 0x09A99, 10: 0x0A4D3}
	for v, want := range table {
		if got := versionBits(v); got != want || got != bch(v, 12, 0x1F25) {
			t.Errorf("version %d: %018b, want %018b", v, got, want)
		}
	}
}

func binary(n, width int) string {
	var b strings.Builder
	for i := width - 1; i >= 0; i-- {
		b.WriteByte("01"[n>>i&1])
	}
	return b.String()
}

// knownV1 is "ipe?code=AB234" as 1-M with mask 2, as the reference encoder qrencode 4.1.1
// draws it (qrencode -l M -8 -m 0 -t ASCII), which picks the same mask.
var knownV1 = []string{
	"#######...##..#######",
	"#.....#...#.#.#.....#",
	"#.###.#.#.##..#.###.#",
	"#.###.#.#..#..#.###.#",
	"#.###.#.##..#.#.###.#",
	"#.....#.##..#.#.....#",
	"#######.#.#.#.#######",
	"........#...#........",
	"#.#####...###.#####..",
	"..#..#...#.#.#.##.###",
	"#.#...##....##....##.",
	"....#..##..#...#.###.",
	"###..###..#.###.....#",
	"........#.##.######.#",
	"#######..##.##...###.",
	"#.....#.#.#..#..#.#.#",
	"#.###.#.##..#...##.##",
	"#.###.#.#..#...###...",
	"#.###.#.#...##...#...",
	"#.....#...#..#..###..",
	"#######.#...#..#...#.",
}

func TestKnownSymbol(t *testing.T) {
	s, err := Encode([]byte("ipe?code=AB234"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Version != 1 || s.Mask != 2 {
		t.Fatalf("version %d mask %d, want 1 and 2", s.Version, s.Mask)
	}
	if got := drawing(s); strings.Join(got, "\n") != strings.Join(knownV1, "\n") {
		t.Errorf("symbol differs from the reference:\n%s", strings.Join(got, "\n"))
	}
}

func drawing(s *Symbol) []string {
	rows := make([]string, s.Size)
	for y := range s.Size {
		var b strings.Builder
		for x := range s.Size {
			b.WriteByte(".#"[boolInt(s.Dark(x, y))])
		}
		rows[y] = b.String()
	}
	return rows
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestVersionChoiceAndCapacity(t *testing.T) {
	// Byte-mode capacities at level M, table 7 of ISO/IEC 18004.
	want := []int{0, 14, 26, 42, 62, 84, 106, 122, 152, 180, 213}
	for v := 1; v <= MaxVersion; v++ {
		if Capacity(v) != want[v] {
			t.Errorf("capacity of version %d = %d, want %d", v, Capacity(v), want[v])
		}
		for _, n := range []int{want[v-1] + 1, want[v]} {
			s, err := Encode(make([]byte, n))
			if err != nil || s.Version != v || s.Size != 17+4*v {
				t.Errorf("%d bytes: %v, %v; want version %d", n, s, err, v)
			}
		}
	}
	if _, err := Encode(make([]byte, want[MaxVersion]+1)); !errors.Is(err, ErrTooLong) {
		t.Errorf("too long: %v", err)
	}
}
