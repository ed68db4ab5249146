package rota

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a rota file, tied to a row when it has
// one (Row 0 means the whole file). Kind is a stable key the web layer
// translates; Detail is the offending value.
type Problem struct {
	Row    int
	Kind   string
	Detail string
}

// Problem kinds.
const (
	ProblemTooLarge       = "too_large"
	ProblemEmpty          = "empty"
	ProblemNoColumn       = "missing_column"
	ProblemDate           = "bad_date"
	ProblemTime           = "bad_time"
	ProblemPerson         = "unknown_person"
	ProblemNoPerson       = "no_person"
	ProblemOverlap        = "overlap"
	ProblemTooLong        = "too_long"
	ProblemMergedCells    = "merged_cells"
	ProblemNotSpreadsheet = "not_spreadsheet"
	ProblemCSV            = "bad_csv"
)

var problemText = map[string]string{
	ProblemTooLarge:       "the file is larger than 50 MB",
	ProblemEmpty:          "the file has no rows",
	ProblemNoColumn:       "the header row lacks a column",
	ProblemDate:           "the date is not YYYY-MM-DD or DD.MM.YYYY",
	ProblemTime:           "the time is not HH:MM",
	ProblemPerson:         "no one at the workplace has this e-mail or employee number",
	ProblemNoPerson:       "the person is missing",
	ProblemOverlap:        "the shift overlaps the same person's shift on row",
	ProblemTooLong:        "the shift is longer than 16 hours",
	ProblemMergedCells:    "the sheet has merged cells; unmerge them and save again",
	ProblemNotSpreadsheet: "the file is not a readable XLSX workbook",
	ProblemCSV:            "the line is not valid CSV (check the quotes)",
}

// String states the problem in plain English, for the command line.
func (p Problem) String() string {
	var b strings.Builder
	if p.Row > 0 {
		fmt.Fprintf(&b, "row %d: ", p.Row)
	}
	b.WriteString(problemText[p.Kind])
	if p.Detail != "" {
		fmt.Fprintf(&b, " (%s)", p.Detail)
	}
	return b.String()
}

// Problems is every problem found in a file.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Key is the message catalog key of the problem's kind, for the web.
func (p Problem) Key() string { return "rota.problem." + p.Kind }
