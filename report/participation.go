// Package report turns what the domain computes into the shapes reports are delivered in:
// tables for CSV and XLSX (through tabular), JSON for the command line, SVG charts for pages,
// and the pseudonymised research dataset. It reads nothing from storage itself.
package report

import (
	"encoding/json"
	"io"
	"strconv"

	"laeringsliv"
	"laeringsliv/tabular"
)

// participationColumns are the column names of Table 2 in every machine-readable format.
var participationColumns = []string{
	"workplace", "ftes", "enrolled", "approved", "exam_bachelor", "exam_master", "innovations",
}

// ParticipationTable returns Table 2 as a table for CSV and XLSX.
func ParticipationTable(rows []*laeringsliv.ParticipationRow) *tabular.Table {
	t := &tabular.Table{Name: "Table 2", Header: participationColumns}
	for _, r := range rows {
		t.Rows = append(t.Rows, []any{r.Workplace, FTEs(r.FTEs), r.Enrolled, r.Approved,
			r.ExamBachelor, r.ExamMaster, r.Innovations})
	}
	return t
}

// FTEs formats a number of FTEs without a trailing ".0", the way the article writes them.
func FTEs(v float64) any {
	if v == float64(int64(v)) {
		return int64(v)
	}
	return v
}

// participationJSON is one row of Table 2 in JSON, with the column names as keys.
type participationJSON struct {
	Workplace    string  `json:"workplace"`
	FTEs         float64 `json:"ftes"`
	Enrolled     int     `json:"enrolled"`
	Approved     int     `json:"approved"`
	ExamBachelor int     `json:"exam_bachelor"`
	ExamMaster   int     `json:"exam_master"`
	Innovations  int     `json:"innovations"`
}

// WriteParticipationJSON writes Table 2 as a JSON array of rows.
func WriteParticipationJSON(w io.Writer, rows []*laeringsliv.ParticipationRow) error {
	out := make([]participationJSON, 0, len(rows))
	for _, r := range rows {
		out = append(out, participationJSON{r.Workplace, r.FTEs, r.Enrolled, r.Approved,
			r.ExamBachelor, r.ExamMaster, r.Innovations})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// Format is a format of the participation report: csv, xlsx or json.
type Format string

// ParseFormat reads a report format from a flag or a query string.
func ParseFormat(s string) (Format, error) {
	if s == "json" {
		return "json", nil
	}
	f, err := tabular.ParseFormat(s)
	if err != nil {
		return "", &laeringsliv.Error{Code: laeringsliv.EINVALID, Key: "report.error.format_invalid", Field: "format",
			Err: err}
	}
	return Format(f), nil
}

// WriteParticipation writes Table 2 in format f.
func WriteParticipation(w io.Writer, f Format, rows []*laeringsliv.ParticipationRow) error {
	if f == "json" {
		return WriteParticipationJSON(w, rows)
	}
	return ParticipationTable(rows).Write(w, tabular.Format(f))
}

// itoa is strconv.Itoa, short for the SVG code.
func itoa(n int) string { return strconv.Itoa(n) }

// ContentType returns the MIME type of a format.
func ContentType(f Format) string {
	if f == "json" {
		return "application/json"
	}
	return tabular.Format(f).ContentType()
}
