package textmerge

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTransform(t *testing.T) {
	const base = "abcdefghij"
	tests := []struct {
		name string
		a, b Span
		want string // base after a, then b transformed over a
	}{
		{"b before a", Span{6, 8, "X"}, Span{1, 2, "Y"}, "aYcdefXij"},
		{"b after a", Span{1, 2, "XXX"}, Span{6, 8, "Y"}, "aXXXcdefYij"},
		{"same insertion point keeps arrival order", Span{3, 3, "A"}, Span{3, 3, "B"}, "abcABdefghij"},
		{"insertion at start of a replacement goes before", Span{3, 5, "R"}, Span{3, 3, "I"}, "abcIRfghij"},
		{"insertion at end of a replacement goes after", Span{3, 5, "R"}, Span{5, 5, "I"}, "abcRIfghij"},
		{"b overlaps a's start", Span{4, 7, "A"}, Span{2, 5, "B"}, "abBAhij"},
		{"b overlaps a's end", Span{2, 5, "A"}, Span{4, 7, "B"}, "abABhij"},
		{"b within a", Span{2, 8, "A"}, Span{3, 5, "B"}, "abABij"},
		{"b covers a", Span{4, 5, "A"}, Span{2, 8, "B"}, "abBAij"},
		{"b covers an insertion", Span{5, 5, "A"}, Span{2, 8, "B"}, "abBAij"},
		{"same range replaced twice", Span{2, 4, "A"}, Span{2, 4, "B"}, "abABefghij"},
		{"both delete the same", Span{2, 4, ""}, Span{2, 4, ""}, "abefghij"},
		{"touching ranges", Span{4, 6, "A"}, Span{2, 4, "B"}, "abBAghij"},
		{"unicode", Span{0, 1, "æøå"}, Span{1, 2, "Å"}, "æøåÅcdefghij"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mid, err := Apply(base, tt.a)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Apply(mid, Transform(tt.b, tt.a))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDocSubmit(t *testing.T) {
	d := &Doc{Text: "Vi leste teksten."}
	// Two members start from version 0 at the same moment.
	if _, err := d.Submit(Edit{Base: 0, Start: 3, End: 8, Text: "diskuterte"}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Submit(Edit{Base: 0, Start: 16, End: 16, Text: " sammen"}); err != nil {
		t.Fatal(err)
	}
	if want := "Vi diskuterte teksten sammen."; d.Text != want {
		t.Errorf("got %q, want %q", d.Text, want)
	}
	for _, e := range []Edit{{Base: 3}, {Base: -1}, {Base: 2, Start: 5, End: 4}, {Base: 2, End: 999}} {
		before := *d
		if _, err := d.Submit(e); err == nil {
			t.Errorf("Submit(%+v) accepted", e)
		}
		if d.Text != before.Text || d.Version() != before.Version() {
			t.Errorf("failed Submit(%+v) changed the doc", e)
		}
	}
}

func TestDiff(t *testing.T) {
	tests := []struct{ old, new string }{
		{"", ""}, {"", "abc"}, {"abc", ""}, {"abc", "abXc"}, {"aaaa", "aaa"}, {"blå", "blåbær"}, {"abc", "xyz"},
	}
	for _, tt := range tests {
		s := Diff(tt.old, tt.new)
		got, err := Apply(tt.old, s)
		if err != nil || got != tt.new {
			t.Errorf("Diff(%q, %q) = %+v applies to %q, %v", tt.old, tt.new, s, got, err)
		}
	}
}

// randomSpan returns a valid span of text with a marker as its inserted text.
func randomSpan(rng *rand.Rand, text, marker string) Span {
	n := utf8.RuneCountInString(text)
	i, j := rng.IntN(n+1), rng.IntN(n+1)
	if i > j {
		i, j = j, i
	}
	return Span{i, j, marker}
}

// checkBothSurvive is the property: two edits made on the same text, applied in either order
// through the server, both leave their inserted text in the result.
func checkBothSurvive(t *testing.T, base string, a, b Span) {
	t.Helper()
	for _, order := range [][2]Span{{a, b}, {b, a}} {
		d := &Doc{Text: base}
		for _, s := range order {
			if _, err := d.Submit(Edit{Base: 0, Start: s.Start, End: s.End, Text: s.Text}); err != nil {
				t.Fatalf("base %q, edits %+v: %v", base, order, err)
			}
		}
		if !strings.Contains(d.Text, a.Text) || !strings.Contains(d.Text, b.Text) {
			t.Fatalf("base %q, edits %+v: result %q lost an edit", base, order, d.Text)
		}
	}
}

func FuzzTransform(f *testing.F) {
	f.Add("abcdefghij", uint64(1))
	f.Add("", uint64(2))
	f.Add("æøå ÆØÅ", uint64(3))
	f.Fuzz(func(t *testing.T, base string, seed uint64) {
		if !utf8.ValidString(base) || strings.ContainsAny(base, "⟦⟧") {
			return
		}
		rng := rand.New(rand.NewPCG(seed, seed))
		checkBothSurvive(t, base, randomSpan(rng, base, "⟦A⟧"), randomSpan(rng, base, "⟦B⟧"))
	})
}

// TestConverge simulates several clients that each keep a local copy, edit it, and sync the way
// the browser does: send the diff against the version last seen, then take the server's text.
// Clients insert only, so every marker typed must survive.
func TestConverge(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 7))
		d := &Doc{Text: "Felles tekst for gruppa."}
		type client struct {
			text    string
			version int
		}
		clients := make([]client, 2+rng.IntN(3))
		for i := range clients {
			clients[i] = client{d.Text, 0}
		}
		var markers []string
		for step := range 30 {
			c := &clients[rng.IntN(len(clients))]
			if rng.IntN(3) == 0 { // sync: take the server's text
				c.text, c.version = d.Text, d.Version()
				continue
			}
			m := string(rune(0xE000 + step)) // one rune, so that no later insertion splits it
			markers = append(markers, m)
			s := randomSpan(rng, c.text, m)
			s.End = s.Start // insertions only, so that every marker must survive
			if _, err := d.Submit(Edit{Base: c.version, Start: s.Start, End: s.End, Text: s.Text}); err != nil {
				t.Fatal(err)
			}
			c.text, c.version = d.Text, d.Version()
		}
		for _, m := range markers {
			if !strings.Contains(d.Text, m) {
				t.Fatalf("seed %d: marker %s lost in %q", seed, m, d.Text)
			}
		}
	}
}
