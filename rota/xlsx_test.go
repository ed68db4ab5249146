package rota

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// buildXLSX makes a minimal workbook: every cell of rows is stored as a
// shared string except cells starting with "=", stored inline, and
// merges lists merged ranges.
func buildXLSX(t testing.TB, rows [][]string, merges ...string) []byte {
	var shared []string
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i, r := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">`, i+1)
		for j, c := range r {
			ref := fmt.Sprintf("%c%d", 'A'+j, i+1)
			if v, ok := strings.CutPrefix(c, "="); ok {
				fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
				continue
			}
			fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, len(shared))
			shared = append(shared, c)
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData>`)
	if len(merges) > 0 {
		sheet.WriteString(`<mergeCells>`)
		for _, m := range merges {
			fmt.Fprintf(&sheet, `<mergeCell ref="%s"/>`, m)
		}
		sheet.WriteString(`</mergeCells>`)
	}
	sheet.WriteString(`</worksheet>`)
	var sst strings.Builder
	sst.WriteString(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for _, s := range shared {
		fmt.Fprintf(&sst, `<si><t>%s</t></si>`, s)
	}
	sst.WriteString(`</sst>`)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{"xl/worksheets/sheet1.xml": sheet.String(), "xl/sharedStrings.xml": sst.String()} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseXLSX(t *testing.T) {
	rows := [][]string{
		{"epost", "dato", "start", "slutt", "kode"},
		{"kari@example.no", "2026-03-02", "=07:30", "15:00", "D"},
		{"ola@example.no", "46083", "0.9375", "0.3125", "N"},
	}
	shifts, ps := Parse(buildXLSX(t, rows), Columns{})
	if len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
	if len(shifts) != 2 {
		t.Fatalf("got %d shifts", len(shifts))
	}
	if got := shifts[0].Start.Format("2006-01-02 15:04"); got != "2026-03-02 07:30" {
		t.Errorf("inline start = %s", got)
	}
	if got := shifts[1].Start.Format("2006-01-02 15:04") + "–" + shifts[1].End.Format("2006-01-02 15:04"); got != "2026-03-02 22:30–2026-03-03 07:30" {
		t.Errorf("serial night = %s", got)
	}
}

func TestParseXLSXMergedCells(t *testing.T) {
	rows := [][]string{
		{"email", "date", "start", "end"},
		{"kari@example.no", "2026-03-02", "07:30", "15:00"},
		{"", "2026-03-03", "07:30", "15:00"},
	}
	_, ps := Parse(buildXLSX(t, rows, "A2:A3"), Columns{})
	if len(ps) != 1 || ps[0].Kind != ProblemMergedCells || ps[0].Row != 2 {
		t.Fatalf("problems = %v, want merged cells on row 2", ps)
	}
}

func TestParseXLSXBroken(t *testing.T) {
	_, ps := Parse([]byte("PK\x03\x04 not really a zip"), Columns{})
	if len(ps) != 1 || ps[0].Kind != ProblemNotSpreadsheet {
		t.Fatalf("problems = %v", ps)
	}
}

func FuzzParseXLSX(f *testing.F) {
	f.Add(buildXLSX(f, [][]string{{"email", "date", "start", "end"}, {"a@b.no", "2026-01-01", "22:00", "06:00"}}))
	f.Add(buildXLSX(f, [][]string{{"email"}}, "A1:B1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		shifts, ps := Parse(data, Columns{})
		if len(ps) > 0 && shifts != nil {
			t.Fatal("shifts returned alongside problems")
		}
		for _, s := range shifts {
			if !s.End.After(s.Start) || s.Duration() > MaxShift {
				t.Fatalf("accepted bad shift %+v", s)
			}
		}
	})
}
