// Package textmerge merges concurrent edits of one plain text, so that several people can write
// a group's shared text at once and no one's edit is lost. Each client sends its change as one
// Edit against the version it last saw; the server keeps the edits it has applied, in order, and
// rebases a late edit over those it has not seen (operational transformation over plain text).
// Since the server applies edits in one order and every client takes the server's text, every
// client converges; Transform's rules make sure that neither of two concurrent edits erases the
// other's inserted text.
//
// Positions count Unicode code points (runes), which a browser gets with Array.from(text).
package textmerge

import (
	"errors"
	"strings"
)

// Edit replaces the runes [Start, End) of the text at version Base with Text.
type Edit struct {
	Base  int    `json:"base"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Span is an edit as applied: a range of the text before it and the text that replaced it.
type Span struct {
	Start, End int
	Text       string
}

// ErrRange is returned for an edit whose range does not lie within the text it names.
var ErrRange = errors.New("textmerge: range outside the text")

// ErrBase is returned for an edit against a version the server does not have.
var ErrBase = errors.New("textmerge: unknown base version")

// Apply returns text with s applied.
func Apply(text string, s Span) (string, error) {
	r := []rune(text)
	if s.Start < 0 || s.End < s.Start || s.End > len(r) {
		return "", ErrRange
	}
	var b strings.Builder
	b.WriteString(string(r[:s.Start]))
	b.WriteString(s.Text)
	b.WriteString(string(r[s.End:]))
	return b.String(), nil
}

// Transform rebases b, made on the same text as the already applied a, to apply after a.
// Neither edit's inserted text is lost:
//   - b entirely before a is unchanged; entirely after, it moves by a's change in length;
//   - where the ranges overlap, b deletes only what a left and inserts next to a's text
//     (before it when b begins first, after it otherwise);
//   - when b's range covers a's, b deletes around a's text and writes a's text again after
//     its own, so the deletion and both insertions hold.
//
// Two insertions at the same place keep the order the server received them in.
func Transform(b, a Span) Span {
	aLen := len([]rune(a.Text))
	delta := aLen - (a.End - a.Start)
	aEnd := a.Start + aLen // end of a's text after a
	switch {
	case b.End < a.Start || (b.End == a.Start && !(b.Start == b.End && a.Start == a.End)):
		return b // before a (an insertion at a's start of a replacement goes before it)
	case b.Start >= a.End:
		return Span{b.Start + delta, b.End + delta, b.Text}
	case b.Start < a.Start && b.End > a.End:
		return Span{b.Start, b.End + delta, b.Text + a.Text}
	case b.Start < a.Start:
		return Span{b.Start, a.Start, b.Text}
	case b.End > a.End:
		return Span{aEnd, b.End + delta, b.Text}
	}
	return Span{aEnd, aEnd, b.Text} // within a's range, which a has replaced
}

// Rebase transforms e over the spans applied since its base version: applied[i] is the span
// that made version i+1. It returns the span to apply to the newest text.
func Rebase(e Edit, applied []Span) (Span, error) {
	if e.Base < 0 || e.Base > len(applied) {
		return Span{}, ErrBase
	}
	s := Span{e.Start, e.End, e.Text}
	for _, a := range applied[e.Base:] {
		s = Transform(s, a)
	}
	return s, nil
}
