package report_test

import (
	"encoding/xml"
	"strings"
	"testing"

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
