package report

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// Split is one bar in two parts, such as hours from working time and from free time.
type Split struct {
	Label string
	A, B  float64
}

// SplitChart renders horizontal bars, each in two parts: A solid, B hatched, so that the
// parts differ in more than colour, with a legend naming them. Like BarChart it is an SVG
// image with a title and description, drawn on the server, to be shown beside a table of
// the same figures; colours are presentation attributes, so no inline style is needed under
// a strict Content-Security-Policy.
func SplitChart(id, title, desc, nameA, nameB string, bars []Split, number func(float64) string) string {
	if number == nil {
		number = formatValue
	}
	const rowH, barW, pad, legendH = 28, 300, 8, 28
	max, labelW := 0.0, 120
	for _, b := range bars {
		max = maxFloat(max, b.A+b.B)
		labelW = maxInt(labelW, 8*utf8.RuneCountInString(b.Label)+16)
	}
	h := legendH + rowH*len(bars) + 2*pad
	id = html.EscapeString(id)
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="app-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc">`,
		labelW+barW+140, h, id, id)
	fmt.Fprintf(&sb, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, html.EscapeString(title), id, html.EscapeString(desc))
	fmt.Fprintf(&sb, `<defs><pattern id="%s-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`+
		`<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a3c00" stroke-width="3"/></pattern></defs>`, id)
	legend := func(x int, fill, name string) {
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="16" height="16" fill="%s" stroke="#8a3c00" stroke-width="%s"/>`, x, pad, fill, strokeFor(fill))
		fmt.Fprintf(&sb, `<text x="%d" y="%d" class="app-chart-label">%s</text>`, x+22, pad+13, html.EscapeString(name))
	}
	legend(labelW, "#1e4b8f", nameA)
	legend(labelW+30+8*utf8.RuneCountInString(nameA), "url(#"+id+"-hatch)", nameB)
	for k, b := range bars {
		y := pad + legendH + k*rowH
		wa, wb := 0, 0
		if max > 0 {
			wa, wb = int(b.A/max*barW), int(b.B/max*barW)
		}
		fmt.Fprintf(&sb, `<text x="%d" y="%d" text-anchor="end" class="app-chart-label">%s</text>`, labelW-8, y+rowH/2+5, html.EscapeString(b.Label))
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="%d" height="%d" fill="#1e4b8f"/>`, labelW, y+4, wa, rowH-8)
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="%d" height="%d" fill="url(#%s-hatch)" stroke="#8a3c00" stroke-width="1"/>`, labelW+wa, y+4, wb, rowH-8, id)
		fmt.Fprintf(&sb, `<text x="%d" y="%d" class="app-chart-value">%s + %s</text>`, labelW+wa+wb+6, y+rowH/2+5, number(b.A), number(b.B))
	}
	sb.WriteString(`</svg>`)
	return sb.String()
}

func strokeFor(fill string) string {
	if strings.HasPrefix(fill, "url(") {
		return "1"
	}
	return "0"
}

func maxFloat(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
