package rota

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"sort"
	"strconv"
	"strings"
)

// maxXLSXPart bounds how much one part of a workbook may inflate to, so a
// small zip cannot expand into gigabytes.
const maxXLSXPart = 4 * MaxFileSize

type xlsxCell struct {
	Ref    string `xml:"r,attr"`
	Type   string `xml:"t,attr"`
	Value  string `xml:"v"`
	Inline struct {
		Text string     `xml:"t"`
		Runs []xlsxText `xml:"r"`
	} `xml:"is"`
}

type xlsxText struct {
	Text string `xml:"t"`
}

type xlsxSheet struct {
	Rows []struct {
		Num   int        `xml:"r,attr"`
		Cells []xlsxCell `xml:"c"`
	} `xml:"sheetData>row"`
	Merges []struct {
		Ref string `xml:"ref,attr"`
	} `xml:"mergeCells>mergeCell"`
}

type xlsxShared struct {
	Items []struct {
		Text string     `xml:"t"`
		Runs []xlsxText `xml:"r"`
	} `xml:"si"`
}

// readXLSX reads the first worksheet of a workbook as rows of text.
// Shared and inline strings are resolved; merged cells are refused, since
// a merged cell leaves the rows under it without their value.
func readXLSX(data []byte) ([][]string, Problems) {
	bad := Problems{{Kind: ProblemNotSpreadsheet}}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, bad
	}
	var shared xlsxShared
	if f := zipFile(zr, "xl/sharedStrings.xml"); f != nil {
		if decodePart(f, &shared) != nil {
			return nil, bad
		}
	}
	sheetFile := firstSheet(zr)
	if sheetFile == nil {
		return nil, bad
	}
	var sheet xlsxSheet
	if decodePart(sheetFile, &sheet) != nil {
		return nil, bad
	}
	if len(sheet.Merges) > 0 {
		return nil, mergeProblems(sheet)
	}
	strs := make([]string, len(shared.Items))
	for i, si := range shared.Items {
		strs[i] = joinRuns(si.Text, si.Runs)
	}
	var rows [][]string
	for _, r := range sheet.Rows {
		if r.Num < 1 || r.Num > 1<<20 {
			return nil, bad
		}
		for len(rows) < r.Num {
			rows = append(rows, nil)
		}
		rows[r.Num-1] = sheetRow(r.Cells, strs)
	}
	return rows, nil
}

func sheetRow(cells []xlsxCell, strs []string) []string {
	var out []string
	for i, c := range cells {
		col := i
		if c.Ref != "" {
			if n, ok := columnIndex(c.Ref); ok {
				col = n
			}
		}
		if col > 1000 {
			continue
		}
		for len(out) <= col {
			out = append(out, "")
		}
		out[col] = cellText(c, strs)
	}
	return out
}

func cellText(c xlsxCell, strs []string) string {
	switch c.Type {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(c.Value))
		if err != nil || i < 0 || i >= len(strs) {
			return ""
		}
		return strs[i]
	case "inlineStr":
		return joinRuns(c.Inline.Text, c.Inline.Runs)
	}
	return c.Value
}

func joinRuns(text string, runs []xlsxText) string {
	if len(runs) == 0 {
		return text
	}
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// columnIndex turns a cell reference such as "C12" into its 0-based
// column.
func columnIndex(ref string) (int, bool) {
	n := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		n = n*26 + int(ref[i]-'A'+1)
		if n > 1<<14 {
			return 0, false
		}
	}
	return n - 1, i > 0
}

// rowOf turns a cell reference such as "C12" into its row number.
func rowOf(ref string) int {
	n, _ := strconv.Atoi(strings.TrimLeft(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	return n
}

func mergeProblems(sheet xlsxSheet) Problems {
	var ps Problems
	for _, m := range sheet.Merges {
		from, _, _ := strings.Cut(m.Ref, ":")
		ps = append(ps, Problem{Row: rowOf(from), Kind: ProblemMergedCells, Detail: m.Ref})
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Row < ps[j].Row })
	return ps
}

func zipFile(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// firstSheet picks the lowest-numbered worksheet part.
func firstSheet(zr *zip.Reader) *zip.File {
	var best *zip.File
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") && strings.HasSuffix(f.Name, ".xml") {
			if best == nil || len(f.Name) < len(best.Name) || (len(f.Name) == len(best.Name) && f.Name < best.Name) {
				best = f
			}
		}
	}
	return best
}

func decodePart(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, maxXLSXPart)).Decode(v)
}
