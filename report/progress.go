package report

import (
	"strconv"

	"laeringsliv"
	"laeringsliv/tabular"
)

// ProgressColumns are the column names of the yearly progress report: the year, the counts,
// then one column per innovation status in pipeline order.
func ProgressColumns() []string {
	cols := []string{"year", "participants_enrolled", "submissions_approved", "exam_registrations", "gatherings", "evidence_items"}
	for _, s := range laeringsliv.InnovationStatuses() {
		cols = append(cols, "innovations_"+string(s))
	}
	return cols
}

// ProgressTable returns the yearly progress report as a table for CSV and XLSX.
func ProgressTable(years []*laeringsliv.ProgressYear) *tabular.Table {
	t := &tabular.Table{Name: "Progress", Header: ProgressColumns()}
	for _, y := range years {
		row := []any{strconv.Itoa(y.Year), y.Participants, y.Approvals, y.Exams, y.Gatherings, y.Evidence}
		for _, s := range laeringsliv.InnovationStatuses() {
			row = append(row, y.Innovations[s])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
