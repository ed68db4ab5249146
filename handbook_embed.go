package laeringsliv

import (
	"strconv"
	"strings"
)

// EmbedKind names the kind of platform record a chapter can embed.
type EmbedKind string

const (
	EmbedInnovation EmbedKind = "innovation" // an innovation with its status and evaluations
	EmbedIPE        EmbedKind = "ipe"        // an IPE question with its prioritised notes
	EmbedChart      EmbedKind = "chart"      // a chart from the reports, by name
)

// Embed is one embed in a chapter, written on a line of its own as {{innovation 12}},
// {{ipe 3 frozen}} or {{chart participation}}. A frozen embed shows the record as it was when
// the handbook was published; otherwise it is kept current.
type Embed struct {
	Line   int // 1-based line of the chapter
	Kind   EmbedKind
	ID     int64  // innovation or IPE question
	Chart  string // chart name
	Frozen bool
}

// ParseEmbeds finds the embeds of a chapter's Markdown. A line that begins with "{{" and ends
// with "}}" but is not a valid embed is an error naming the field "body".
func ParseEmbeds(body string) ([]Embed, error) {
	var list []Embed
	for i, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "{{") || !strings.HasSuffix(line, "}}") || len(line) < 4 {
			continue
		}
		e, ok := parseEmbed(strings.Fields(line[2 : len(line)-2]))
		if !ok {
			return nil, FieldError("body", "error.handbook_embed_invalid")
		}
		e.Line = i + 1
		list = append(list, e)
	}
	return list, nil
}

func parseEmbed(f []string) (Embed, bool) {
	if len(f) < 2 || len(f) > 3 {
		return Embed{}, false
	}
	e := Embed{Kind: EmbedKind(f[0])}
	if len(f) == 3 {
		if f[2] != "frozen" {
			return Embed{}, false
		}
		e.Frozen = true
	}
	switch e.Kind {
	case EmbedInnovation, EmbedIPE:
		id, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || id <= 0 {
			return Embed{}, false
		}
		e.ID = id
	case EmbedChart:
		if !validChartName(f[1]) {
			return Embed{}, false
		}
		e.Chart = f[1]
	default:
		return Embed{}, false
	}
	return e, true
}

func validChartName(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}
