package web

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// TestXLSXExportsSpeakTheReadersLanguage downloads every XLSX export of a programme, opens
// each in openpyxl with warnings as errors, and checks its sheet name and headers come from
// the Bokmål catalog, while the CSV for other systems keeps its machine headers.
func TestXLSXExportsSpeakTheReadersLanguage(t *testing.T) {
	py := "/usr/bin/python3" // Debian's, where python3-openpyxl installs
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3-openpyxl is missing: scripts/install-test-deps.sh installs it")
		}
		t.Skip("python3-openpyxl not installed")
	}
	f := newFixture(t, sqltest.OpenSQLite(t))
	admin := f.signIn(t, laeringsliv.RoleAdmin)
	prog := "/programmes/" + itoa(f.p1.ID)
	for path, want := range map[string]string{
		prog + "/reports/participation?format=xlsx": "Tabell 2 Deltakelse|Arbeidsplass,Årsverk,Påmeldt",
		prog + "/reports/evidence?format=xlsx":      "Tabell 1 Empiri|Arbeidsplass,Samling,Type",
		prog + "/reports/progress?format=xlsx":      "Framdrift|År,Påmeldte deltakere",
		prog + "/exam-list?format=xlsx":             "Eksamensliste|Arbeidsplass,Person,Nivå",
	} {
		resp, body := f.do(t, admin, http.MethodGet, path, nil)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", path, resp.StatusCode)
			continue
		}
		file := filepath.Join(t.TempDir(), "x.xlsx")
		must(t, os.WriteFile(file, []byte(body), 0o600))
		out, err := exec.Command(py, "-W", "error", "-c", readXLSXHeader, file).CombinedOutput()
		if err != nil || !strings.HasPrefix(string(out), want) || strings.Contains(string(out), "export.") {
			t.Errorf("%s: openpyxl said %q (%v), want prefix %q", path, out, err, want)
		}
	}
	_, csv := f.do(t, admin, http.MethodGet, prog+"/reports/participation?format=csv", nil)
	if !strings.HasPrefix(csv, "\uFEFFworkplace,ftes,enrolled") {
		t.Errorf("CSV headers changed: %q", csv[:min(len(csv), 60)])
	}
}

const readXLSXHeader = `
import sys, warnings, openpyxl
warnings.simplefilter("error")
ws = openpyxl.load_workbook(sys.argv[1]).active
first = next(ws.iter_rows(values_only=True))
print(ws.title + "|" + ",".join(str(v) for v in first))
`
