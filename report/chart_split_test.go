package report

import (
	"strings"
	"testing"
)

func TestSplitChart(t *testing.T) {
	svg := SplitChart("c", "Timer <etter> kilde", "desc", "Arbeidstid", "Fritid",
		[]Split{{Label: "Bo & omsorg", A: 30, B: 10}, {Label: "Hjemmetjenesten", A: 0, B: 0}}, nil)
	for _, want := range []string{`role="img"`, `aria-labelledby="c-title c-desc"`, "Timer &lt;etter&gt; kilde", "Bo &amp; omsorg",
		`width="225" height="20" fill="#1e4b8f"`, `width="75" height="20" fill="url(#c-hatch)"`, "30 + 10", "0 + 0", "Fritid"} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %q:\n%s", want, svg)
		}
	}
	if strings.Contains(svg, "style=") {
		t.Error("inline style would be refused by the Content-Security-Policy")
	}
}
