package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore"
)

// demoDB seeds the demo into a fresh SQLite file and returns it with its path.
func demoDB(t *testing.T) (*sqlstore.DB, string, *demo.Result) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cheap := func(string) (string, error) { return "not-a-hash", nil }
	res, err := demo.Seed(ctx, demo.Services{Org: db, People: db, Members: db, Auth: db,
		Innovations: db, Timeline: db, Participation: db, Study: db}, cheap)
	if err != nil {
		t.Fatal(err)
	}
	return db, path, res
}

// TestReportParticipation runs the report on the demo database and gets the article's Table 2,
// computed from the demo's memberships, approvals, exam registrations and innovations; then it
// drops one innovation and sees the table follow.
func TestReportParticipation(t *testing.T) {
	db, path, res := demoDB(t)
	env := map[string]string{"LAERINGSLIV_DATABASE": path}
	code, out, errOut := cli(t, env, "", "report", "participation", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(out, "\uFEFF")), "\r\n")
	want := []string{
		"workplace,ftes,enrolled,approved,exam_bachelor,exam_master,innovations",
		"Lyngtunet bofellesskap,17,15,15,4,0,3",
		"Fjordtun interkommunale bofellesskap,30,27,14,9,3,2",
		"Hjemmetjenesten i Fjellbu,17,19,15,10,5,5",
		"Solåsen bo- og aktivitetssenter,34,21,19,14,7,8",
		"Total,98,82,63,37,15,18",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("report:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}

	// Drop one of Lyngtunet's innovations: its row and the total follow.
	ctx := context.Background()
	list, err := db.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: res.WorkplaceIDs[0]})
	if err != nil {
		t.Fatal(err)
	}
	list[0].Status = laeringsliv.InnovationDropped
	if err := db.UpdateInnovation(ctx, list[0], 0); err != nil {
		t.Fatal(err)
	}
	_, out, _ = cli(t, env, "", "report", "participation", "--format", "json")
	if !strings.Contains(out, `"innovations": 2`) || !strings.Contains(out, `"innovations": 17`) {
		t.Fatalf("after dropping one innovation:\n%s", out)
	}
	code, out, _ = cli(t, env, "", "report", "participation", "--format", "xlsx")
	if code != 0 || !strings.HasPrefix(out, "PK") {
		t.Fatalf("xlsx: exit %d, %q...", code, out[:min(len(out), 10)])
	}
	if code, _, _ := cli(t, env, "", "report", "participation", "--format", "pdf"); code != 2 {
		t.Fatalf("--format pdf: exit %d, want 2", code)
	}
	if code, _, _ := cli(t, env, "", "report", "participation", "--programme", "x"); code != 2 {
		t.Fatalf("--programme x: exit %d, want 2", code)
	}
}

// TestReportEvidence prints Table 1 of the demo: every exam paper of Table 2 (37 bachelor,
// 15 master) appears, at the evaluation and master gatherings.
func TestReportEvidence(t *testing.T) {
	_, path, _ := demoDB(t)
	env := map[string]string{"LAERINGSLIV_DATABASE": path}
	code, out, errOut := cli(t, env, "", "report", "evidence", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(out, "\uFEFF")), "\r\n")
	t.Logf("Table 1 of the demo:\n%s", strings.Join(lines, "\n"))
	if lines[0] != "workplace,gathering,kind,starts_on,reflection_logs,ipe_notes,presentations,videos,evaluations,exam_papers" {
		t.Fatalf("header %s", lines[0])
	}
	total := strings.Split(lines[len(lines)-1], ",")
	if total[0] != "Total" || total[9] != "52" || total[4] == "0" || total[6] == "0" {
		t.Fatalf("total %v", total)
	}
	if !strings.Contains(out, "Lyngtunet bofellesskap,Evalueringssamling,evaluation,") {
		t.Fatalf("no evaluation gathering:\n%s", out)
	}
	if code, _, _ := cli(t, env, "", "report", "evidence", "--format", "pdf"); code != 2 {
		t.Fatalf("--format pdf: exit %d, want 2", code)
	}
}
