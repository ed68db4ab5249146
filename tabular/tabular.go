// Package tabular writes tables for download: CSV in UTF-8 with a byte-order mark (so that
// Excel keeps æøå) and XLSX (Office Open XML), with no dependency beyond the standard library.
// Every export of the application — IPE results, the exam list, the reports — goes through it.
package tabular

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// Table is a header and rows of cells. A cell is a number (any int or float type, named
// types included) that XLSX stores as a number, or anything else, written as text.
type Table struct {
	Name   string // the sheet name in XLSX; at most 31 characters are used
	Header []string
	Rows   [][]any
}

// Format is a download format.
type Format string

const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
)

// ParseFormat reads a format named in a query string or a flag.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case CSV, XLSX:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want csv or xlsx)", s)
}

// ContentType returns the MIME type of a format.
func (f Format) ContentType() string {
	if f == XLSX {
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return "text/csv; charset=utf-8"
}

// Write writes the table in the format.
func (t *Table) Write(w io.Writer, f Format) error {
	if f == XLSX {
		return t.WriteXLSX(w)
	}
	return t.WriteCSV(w)
}

// WriteCSV writes the table as CSV with a UTF-8 byte-order mark and CRLF line ends. Cells that
// a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe.
func (t *Table) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := make([]string, len(t.Header))
	for i, h := range t.Header {
		header[i] = guardText(h)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, 0, len(t.Header))
	for _, row := range t.Rows {
		rec = rec[:0]
		for _, c := range row {
			rec = append(rec, csvCell(c))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell is the text of a cell in CSV: numbers as they are, text guarded (see toCell).
func csvCell(c any) string {
	return toCell(c).text
}
