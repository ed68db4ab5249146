package report

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// Bar is one bar of a chart: a label and a value.
type Bar struct {
	Label string
	Value float64
}

// BarChart renders a horizontal bar chart as an SVG element, drawn on the server so that it
// needs no script and prints as it shows. It is an image with a title and a description for
// assistive technology; the page puts the same numbers in a table beside it, which is the
// accessible alternative. title and desc are already translated; number formats a value in
// the reader's language, as the table beside it does (nil: decimal point).
func BarChart(id, title, desc string, bars []Bar, number func(float64) string) string {
	if number == nil {
		number = formatValue
	}
	const rowH, barW, pad = 28, 300, 8
	max, labelW := 0.0, 120
	for _, b := range bars {
		if b.Value > max {
			max = b.Value
		}
		// Room for the longest label, never cut: about 8 units a character at the label's
		// size, with a margin (the viewBox scales the whole chart to the page's width).
		labelW = maxInt(labelW, 8*utf8.RuneCountInString(b.Label)+16)
	}
	h := rowH*len(bars) + 2*pad
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="app-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc">`,
		labelW+barW+80, h, id, id)
	fmt.Fprintf(&sb, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, html.EscapeString(title), id, html.EscapeString(desc))
	for k, b := range bars {
		y := pad + k*rowH
		w := 0
		if max > 0 {
			w = int(b.Value / max * barW)
		}
		fmt.Fprintf(&sb, `<text x="%d" y="%d" text-anchor="end" class="app-chart-label">%s</text>`, labelW-8, y+rowH/2+5, html.EscapeString(b.Label))
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="%d" height="%d" class="app-chart-bar"/>`, labelW, y+4, w, rowH-8)
		fmt.Fprintf(&sb, `<text x="%d" y="%d" class="app-chart-value">%s</text>`, labelW+w+6, y+rowH/2+5, number(b.Value))
	}
	sb.WriteString(`</svg>`)
	return sb.String()
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func formatValue(v float64) string {
	if v == float64(int64(v)) {
		return itoa(int(v))
	}
	return fmt.Sprintf("%.1f", v)
}
