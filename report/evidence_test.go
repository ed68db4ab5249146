package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/report"
)

func TestWriteEvidence(t *testing.T) {
	rows := []*laeringsliv.EvidenceRow{
		{WorkplaceID: 1, Workplace: "Lyngtunet", GatheringID: 3, Gathering: "Oppstartsamling", Kind: laeringsliv.GatheringStartUp,
			Start: time.Date(2017, 9, 11, 22, 30, 0, 0, time.UTC), ReflectionLogs: 15, IPENotes: 8},
		{Workplace: "Total", ReflectionLogs: 15, IPENotes: 8},
	}
	var buf bytes.Buffer
	if err := report.WriteEvidence(&buf, "csv", rows); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffworkplace,gathering,kind,starts_on,reflection_logs,ipe_notes,presentations,videos,evaluations,exam_papers\r\n" +
		"Lyngtunet,Oppstartsamling,start_up,2017-09-12,15,8,0,0,0,0\r\nTotal,,,,15,8,0,0,0,0\r\n"
	if got := buf.String(); got != want {
		t.Errorf("csv:\n%q\nwant\n%q", got, want)
	}
	buf.Reset()
	if err := report.WriteEvidence(&buf, "json", rows); err != nil {
		t.Fatal(err)
	}
	var back []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || len(back) != 2 || back[0]["ipe_notes"] != 8.0 {
		t.Errorf("json %v %s", err, buf.String())
	}
	buf.Reset()
	if err := report.WriteEvidence(&buf, "xlsx", rows); err != nil || !strings.HasPrefix(buf.String(), "PK") {
		t.Errorf("xlsx %v", err)
	}
}
