package textmerge

// Doc is a text with the spans that made each of its versions: the state the server keeps for
// one shared text. Version is len(Applied).
type Doc struct {
	Text    string
	Applied []Span
}

// Version returns the number of edits applied.
func (d *Doc) Version() int { return len(d.Applied) }

// Submit rebases e over the edits it has not seen, applies it, and returns the span applied.
// An edit that fails leaves d unchanged.
func (d *Doc) Submit(e Edit) (Span, error) {
	s, err := Rebase(e, d.Applied)
	if err != nil {
		return Span{}, err
	}
	text, err := Apply(d.Text, s)
	if err != nil {
		return Span{}, err
	}
	d.Text = text
	d.Applied = append(d.Applied, s)
	return s, nil
}

// Diff returns the single span that turns old into new: everything between their common
// prefix and common suffix. It is how a client describes what was typed since its last sync.
func Diff(old, new string) Span {
	o, n := []rune(old), []rune(new)
	p := 0
	for p < len(o) && p < len(n) && o[p] == n[p] {
		p++
	}
	s := 0
	for s < len(o)-p && s < len(n)-p && o[len(o)-1-s] == n[len(n)-1-s] {
		s++
	}
	return Span{Start: p, End: len(o) - s, Text: string(n[p : len(n)-s])}
}
