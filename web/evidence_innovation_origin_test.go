package web

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestInnovationFromIdea keeps a note of an IPE session from the facilitator's console: it
// becomes an idea in the innovation registry, linked to its session, with nobody as its author,
// and the innovation page shows the session it came from and the session that evaluated it.
// The teacher then downloads the research export as a zip of CSV files.
func TestInnovationFromIdea(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		pr := &laeringsliv.Project{WorkplaceID: f.own.ID, Title: "Felles prosjekt"}
		must(t, db.CreateProject(ctx, pr))
		sess := &laeringsliv.IPESession{WorkplaceID: f.own.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva kan vi gjøre bedre?"}
		must(t, db.CreateIPESession(ctx, sess, []string{"Gruppe 1"}, nil))
		_, err := db.SetIPEPhase(ctx, sess.ID, laeringsliv.IPEPhaseDraft)
		must(t, err)
		note, err := db.AddIPEOralNote(ctx, sess.ID, "Lengre overlapp mellom vaktene")
		must(t, err)

		c := f.signIn(t, laeringsliv.RoleLeader)
		keep := fmt.Sprintf("/workplaces/%d/ipe/%d/ideas", f.own.ID, sess.ID)
		if resp, _ := f.do(t, c, "POST", keep, url.Values{"note": {note.ID}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("keep idea: %d", resp.StatusCode)
		}
		list, err := db.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: f.own.ID})
		must(t, err)
		if len(list) != 1 || list[0].Status != laeringsliv.InnovationIdea || list[0].CreatedBy != 0 || list[0].SessionID() != sess.ID {
			t.Fatalf("innovations after keeping a note: %+v", list)
		}
		kept := list[0]
		eval := &laeringsliv.IPESession{WorkplaceID: f.own.ID, Kind: laeringsliv.IPEKindEvaluateIdea, EvaluatesSessionID: sess.ID,
			Question: "Hvordan gikk den lengre overlappen?"}
		must(t, db.CreateIPESession(ctx, eval, []string{"Gruppe 1"}, nil))
		linked := &laeringsliv.IPESession{WorkplaceID: f.own.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva lærte nattevakten?"}
		must(t, db.CreateIPESession(ctx, linked, []string{"Gruppe 1"}, nil))
		kept.Links = append(kept.Links, laeringsliv.SourceLink{Kind: laeringsliv.SourceEvaluation, RefID: linked.ID})
		must(t, db.UpdateInnovation(ctx, kept, 0))

		base := fmt.Sprintf("/workplaces/%d/innovations", f.own.ID)
		if _, body := f.do(t, c, "GET", base, nil); !strings.Contains(body, "Lengre overlapp mellom vaktene") {
			t.Fatalf("the registry does not list the kept idea:\n%s", body)
		}
		resp, body := f.do(t, c, "GET", fmt.Sprintf("%s/%d", base, kept.ID), nil)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `id="origin"`) || !strings.Contains(body, "Lengre overlapp mellom vaktene") ||
			!strings.Contains(body, "Hva kan vi gjøre bedre?") || !strings.Contains(body, "Hvordan gikk den lengre overlappen?") ||
			!strings.Contains(body, "Hva lærte nattevakten?") {
			t.Fatalf("innovation page %d:\n%s", resp.StatusCode, body)
		}
		if evaluate := fmt.Sprintf(`/workplaces/%d/ipe/new?kind=evaluate_idea&amp;evaluates=%d"`, f.own.ID, sess.ID); !strings.Contains(body, evaluate) {
			t.Errorf("the innovation page has no link to evaluate the idea (%s)", evaluate)
		}
		if _, body := f.do(t, c, "GET", base+"/new", nil); strings.Contains(body, `name="idea_id"`) {
			t.Error("the new-innovation form still offers the former idea list")
		}
		if _, body := f.do(t, c, "GET", fmt.Sprintf("/workplaces/%d/ipe", f.own.ID), nil); strings.Contains(body, "/ipe/new?kind=evaluate_idea") {
			t.Error("the IPE page still lists a separate idea list")
		}

		teacher := f.signIn(t, laeringsliv.RoleTeacher)
		reports := fmt.Sprintf("/programmes/%d/reports", f.p1.ID)
		if _, body := f.do(t, teacher, "GET", reports, nil); !strings.Contains(body, reports+"/research") {
			t.Error("the reports page has no link to the research export")
		}
		f.runJobs(t)
		resp, _ = f.do(t, teacher, "POST", reports+"/research", url.Values{})
		job := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(job, "/jobs/") {
			t.Fatalf("research export started with %d to %q", resp.StatusCode, job)
		}
		f.waitForJob(t, job)
		if _, page := f.do(t, teacher, "GET", job, nil); !strings.Contains(page, job+"/result") {
			t.Fatalf("the finished job's page has no download:\n%s", page)
		}
		if resp, _ := f.do(t, f.signIn(t, laeringsliv.RoleLeader), "GET", job+"/result", nil); resp.StatusCode != http.StatusForbidden {
			t.Fatalf("another person fetched the teacher's export: %d", resp.StatusCode)
		}
		resp, body = f.do(t, teacher, "GET", job+"/result", nil)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/zip" {
			t.Fatalf("research export %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		z, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
		if err != nil || len(z.File) != 6 {
			t.Fatalf("zip: %v", err)
		}
	})
}
