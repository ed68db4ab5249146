package laeringsliv

import "laeringsliv/textmerge"

// MergeChapterBody merges an author's save over the versions saved since the one the author
// started from, with the reading workshop's merge: history[0] is the body the author started
// from and the rest are the bodies saved after it, oldest first. Each step is reduced to the one
// span that changed, so neither the author's edit nor those of the others are lost.
func MergeChapterBody(history []string, mine string) (string, error) {
	if len(history) == 0 {
		return mine, nil
	}
	s := changedSpan(history[0], mine)
	for i := 1; i < len(history); i++ {
		s = textmerge.Transform(s, changedSpan(history[i-1], history[i]))
	}
	return textmerge.Apply(history[len(history)-1], s)
}

// changedSpan returns the one span that turns a into b: what lies between their common
// beginning and their common end, counted in runes.
func changedSpan(a, b string) textmerge.Span {
	ra, rb := []rune(a), []rune(b)
	p := 0
	for p < len(ra) && p < len(rb) && ra[p] == rb[p] {
		p++
	}
	s := 0
	for s < len(ra)-p && s < len(rb)-p && ra[len(ra)-1-s] == rb[len(rb)-1-s] {
		s++
	}
	return textmerge.Span{Start: p, End: len(ra) - s, Text: string(rb[p : len(rb)-s])}
}
