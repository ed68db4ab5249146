package report

import (
	"encoding/json"
	"io"
	"time"

	"laeringsliv"
	"laeringsliv/tabular"
)

// evidenceColumns are the column names of Table 1 in every machine-readable format. A row
// whose gathering is empty holds material tied to no gathering; the last row is the total.
var evidenceColumns = []string{
	"workplace", "gathering", "kind", "starts_on", "reflection_logs", "ipe_notes", "presentations",
	"videos", "evaluations", "exam_papers",
}

// evidenceJSON is one row of Table 1 in JSON, with the column names as keys.
type evidenceJSON struct {
	Workplace      string `json:"workplace"`
	Gathering      string `json:"gathering"`
	Kind           string `json:"kind"`
	StartsOn       string `json:"starts_on"`
	ReflectionLogs int    `json:"reflection_logs"`
	IPENotes       int    `json:"ipe_notes"`
	Presentations  int    `json:"presentations"`
	Videos         int    `json:"videos"`
	Evaluations    int    `json:"evaluations"`
	ExamPapers     int    `json:"exam_papers"`
}

func evidenceRecord(r *laeringsliv.EvidenceRow) evidenceJSON {
	day := ""
	if !r.Start.IsZero() {
		day = r.Start.In(laeringsliv.Norway()).Format(time.DateOnly)
	}
	return evidenceJSON{r.Workplace, r.Gathering, string(r.Kind), day, r.ReflectionLogs, r.IPENotes,
		r.Presentations, r.Videos, r.Evaluations, r.ExamPapers}
}

// EvidenceTable returns Table 1 as a table for CSV and XLSX.
func EvidenceTable(rows []*laeringsliv.EvidenceRow) *tabular.Table {
	t := &tabular.Table{Name: "Table 1", Header: evidenceColumns}
	for _, r := range rows {
		e := evidenceRecord(r)
		t.Rows = append(t.Rows, []any{e.Workplace, e.Gathering, e.Kind, e.StartsOn, e.ReflectionLogs, e.IPENotes,
			e.Presentations, e.Videos, e.Evaluations, e.ExamPapers})
	}
	return t
}

// WriteEvidence writes Table 1 in format f.
func WriteEvidence(w io.Writer, f Format, rows []*laeringsliv.EvidenceRow) error {
	if f != "json" {
		return EvidenceTable(rows).Write(w, tabular.Format(f))
	}
	out := make([]evidenceJSON, 0, len(rows))
	for _, r := range rows {
		out = append(out, evidenceRecord(r))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
