package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestEvidenceReport shows Table 1 on the reports page and downloads it; a bad format is a
// clear 422, never a 500.
func TestEvidenceReport(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		start := time.Date(2017, 9, 12, 6, 30, 0, 0, time.UTC)
		g := &laeringsliv.Gathering{WorkplaceID: f.own.ID, Kind: laeringsliv.GatheringStartUp, Title: "Oppstartsamling",
			Days: []laeringsliv.GatheringDay{{Start: start, End: start.Add(7 * time.Hour)}}}
		must(t, db.CreateGathering(context.Background(), g))
		sess := &laeringsliv.IPESession{WorkplaceID: f.own.ID, GatheringID: g.ID, Kind: laeringsliv.IPEKindEvaluateGathering,
			Question: "Hvordan var dagen?"}
		must(t, db.CreateIPESession(context.Background(), sess, []string{"Gruppe 1"}, nil))

		c := f.signIn(t, laeringsliv.RoleTeacher)
		base := fmt.Sprintf("/programmes/%d/reports", f.p1.ID)
		resp, body := f.do(t, c, "GET", base, nil)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `id="table1"`) || !strings.Contains(body, "Oppstartsamling") ||
			!strings.Contains(body, `id="chart-evidence-title"`) {
			t.Fatalf("reports page %d:\n%s", resp.StatusCode, body)
		}
		resp, body = f.do(t, c, "GET", base+"/evidence?format=csv", nil)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "\ufeffworkplace,gathering,") ||
			!strings.Contains(body, "Solsiden bofellesskap,Oppstartsamling,start_up,2017-09-12,0,0,0,0,1,0") ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "table1.csv") {
			t.Fatalf("csv %d %q", resp.StatusCode, body)
		}
		resp, body = f.do(t, c, "GET", base+"/evidence?format=xlsx", nil)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "PK") {
			t.Fatalf("xlsx %d", resp.StatusCode)
		}
		resp, body = f.do(t, c, "GET", base+"/progress", nil)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "<th scope=\"row\">2017</th>") || !strings.Contains(body, "/reports/progress?format=xlsx") {
			t.Fatalf("progress page %d:\n%s", resp.StatusCode, body)
		}
		resp, body = f.do(t, c, "GET", base+"/progress?format=csv", nil)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "\ufeffyear,participants_enrolled,") || !strings.Contains(body, "\r\n2017,") {
			t.Fatalf("progress csv %d %q", resp.StatusCode, body)
		}
		if resp, _ := f.do(t, c, "GET", base+"/progress?format=doc", nil); resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("progress format doc: %d", resp.StatusCode)
		}
		for _, bad := range []string{"json", "pdf", "%00"} {
			if resp, _ := f.do(t, c, "GET", base+"/evidence?format="+bad, nil); resp.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("format %q: %d", bad, resp.StatusCode)
			}
		}
	})
}
