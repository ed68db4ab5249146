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

// TestInnovationFromIdea records an innovation from an idea kept in an IPE session: the form
// lists the workplace's ideas, refuses another workplace's, and the innovation page shows the
// idea, its session and the session that evaluated it. The teacher then downloads the research
// export as a zip of CSV files.
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
		idea := &laeringsliv.IPEIdea{SourceSessionID: sess.ID}
		must(t, db.KeepIPEIdea(ctx, idea, note.ID))
		eval := &laeringsliv.IPESession{WorkplaceID: f.own.ID, Kind: laeringsliv.IPEKindEvaluateIdea, EvaluatesIdeaID: idea.ID,
			Question: "Hvordan gikk den lengre overlappen?"}
		must(t, db.CreateIPESession(ctx, eval, []string{"Gruppe 1"}, nil))

		c := f.signIn(t, laeringsliv.RoleLeader)
		base := fmt.Sprintf("/workplaces/%d/innovations", f.own.ID)
		resp, body := f.do(t, c, "GET", base+"/new", nil)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `name="idea_id"`) || !strings.Contains(body, "Lengre overlapp mellom vaktene") {
			t.Fatalf("form %d:\n%s", resp.StatusCode, body)
		}
		form := url.Values{"title": {"Overlapp på 30 minutter"}, "project_id": {itoa(pr.ID)}, "size": {"small"},
			"status": {"trying"}, "idea_id": {itoa(idea.ID + 1000)}}
		if resp, body := f.do(t, c, "POST", base, form); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="f-idea_id"`) {
			t.Fatalf("foreign idea: %d", resp.StatusCode)
		}
		form.Set("idea_id", itoa(idea.ID))
		resp, _ = f.do(t, c, "POST", base, form)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d", resp.StatusCode)
		}
		resp, body = f.do(t, c, "GET", resp.Header.Get("Location"), nil)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `id="origin"`) || !strings.Contains(body, "Lengre overlapp mellom vaktene") ||
			!strings.Contains(body, "Hva kan vi gjøre bedre?") || !strings.Contains(body, "Hvordan gikk den lengre overlappen?") {
			t.Fatalf("innovation page %d:\n%s", resp.StatusCode, body)
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
