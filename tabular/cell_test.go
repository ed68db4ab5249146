package tabular

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

type role string
type count int
type share float32

func TestToCell(t *testing.T) {
	long := strings.Repeat("æ", maxCellRunes+10)
	for name, c := range map[string]struct {
		in   any
		want cell
	}{
		"nil":              {nil, cell{empty: true}},
		"int":              {3, cell{text: "3", num: true}},
		"named int":        {count(17), cell{text: "17", num: true}},
		"uint8":            {uint8(7), cell{text: "7", num: true}},
		"float":            {2.5, cell{text: "2.5", num: true}},
		"named float32":    {share(0.25), cell{text: "0.25", num: true}},
		"NaN":              {math.NaN(), cell{empty: true}},
		"+Inf":             {math.Inf(1), cell{empty: true}},
		"-Inf":             {math.Inf(-1), cell{empty: true}},
		"text":             {"Solsiden", cell{text: "Solsiden"}},
		"formula":          {"=HYPERLINK(\"x\")", cell{text: "'=HYPERLINK(\"x\")"}},
		"named formula":    {role("+1+1"), cell{text: "'+1+1"}},
		"minus":            {"-2", cell{text: "'-2"}},
		"at":               {"@SUM(A1)", cell{text: "'@SUM(A1)"}},
		"tab":              {"\t=1", cell{text: "'\t=1"}},
		"bool through fmt": {true, cell{text: "true"}},
	} {
		if got := toCell(c.in); got != c.want {
			t.Errorf("%s: toCell(%v) = %+v, want %+v", name, c.in, got, c.want)
		}
	}
	got := toCell(long).text
	if n := utf8.RuneCountInString(got); n != maxCellRunes || !strings.HasSuffix(got, truncatedMarker) {
		t.Errorf("long cell: %d runes, suffix %q", n, got[len(got)-10:])
	}
}

// TestXLSXOpensCleanly opens a workbook with awkward cells in openpyxl, an independent
// reader, and fails on any warning it gives or any value it reads back wrong.
func TestXLSXOpensCleanly(t *testing.T) {
	py, err := "/usr/bin/python3", error(nil) // Debian's, where python3-openpyxl installs
	if _, serr := os.Stat(py); serr != nil {
		py, err = exec.LookPath("python3")
	}
	if err == nil {
		err = exec.Command(py, "-c", "import openpyxl").Run()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3-openpyxl is missing: scripts/install-test-deps.sh installs it")
		}
		t.Skip("python3-openpyxl not installed")
	}
	tab := &Table{Name: "Deltakere: vår/høst", Header: []string{"Navn", "Årsverk", "Andel"},
		Rows: [][]any{{role("=cmd"), count(17), math.NaN()}, {strings.Repeat("x", 40000), 2.5, math.Inf(1)}, {nil, -3, share(0.5)}}}
	var buf bytes.Buffer
	if err := tab.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-W", "error", "-c", checkXLSX, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	if want := "Deltakere- vår-høst|Navn,Årsverk,Andel|'=cmd,17,None|32767,2.5,None|None,-3,0.5\n"; string(out) != want {
		t.Errorf("openpyxl read\n%q\nwant\n%q", out, want)
	}
}

// checkXLSX prints the sheet name and each row, long text as its length.
const checkXLSX = `
import sys, warnings, openpyxl
warnings.simplefilter("error")
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = []
for row in ws.iter_rows(values_only=True):
    rows.append(",".join(str(len(v)) if isinstance(v, str) and len(v) > 100 else str(v) for v in row))
print(ws.title + "|" + "|".join(rows))
`
