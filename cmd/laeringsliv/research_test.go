package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/report"
	"laeringsliv/sqlstore"
)

// plantedID returns a valid synthetic Norwegian identity number.
func plantedID(t *testing.T) string {
	t.Helper()
	for n := 1509800000; n < 1509899999; n++ {
		if s := strconv.Itoa(n) + "0"; report.ValidIdentityNumber(s) {
			return s
		}
	}
	t.Fatal("no valid identity number")
	return ""
}

// TestResearchExportOfDemo builds the research export from the whole demo, with a real-looking
// name and a valid identity number planted in free text, and reads every file of the zip: no
// person's name and no identity number is left, and people who did not consent are left out.
func TestResearchExportOfDemo(t *testing.T) {
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cheap := func(string) (string, error) { return "not-a-hash", nil }
	res, err := demo.Seed(ctx, demo.Services{Org: db, People: db, Members: db, Auth: db, Innovations: db, Timeline: db,
		Participation: db, Reading: db, IPE: db, Study: db, Research: db}, cheap)
	if err != nil {
		t.Fatal(err)
	}
	planted := &laeringsliv.Person{InstitutionID: res.InstitutionID, Name: "Ingrid Marie Haugland",
		Email: "ingrid.haugland@example.no", Profession: laeringsliv.ProfessionHealthWorker, PositionPct: 80}
	if err := db.CreatePerson(ctx, planted); err != nil {
		t.Fatal(err)
	}
	id := plantedID(t)
	list, err := db.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: res.WorkplaceIDs[0]})
	if err != nil || len(list) == 0 {
		t.Fatalf("innovations: %v %d", err, len(list))
	}
	inv := list[0]
	inv.Description += " Ingrid Haugland foreslo dette etter samtalen om beboeren med fødselsnummer " +
		id[:6] + " " + id[6:] + " og " + id + "; Hauglands vakt prøver det først."
	if err := db.UpdateInnovation(ctx, inv, 0); err != nil {
		t.Fatal(err)
	}

	key, err := db.ResearchKey(ctx, res.ProgrammeID)
	if err != nil {
		t.Fatal(err)
	}
	data, err := db.ResearchData(ctx, res.ProgrammeID)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteResearchZip(&buf, report.ResearchExport(key, data)); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	banned := []string{"haugland", "ingrid marie", id, id[:6] + " " + id[6:]}
	for _, p := range data.People {
		banned = append(banned, strings.ToLower(p.Name))
	}
	rows := map[string]int{}
	var all strings.Builder
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		text := strings.ToLower(string(b))
		all.WriteString(text)
		records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		rows[f.Name] = len(records) - 1
		for _, name := range banned {
			if strings.Contains(text, name) {
				t.Errorf("%s holds %q", f.Name, name)
			}
		}
	}
	t.Logf("rows per file: %v", rows)
	for _, name := range []string{"reflection_logs.csv", "final_evaluations.csv", "ipe_notes.csv", "ipe_reflections.csv",
		"innovations.csv", "reading_answers.csv"} {
		if _, ok := rows[name]; !ok {
			t.Errorf("zip has no %s", name)
		}
	}
	if rows["innovations.csv"] != 18+countUncounted(t, db, res) || rows["ipe_notes.csv"] == 0 {
		t.Errorf("datasets too small: %v", rows)
	}
	if !strings.Contains(all.String(), strings.ToLower(report.Redacted)) {
		t.Error("the planted identity number was not redacted")
	}
}

// countUncounted returns the demo's innovations that Table 2 does not count (ideas, dropped).
func countUncounted(t *testing.T, db *sqlstore.DB, res *demo.Result) int {
	t.Helper()
	list, err := db.FindInnovations(context.Background(), laeringsliv.InnovationFilter{ProgrammeID: res.ProgrammeID})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, i := range list {
		if !i.Status.Counts() {
			n++
		}
	}
	return n
}
