package report_test

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"laeringsliv/report"
)

func TestBarChart(t *testing.T) {
	svg := report.BarChart("inn", "Innovasjoner <per> arbeidsplass", "Antall", []report.Bar{
		{Label: "Lyngtunet & co", Value: 3}, {Label: "Solåsen", Value: 8}, {Label: "Tom", Value: 0},
	})
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, svg)
	}
	for _, want := range []string{`role="img"`, `<title id="inn-title">Innovasjoner &lt;per&gt; arbeidsplass</title>`,
		`aria-labelledby="inn-title inn-desc"`, `Lyngtunet &amp; co`, `width="300"`, `>8</text>`} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s:\n%s", want, svg)
		}
	}
	if empty := report.BarChart("e", "t", "d", nil); !strings.HasSuffix(empty, "</svg>") {
		t.Errorf("empty chart %s", empty)
	}
}

// A long workplace name gets the room it needs: the label column grows with the longest label,
// so no label starts left of the chart and is cut.
func TestBarChartLongLabels(t *testing.T) {
	long := "Solåsen bo- og aktivitetssenter, avdeling for langtidsopphold"
	svg := report.BarChart("c", "T", "D", []report.Bar{{Label: long, Value: 3}, {Label: "Kort", Value: 1}})
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
