package report_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/report"
	"laeringsliv/tabular"
)

// TestResearchZipHasNoNamesOrIDs exports reflection logs, IPE notes and reflections whose
// text names people and holds a valid identity number, and reads every file of the zip.
func TestResearchZipHasNoNamesOrIDs(t *testing.T) {
	id := validID(t)
	people := []*laeringsliv.Person{{ID: 1, Name: "Kari Nordmann"}, {ID: 2, Name: "Ola Hansen"}}
	p := report.NewPseudonymizer([]byte("k"), people, func(id int64) bool { return id == 1 })
	wps := map[int64]string{9: "Lyngtunet"}
	logs := []*laeringsliv.Submission{
		{WorkplaceID: 9, Version: 1, MemberIDs: []int64{1}, Status: laeringsliv.StatusApproved,
			Text: "Jeg, Kari Nordmann, jobbet med Ola om beboer " + id + "."},
		{WorkplaceID: 9, Version: 1, MemberIDs: []int64{2}, Status: laeringsliv.StatusApproved, Text: "Olas logg uten samtykke"},
		{WorkplaceID: 9, Version: 1, MemberIDs: []int64{1}, Status: laeringsliv.StatusDraft, Text: "utkast"},
	}
	notes := []*laeringsliv.IPENote{{SessionID: 4, Text: "Ring Kari på " + id, Phase: laeringsliv.IPEPhaseCapture}}
	draws := []*laeringsliv.IPEDraw{{SessionID: 4, Turn: 1, Text: "Ring Kari", Reflection: "Ola Hansen er enig"}}
	var buf bytes.Buffer
	tables := []*tabular.Table{report.ResearchReflectionLogs(p, logs, wps), report.ResearchIPENotes(p, notes, map[int64]string{4: "Lyngtunet"}),
		report.ResearchReflections(p, draws, nil)}
	if err := report.WriteResearchZip(&buf, tables); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || len(z.File) != 3 {
		t.Fatalf("zip %v %d", err, len(z.File))
	}
	for _, f := range z.File {
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		out := strings.ToLower(string(b))
		for _, banned := range []string{"kari", "nordmann", "ola", "hansen", id, "utkast", "uten samtykke"} {
			if strings.Contains(out, banned) {
				t.Errorf("%s holds %q:\n%s", f.Name, banned, b)
			}
		}
		if f.Name == "reflection_logs.csv" && (!strings.Contains(string(b), p.Pseudonym(1)) || strings.Count(string(b), "\n") != 2) {
			t.Errorf("reflection logs:\n%s", b)
		}
	}
}
