package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore"
)

func programmeCount(t *testing.T, path string) int {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	insts, err := db.FindInstitutions(context.Background())
	if err != nil || len(insts) == 0 {
		t.Fatal(insts, err)
	}
	progs, err := db.FindProgrammes(context.Background(), insts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(progs)
}

func TestCLIProgrammeTemplate(t *testing.T) {
	path := demoDatabase(t)
	var by string
	for _, l := range demo.Logins() {
		if l.Role == laeringsliv.RoleTeacher {
			by = l.Email
		}
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "mal.json")
	code, _, errOut := cli(t, nil, "", "programme", "export-template", "--programme", "1", "--output", file, "--database", path)
	if code != 0 {
		t.Fatalf("export-template: exit %d: %s", code, errOut)
	}
	code, out, errOut := cli(t, nil, "", "programme", "export-template", "--programme", "1", "--database", path)
	written, _ := os.ReadFile(file)
	if code != 0 || !bytes.Equal([]byte(out), written) || !strings.Contains(out, `"format": "laeringsliv-programme-template"`) {
		t.Fatalf("export-template to standard output: exit %d: %s", code, errOut)
	}

	code, out, errOut = cli(t, nil, "", "programme", "import-template", "--by", by, "--name", "Heltidskultur",
		"--start", "2027-09-07", "--dry-run", "--database", path, file)
	if code != 0 || !strings.HasPrefix(out, "would create Heltidskultur") || programmeCount(t, path) != 1 {
		t.Fatalf("dry run: exit %d, %q, %s", code, out, errOut)
	}
	code, out, errOut = cli(t, nil, "", "programme", "import-template", "--by", by, "--name", "Heltidskultur",
		"--start", "2027-09-07", "--database", path, file)
	if code != 0 || !strings.HasPrefix(out, "created programme 2: Heltidskultur") || !strings.Contains(out, "4 workplace(s)") || programmeCount(t, path) != 2 {
		t.Fatalf("import: exit %d, %q, %s", code, out, errOut)
	}
	// The new programme exports as the file it came from, moved and renamed.
	code, again, _ := cli(t, nil, "", "programme", "export-template", "--programme", "2", "--database", path)
	if code != 0 || !strings.Contains(again, `"title": "Heltidskultur"`) {
		t.Fatalf("export of the new programme: exit %d", code)
	}

	bad := filepath.Join(dir, "feil.json")
	if err := os.WriteFile(bad, bytes.Replace(written, []byte(`"version": 1`), []byte(`"version": 9`), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = cli(t, nil, "", "programme", "import-template", "--by", by, "--database", path, bad)
	if code != 1 || !strings.Contains(errOut, "Den leser versjon 1") || !strings.Contains(errOut, "feil.json") || !strings.Contains(errOut, "(version)") {
		t.Fatalf("wrong version: exit %d: %s", code, errOut)
	}
	code, _, errOut = cli(t, map[string]string{"LANG": "en_GB.UTF-8"}, "", "programme", "import-template", "--by", by, "--database", path, bad)
	if code != 1 || !strings.Contains(errOut, "It reads version 1") {
		t.Fatalf("wrong version in English: exit %d: %s", code, errOut)
	}
	if err := os.WriteFile(bad, []byte(`{"format": "laeringsliv-programme-template", "version": 1, "title": `), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = cli(t, nil, "", "programme", "import-template", "--by", by, "--database", path, bad)
	if code != 1 || !strings.Contains(errOut, "ikke gyldig JSON") {
		t.Fatalf("broken JSON: exit %d: %s", code, errOut)
	}
	if code, _, _ = cli(t, nil, "", "programme", "import-template", "--database", path, file); code != 2 {
		t.Errorf("without --by: exit %d, want 2", code)
	}
	if programmeCount(t, path) != 2 {
		t.Fatal("a refused file saved a programme")
	}
}
