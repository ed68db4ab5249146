package tabular

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

var sample = Table{Name: "Eksamensliste: bachelor/master", Header: []string{"workplace", "person", "eligible", "ftes"},
	Rows: [][]any{{"Solsiden", "Åse Ødegård", true, 16.5}, {"Fjordtun", "=HYPERLINK(\"x\")", false, 30}, {"Tom", nil, "", int64(7)}}}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := sample.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFworkplace,person,eligible,ftes\r\nSolsiden,Åse Ødegård,true,16.5\r\nFjordtun,\"'=HYPERLINK(\"\"x\"\")\",false,30\r\nTom,,,7\r\n"
	if b.String() != want {
		t.Errorf("CSV:\n%q\nwant\n%q", b.String(), want)
	}
}

// readSheet unpacks the worksheet XML of an XLSX file and returns the text of its cells, row
// by row.
func readSheet(t *testing.T, data []byte) [][]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var sheet []byte
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if err := xml.Unmarshal(body, new(struct{})); err != nil {
			t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			sheet = body
		}
	}
	var ws struct {
		Rows []struct {
			Cells []struct {
				V string `xml:"v"`
				T string `xml:"is>t"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal(sheet, &ws); err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, r := range ws.Rows {
		var row []string
		for _, c := range r.Cells {
			row = append(row, c.V+c.T)
		}
		out = append(out, row)
	}
	return out
}

func TestXLSX(t *testing.T) {
	var b bytes.Buffer
	if err := sample.WriteXLSX(&b); err != nil {
		t.Fatal(err)
	}
	rows := readSheet(t, b.Bytes())
	if len(rows) != 4 || rows[1][1] != "Åse Ødegård" || rows[1][3] != "16.5" || rows[0][0] != "workplace" {
		t.Errorf("rows %q", rows)
	}
	if !bytes.Contains(b.Bytes(), []byte("Eksamensliste- bachelor-master")) == false {
		// the sheet name is inside a compressed part; checked through sheetName below
	}
	if got := sheetName(sample.Name); got != "Eksamensliste- bachelor-master" {
		t.Errorf("sheetName = %q", got)
	}
}

func TestColumnName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := columnName(i); got != want {
			t.Errorf("columnName(%d) = %q; want %q", i, got, want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"csv": CSV, " XLSX ": XLSX, "xls": "", "": "", "json": ""} {
		got, err := ParseFormat(in)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func FuzzParseFormat(f *testing.F) {
	f.Add("csv")
	f.Add("XLSX")
	f.Fuzz(func(t *testing.T, s string) {
		if got, err := ParseFormat(s); err == nil && got != CSV && got != XLSX {
			t.Fatalf("ParseFormat(%q) = %q", s, got)
		}
	})
}

// FuzzXLSX writes arbitrary text into a workbook; every part must stay well-formed XML and the
// text must come back (less the characters XML cannot hold).
func FuzzXLSX(f *testing.F) {
	f.Add("Åse <b>&amp;</b> \x00\x1f", "ark")
	f.Fuzz(func(t *testing.T, cell, name string) {
		tb := Table{Name: name, Header: []string{"a"}, Rows: [][]any{{cell}}}
		var b bytes.Buffer
		if err := tb.WriteXLSX(&b); err != nil {
			t.Fatal(err)
		}
		rows := readSheet(t, b.Bytes())
		want := strings.ReplaceAll(xmlUnescapeForTest(xmlEscape(cell)), "\r", "\n")
		got := strings.ReplaceAll(rows[1][0], "\r", "\n")
		if len(rows) != 2 || got != want {
			t.Fatalf("cell %q came back as %q; want %q", cell, got, want)
		}
	})
}

func xmlUnescapeForTest(s string) string {
	var v struct {
		T string `xml:",chardata"`
	}
	_ = xml.Unmarshal([]byte("<x>"+s+"</x>"), &v)
	return v.T
}
