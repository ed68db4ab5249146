package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
)

// demoRotaTarget returns a demo workplace's ID and two of its members' e-mails, and all
// its employee numbers.
func demoRotaTarget(t *testing.T, path string) (wp string, emails, numbers []string) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	wps, err := db.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{})
	if err != nil || len(wps) == 0 {
		t.Fatal(wps, err)
	}
	people, err := db.RotaPeople(ctx, wps[0].ID)
	if err != nil || len(people) < 2 {
		t.Fatal(people, err)
	}
	for e := range people {
		if strings.Contains(e, "@") {
			emails = append(emails, e)
		} else {
			numbers = append(numbers, e)
		}
	}
	slices.Sort(emails)
	slices.Sort(numbers)
	return strconv.FormatInt(wps[0].ID, 10), emails[:2], numbers
}

func writeRotaFile(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCLIRotaImport(t *testing.T) {
	path := demoDatabase(t)
	wp, emails, numbers := demoRotaTarget(t, path)
	bad := writeRotaFile(t, "bad.csv", "epost;dato;start;slutt;kode\n"+
		emails[0]+";02.03.2026;07:30;15:00;D\n"+
		"nobody@example.no;02.03.2026;07:30;15:00;D\n"+
		emails[1]+";2026/03/02;07:30;15:00;D\n")
	code, out, errOut := cli(t, nil, "", "rota", "import", "--workplace", wp, "--database", path, bad)
	if code != 1 || !strings.Contains(errOut, "row 3: ") || !strings.Contains(errOut, "row 4: ") || strings.Contains(errOut, "row 2:") {
		t.Fatalf("bad file: exit %d, out %q, err %q", code, out, errOut)
	}
	good := writeRotaFile(t, "good.csv", "email,date,start,end,code\n"+
		emails[0]+",2026-03-02,22:30,07:30,N\n"+emails[1]+",2026-03-02,07:30,15:00,D\n"+emails[1]+",2026-03-03,08:00,16:00,FERIE\n")
	code, out, errOut = cli(t, nil, "", "rota", "import", "--workplace", wp, "--dry-run", "--database", path, good)
	if code != 0 || !strings.HasPrefix(out, "would save") || !strings.Contains(out, "3 shifts for 2 people (1 nights, 1 leave), 16.5 hours") {
		t.Fatalf("dry run: exit %d, out %q, err %q", code, out, errOut)
	}
	code, out, errOut = cli(t, nil, "", "rota", "import", "--workplace", wp, "--database", path, good)
	if code != 0 || !strings.HasPrefix(out, "saved period ") {
		t.Fatalf("import: exit %d, out %q, err %q", code, out, errOut)
	}
	// The person column may hold employee numbers.
	byNumber := writeRotaFile(t, "by-number.csv", "ansattnr,dato,start,slutt,kode\n"+
		numbers[0]+",09.03.2026,07:30,15:00,D\n"+numbers[1]+",09.03.2026,15:00,22:30,K\n99999,10.03.2026,07:30,15:00,D\n")
	code, out, errOut = cli(t, nil, "", "rota", "import", "--workplace", wp, "--dry-run", "--database", path, byNumber)
	if code != 1 || !strings.Contains(errOut, "row 4: ") || strings.Contains(errOut, "row 2:") || strings.Contains(errOut, "row 3:") {
		t.Fatalf("by number with an unknown one: exit %d, out %q, err %q", code, out, errOut)
	}
	byNumber = writeRotaFile(t, "by-number.csv", "ansattnr,dato,start,slutt,kode\n"+
		numbers[0]+",09.03.2026,07:30,15:00,D\n"+numbers[1]+",09.03.2026,15:00,22:30,K\n")
	code, out, errOut = cli(t, nil, "", "rota", "import", "--workplace", wp, "--dry-run", "--database", path, byNumber)
	if code != 0 || !strings.Contains(out, "2 shifts for 2 people") {
		t.Fatalf("by number: exit %d, out %q, err %q", code, out, errOut)
	}
	code, _, errOut = cli(t, nil, "", "rota", "import", "--database", path, good)
	if code != 2 || !strings.Contains(errOut, "--workplace") {
		t.Fatalf("no workplace: exit %d, err %q", code, errOut)
	}
}
