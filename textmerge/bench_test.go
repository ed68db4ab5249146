package textmerge

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkRebase measures rebasing one edit over 200 concurrent ones on a text of a few
// thousand characters: a busy group's worst case between two syncs.
func BenchmarkRebase(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	d := &Doc{Text: string(make([]rune, 3000))}
	for range 200 {
		s := randomSpan(rng, d.Text, "abc")
		if _, err := d.Submit(Edit{Base: d.Version(), Start: s.Start, End: s.End, Text: s.Text}); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := Rebase(Edit{Base: 0, Start: 10, End: 20, Text: "x"}, d.Applied); err != nil {
			b.Fatal(err)
		}
	}
}
