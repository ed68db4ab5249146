package rota

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"laeringsliv"
)

// Columns maps the rota fields to header names in the file. A zero
// Columns means the documented default layout, English or Norwegian.
type Columns struct {
	Person, Date, Start, End, Code string
}

var defaultNames = map[string][]string{
	"person": {"email", "epost", "e-post", "employee", "ansattnr", "ansattnummer"},
	"date":   {"date", "dato"},
	"start":  {"start", "fra"},
	"end":    {"end", "slutt", "til"},
	"code":   {"code", "kode", "vakt"},
}

// Parse reads a rota file, CSV or XLSX (told apart by content), and
// returns its shifts, or every problem found. Shifts are returned only
// when there are no problems.
func Parse(data []byte, cols Columns) ([]Shift, Problems) {
	shifts, ps := parseAll(data, cols)
	if len(ps) > 0 {
		return nil, ps
	}
	return shifts, nil
}

// parseAll returns the rows that read well alongside every problem, so
// that later checks can report on the good rows too.
func parseAll(data []byte, cols Columns) ([]Shift, Problems) {
	if len(data) > MaxFileSize {
		return nil, Problems{{Kind: ProblemTooLarge}}
	}
	var rows [][]string
	var ps Problems
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		rows, ps = readXLSX(data)
	} else {
		rows, ps = readCSV(data)
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return parseRows(rows, cols)
}

// decodeText turns a file's bytes into UTF-8: a UTF-8 byte-order mark is
// dropped, and text that is not valid UTF-8 is read as Windows-1252,
// the encoding older spreadsheet exports use in Norway.
func decodeText(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
	}
	return string(out)
}

func readCSV(data []byte) ([][]string, Problems) {
	text := decodeText(data)
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.Comma = sniffComma(text)
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := len(rows) + 1
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, Problems{{Row: line, Kind: ProblemCSV}}
		}
		rows = append(rows, rec)
	}
	return rows, nil
}

// sniffComma picks the separator of the header line: Norwegian
// spreadsheet exports use a semicolon.
func sniffComma(text string) rune {
	line, _, _ := strings.Cut(text, "\n")
	if strings.Count(line, ";") > strings.Count(line, ",") {
		return ';'
	}
	return ','
}

func parseRows(rows [][]string, cols Columns) ([]Shift, Problems) {
	if len(rows) < 2 {
		return nil, Problems{{Kind: ProblemEmpty}}
	}
	idx, ps := headerIndex(rows[0], cols)
	if len(ps) > 0 {
		return nil, ps
	}
	var shifts []Shift
	for i, rec := range rows[1:] {
		if blank(rec) {
			continue
		}
		s, rowPs := parseRow(i+2, rec, idx)
		ps = append(ps, rowPs...)
		if len(rowPs) == 0 {
			shifts = append(shifts, s)
		}
	}
	ps = append(ps, checkShifts(shifts)...)
	return shifts, ps
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

type colIndex struct{ person, date, start, end, code int }

func headerIndex(header []string, cols Columns) (colIndex, Problems) {
	find := func(field, chosen string) int {
		names := defaultNames[field]
		if chosen != "" {
			names = []string{chosen}
		}
		for i, h := range header {
			h = strings.ToLower(strings.TrimSpace(h))
			for _, n := range names {
				if h == strings.ToLower(n) {
					return i
				}
			}
		}
		return -1
	}
	idx := colIndex{find("person", cols.Person), find("date", cols.Date),
		find("start", cols.Start), find("end", cols.End), find("code", cols.Code)}
	var ps Problems
	for _, m := range []struct {
		i    int
		name string
	}{{idx.person, "email"}, {idx.date, "date"}, {idx.start, "start"}, {idx.end, "end"}} {
		if m.i < 0 {
			ps = append(ps, Problem{Row: 1, Kind: ProblemNoColumn, Detail: m.name})
		}
	}
	return idx, ps
}

func cell(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

func parseRow(row int, rec []string, idx colIndex) (Shift, Problems) {
	var ps Problems
	s := Shift{Row: row, Person: strings.ToLower(cell(rec, idx.person)), Code: cell(rec, idx.code)}
	if s.Person == "" {
		ps = append(ps, Problem{Row: row, Kind: ProblemNoPerson})
	}
	day, ok := ParseDate(cell(rec, idx.date))
	if !ok {
		ps = append(ps, Problem{Row: row, Kind: ProblemDate, Detail: cell(rec, idx.date)})
	}
	start, ok1 := ParseClock(cell(rec, idx.start))
	if !ok1 {
		ps = append(ps, Problem{Row: row, Kind: ProblemTime, Detail: cell(rec, idx.start)})
	}
	end, ok2 := ParseClock(cell(rec, idx.end))
	if !ok2 {
		ps = append(ps, Problem{Row: row, Kind: ProblemTime, Detail: cell(rec, idx.end)})
	}
	if len(ps) > 0 {
		return s, ps
	}
	s.Start = wallClock(day, start)
	if end <= start {
		day = day.AddDate(0, 0, 1)
	}
	s.End = wallClock(day, end)
	return s, nil
}

// zone is the time zone rota files are written in: Norway's, loaded once
// by the domain.
func zone() *time.Location { return laeringsliv.Norway() }

// wallClock is the instant at clock time c on day in zone; across a
// change to or from summer time a night shift is an hour shorter or longer.
func wallClock(day time.Time, c time.Duration) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), int(c/time.Hour), int(c%time.Hour/time.Minute), 0, 0, zone())
}

// ParseDate reads YYYY-MM-DD or DD.MM.YYYY as a date in UTC. A whole
// number is taken as a spreadsheet date serial, the way XLSX stores dates.
func ParseDate(v string) (time.Time, bool) {
	if n, err := strconv.Atoi(v); err == nil && n > 0 && n < 2958466 {
		return excelEpoch.AddDate(0, 0, n), true
	}
	for _, layout := range []string{"2006-01-02", "02.01.2006", "2.1.2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// excelEpoch is day 0 of spreadsheet date serials (1900 date system).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// ParseClock reads HH:MM (24-hour) as an offset from midnight. A fraction
// of a day, the way XLSX stores times, is accepted too.
func ParseClock(v string) (time.Duration, bool) {
	if f, err := strconv.ParseFloat(v, 64); err == nil && strings.HasPrefix(v, "0.") && f < 1 {
		return time.Duration(f*24*60+0.5) * time.Minute, true
	}
	t, err := time.Parse("15:04", v)
	if err != nil {
		if t, err = time.Parse("15.04", v); err != nil {
			return 0, false
		}
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, true
}
