package qrcode

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// rawModules is the number of modules that carry codewords and remainder bits per version.
var rawModules = []int{0, 208, 359, 567, 807, 1079, 1383, 1568, 1936, 2336, 2768}

func TestStructure(t *testing.T) {
	for v := 1; v <= MaxVersion; v++ {
		s, err := Encode(bytes.Repeat([]byte("a"), Capacity(v)))
		if err != nil {
			t.Fatal(err)
		}
		n := s.Size
		if n != 17+4*v {
			t.Fatalf("version %d: size %d", v, n)
		}
		for _, c := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
			for dy := range 7 {
				for dx := range 7 {
					d := max(abs(dx-3), abs(dy-3))
					if s.Dark(c[0]+dx, c[1]+dy) != (d != 2) {
						t.Fatalf("version %d: finder at %v wrong at +%d,+%d", v, c, dx, dy)
					}
				}
			}
		}
		for i := 8; i < n-8; i++ {
			if s.Dark(i, 6) != (i%2 == 0) || s.Dark(6, i) != (i%2 == 0) {
				t.Fatalf("version %d: timing wrong at %d", v, i)
			}
		}
		if !s.Dark(8, n-8) {
			t.Errorf("version %d: no dark module", v)
		}
		m := newMatrix(v)
		free := 0
		for _, f := range m.fixed {
			if !f {
				free++
			}
		}
		if free != rawModules[v] {
			t.Errorf("version %d: %d data modules, want %d", v, free, rawModules[v])
		}
		if a, b := readFormat(s, false), readFormat(s, true); a != b || a != formatBits(s.Mask) {
			t.Errorf("version %d: format copies %015b and %015b, want %015b", v, a, b, formatBits(s.Mask))
		}
	}
}

// readFormat reads the format bits back from the first copy (around the top-left finder) or
// the second (split beside the other two finders).
func readFormat(s *Symbol, second bool) int {
	bits, n := 0, s.Size
	get := func(x, y, i int) {
		if s.Dark(x, y) {
			bits |= 1 << i
		}
	}
	if second {
		for i := range 8 {
			get(n-1-i, 8, i)
		}
		for i := 8; i < 15; i++ {
			get(8, n-15+i, i)
		}
		return bits
	}
	for i := range 6 {
		get(8, i, i)
	}
	get(8, 7, 6)
	get(8, 8, 7)
	get(7, 8, 8)
	for i := 9; i < 15; i++ {
		get(14-i, 8, i)
	}
	return bits
}

func TestSVG(t *testing.T) {
	s, err := Encode([]byte("https://host/ipe?code=ABC234"))
	if err != nil {
		t.Fatal(err)
	}
	svg := string(s.SVG(`QR code for <joining> "ABC234"`))
	size := s.Size + 2*QuietZone
	for _, want := range []string{
		`role="img"`,
		`aria-label="QR code for &lt;joining&gt; &#34;ABC234&#34;"`,
		`<title>QR code for &lt;joining&gt; &#34;ABC234&#34;</title>`,
		`viewBox="0 0 37 37"`,
		`M4 4h7v1h-7z`, // the top row of the top-left finder, inside the quiet zone
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %s:\n%s", want, svg)
		}
	}
	if size != 37 || strings.Contains(svg, "style") || strings.Count(svg, "<path") != 1 {
		t.Errorf("SVG: size %d, want one path and no style:\n%s", size, svg)
	}
}

func FuzzEncode(f *testing.F) {
	f.Add([]byte("https://host/ipe?code=ABC234"))
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0xFF}, 213))
	f.Add(bytes.Repeat([]byte{0}, 214))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Encode(data)
		if len(data) > Capacity(MaxVersion) {
			if err == nil {
				t.Fatalf("%d bytes encoded", len(data))
			}
			return
		}
		if err != nil {
			t.Fatalf("%d bytes: %v", len(data), err)
		}
		if s.Size != 17+4*s.Version || len(s.modules) != s.Size*s.Size || Capacity(s.Version) < len(data) {
			t.Fatalf("%d bytes: version %d size %d", len(data), s.Version, s.Size)
		}
		if s.Version > 1 && Capacity(s.Version-1) >= len(data) {
			t.Fatalf("%d bytes: version %d is not the smallest", len(data), s.Version)
		}
		if svg := string(s.SVG(string(data))); !utf8.ValidString(svg) && utf8.Valid(data) {
			t.Fatal("invalid SVG text")
		}
	})
}
