package main

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"laeringsliv/demo"
	"laeringsliv/sqlstore"
)

// demoDatabase returns the path of a SQLite database seeded with the demo data.
func demoDatabase(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cheap := func(string) (string, error) { return "not-a-real-hash", nil } // no sign-in here
	if _, err := demo.Seed(ctx, demo.Services{Org: db, People: db, Members: db, Auth: db, Study: db}, cheap); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCLIExportExamList(t *testing.T) {
	path := demoDatabase(t)
	code, out, errOut := cli(t, nil, "", "export", "exam-list", "--database", path, "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "\uFEFF") {
		t.Fatal("CSV has no byte-order mark")
	}
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "workplace,person,level,requirements_approved,admission_basis,eligible"
	if got := strings.Join(records[0][:6], ","); got != want {
		t.Fatalf("header %q, want %q first", got, want)
	}
	eligible := map[string]int{}
	for _, r := range records[1:] {
		if r[5] == "yes" {
			eligible[r[2]]++
		}
	}
	if eligible["bachelor"] != 37 || eligible["master"] != 15 {
		t.Fatalf("eligible rows %v, want 37 bachelor and 15 master", eligible)
	}
	if !strings.Contains(out, "Solåsen") {
		t.Error("æøå lost in the CSV")
	}

	xlsx := filepath.Join(t.TempDir(), "exam.xlsx")
	if code, _, errOut := cli(t, nil, "", "export", "exam-list", "--database", path, "--format", "xlsx", "--output", xlsx); code != 0 {
		t.Fatalf("xlsx: exit %d: %s", code, errOut)
	}
	if zr, err := zip.OpenReader(xlsx); err != nil {
		t.Fatalf("xlsx is not a zip: %v", err)
	} else {
		zr.Close()
	}
	if code, _, _ := cli(t, nil, "", "export", "exam-list", "--database", path, "--output", xlsx); code == 0 {
		t.Error("an existing output file was overwritten")
	}
}

func TestCLIExportUsage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	if code, _, errOut := cli(t, nil, "", "migrate", "--database", path); code != 0 { // an empty database
		t.Fatalf("migrate: %d %s", code, errOut)
	}
	for _, args := range [][]string{
		{"export"}, {"export", "nothing"}, {"export", "exam-list", "--database", path, "--format", "pdf"},
	} {
		if code, _, _ := cli(t, nil, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, errOut := cli(t, nil, "", "export", "exam-list", "--database", path); code != 1 || !strings.Contains(errOut, "no institution") {
		t.Errorf("empty database: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(path); err != nil {
		t.Error(err)
	}
}
