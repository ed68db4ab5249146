package report_test

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"laeringsliv/report"
)

func TestBarChart(t *testing.T) {
	svg := report.BarChart("inn", "Innovasjoner <per> arbeidsplass", "Antall", []report.Bar{
		{Label: "Lyngtunet & co", Value: 3}, {Label: "Solåsen", Value: 8}, {Label: "Tom", Value: 0},
	}, nil)
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, svg)
	}
	for _, want := range []string{`role="img"`, `<title id="inn-title">Innovasjoner &lt;per&gt; arbeidsplass</title>`,
		`aria-labelledby="inn-title inn-desc"`, `Lyngtunet &amp; co`, `width="300"`, `>8</text>`} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s:\n%s", want, svg)
		}
	}
	if empty := report.BarChart("e", "t", "d", nil, nil); !strings.HasSuffix(empty, "</svg>") {
		t.Errorf("empty chart %s", empty)
	}
}

// TestBarChartNumbers checks the chart writes its values with the formatter it is given, so
// that a Norwegian page shows 17,5 in the chart as in the table.
func TestBarChartNumbers(t *testing.T) {
	comma := func(v float64) string { return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1) }
	for _, c := range []struct {
		number func(float64) string
		want   string
	}{{nil, ">17.5</text>"}, {comma, ">17,5</text>"}} {
		svg := report.BarChart("n", "t", "d", []report.Bar{{Label: "A", Value: 17.5}}, c.number)
		if !strings.Contains(svg, c.want) {
			t.Errorf("chart lacks %s:\n%s", c.want, svg)
		}
	}
}

// A long workplace name gets the room it needs: the label column grows with the longest label,
// so no label starts left of the chart and is cut.
func TestBarChartLongLabels(t *testing.T) {
	long := "Solåsen bo- og aktivitetssenter, avdeling for langtidsopphold"
	svg := report.BarChart("c", "T", "D", []report.Bar{{Label: long, Value: 3}, {Label: "Kort", Value: 1}}, nil)
	var w, h int
	if _, err := fmt.Sscanf(svg[strings.Index(svg, "viewBox"):], `viewBox="0 0 %d %d"`, &w, &h); err != nil {
		t.Fatal(err)
	}
	need := 8*utf8.RuneCountInString(long) + 16 + 300
	if w < need {
		t.Errorf("chart %d wide for a %d-character label; want at least %d", w, utf8.RuneCountInString(long), need)
	}
	var x int
	i := strings.Index(svg, `class="app-chart-label"`)
	if _, err := fmt.Sscanf(svg[strings.LastIndex(svg[:i], "<text"):], `<text x="%d"`, &x); err != nil || x < 8*utf8.RuneCountInString(long) {
		t.Errorf("label anchored at x=%d (%v): it would start left of the chart", x, err)
	}
}
