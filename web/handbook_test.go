package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// TestHandbookEditing starts a handbook, adds a chapter, saves it from two authors against the
// same version, and checks that both edits are kept and the versions can be compared.
func TestHandbookEditing(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	c := f.signIn(t, laeringsliv.RoleTeacher)
	base := "/programmes/" + itoa(f.p1.ID) + "/handbook"
	resp, _ := f.do(t, c, http.MethodPost, base, url.Values{"title": {"Håndbok for MDI"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create handbook: %d", resp.StatusCode)
	}
	resp, _ = f.do(t, c, http.MethodPost, base+"/chapters", url.Values{"title": {"Innledning"}})
	chapter := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(chapter, base+"/chapters/") {
		t.Fatalf("create chapter: %d %q", resp.StatusCode, chapter)
	}
	save := func(body, version string) (int, string) {
		resp, page := f.do(t, c, http.MethodPost, chapter, url.Values{"title": {"Innledning"}, "body": {body}, "base": {version}})
		return resp.StatusCode, page
	}
	if code, _ := save("Første avsnitt.\n\nAndre avsnitt.\n", "0"); code != http.StatusOK {
		t.Fatalf("first save: %d", code)
	}
	save("Første avsnitt, skrevet om.\n\nAndre avsnitt.\n", "1")
	code, page := save("Første avsnitt.\n\nAndre avsnitt og mer.\n", "1") // the second author, late
	if code != http.StatusOK || !strings.Contains(page, "Første avsnitt, skrevet om.\n\nAndre avsnitt og mer.") {
		t.Errorf("late save: %d, merged text missing", code)
	}
	if code, page := save("{{innovation x}}", "3"); code != http.StatusUnprocessableEntity || !strings.Contains(page, "aria-invalid") {
		t.Errorf("bad embed: %d", code)
	}
	_, page = f.do(t, c, http.MethodGet, chapter+"/versions/3", nil)
	if !strings.Contains(page, "<del>- Andre avsnitt.</del>") || !strings.Contains(page, "<ins>+ Andre avsnitt og mer.</ins>") {
		t.Errorf("diff page lacks the changed line:\n%s", page)
	}
	_, page = f.do(t, f.signIn(t, laeringsliv.RoleParticipant), http.MethodGet, base, nil)
	if !strings.Contains(page, "<p>Første avsnitt, skrevet om.</p>") || strings.Contains(page, "/chapters/") {
		t.Errorf("participant's handbook page: rendered chapter missing or edit link shown")
	}
}

// TestHandbookFeedback opens a draft, has a participant mark a passage anonymously, and has
// the author see the mark in the margin and resolve it; the store keeps no person for it.
func TestHandbookFeedback(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	author := f.signIn(t, laeringsliv.RoleTeacher)
	reader := f.signIn(t, laeringsliv.RoleParticipant)
	base := "/programmes/" + itoa(f.p1.ID) + "/handbook"
	f.do(t, author, http.MethodPost, base, url.Values{"title": {"Håndbok"}})
	resp, _ := f.do(t, author, http.MethodPost, base+"/chapters", url.Values{"title": {"Innledning"}})
	chapter := resp.Header.Get("Location")
	f.do(t, author, http.MethodPost, chapter, url.Values{"title": {"Innledning"}, "body": {"Vi møttes hver uke."}, "base": {"0"}})
	if resp, _ := f.do(t, reader, http.MethodGet, base+"/draft", nil); resp.StatusCode != http.StatusConflict {
		t.Errorf("closed draft: %d", resp.StatusCode)
	}
	f.do(t, author, http.MethodPost, base+"/feedback", url.Values{"open": {"1"}})
	_, page := f.do(t, reader, http.MethodGet, base+"/draft", nil)
	if !strings.Contains(page, "Vi møttes hver uke.") || !strings.Contains(page, `name="anonymous"`) {
		t.Fatalf("draft page lacks the chapter or the anonymous choice")
	}
	resp, _ = f.do(t, reader, http.MethodPost, chapter+"/marks", url.Values{"passage": {"Vi møttes hver uke."},
		"kind": {"unclear"}, "comment": {"Hvem er vi?"}, "anonymous": {"1"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark: %d", resp.StatusCode)
	}
	id, _ := pathID(strings.TrimPrefix(chapter, base+"/chapters/"))
	marks, err := f.db.FindMarks(t.Context(), id)
	must(t, err)
	if len(marks) != 1 || marks[0].PersonID != 0 {
		t.Fatalf("marks = %+v", marks)
	}
	_, page = f.do(t, author, http.MethodGet, chapter, nil)
	if !strings.Contains(page, "Hvem er vi?") || !strings.Contains(page, "/marks/"+marks[0].ID+"/resolve") {
		t.Errorf("the margin lacks the mark")
	}
	_, page = f.do(t, author, http.MethodGet, base, nil)
	if !strings.Contains(page, "app-handbook-summary") {
		t.Errorf("the handbook page lacks the summary")
	}
	f.do(t, author, http.MethodPost, chapter+"/marks/"+marks[0].ID+"/resolve", url.Values{})
	if marks, _ := f.db.FindMarks(t.Context(), id); !marks[0].Resolved {
		t.Errorf("mark not resolved")
	}
}

// TestPublishedHandbook publishes a handbook and reads it without an account, with a search.
func TestPublishedHandbook(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	author := f.signIn(t, laeringsliv.RoleTeacher)
	base := "/programmes/" + itoa(f.p1.ID) + "/handbook"
	f.do(t, author, http.MethodPost, base, url.Values{"title": {"Håndbok for MDI"}})
	resp, _ := f.do(t, author, http.MethodPost, base+"/chapters", url.Values{"title": {"Vaktskifte"}})
	f.do(t, author, http.MethodPost, resp.Header.Get("Location"), url.Values{"title": {"Vaktskifte"}, "body": {"Rapporten ved **vaktskiftet**."}, "base": {"0"}})
	h, err := f.db.FindProgrammeHandbook(t.Context(), f.p1.ID)
	must(t, err)
	public := "/handbooks/" + itoa(h.ID)
	if resp, _ := f.do(t, f.client(t), http.MethodGet, public, nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unpublished handbook: %d", resp.StatusCode)
	}
	f.do(t, author, http.MethodPost, base+"/publish", url.Values{"published": {"1"}})
	resp, page := f.do(t, f.client(t), http.MethodGet, public+"?q=vaktskift", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "<strong>vaktskiftet</strong>") ||
		!strings.Contains(page, "handbook.css") || !strings.Contains(page, `role="status"`) {
		t.Errorf("published handbook: %d", resp.StatusCode)
	}
	if _, page := f.do(t, f.client(t), http.MethodGet, "/login", nil); !strings.Contains(page, `href="`+public+`"`) {
		t.Errorf("the sign-in page does not link to the published handbook")
	}
	resp, page = f.do(t, f.client(t), http.MethodGet, "/handbooks/sw.js", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "javascript") ||
		!strings.Contains(page, "caches.open") {
		t.Errorf("service worker: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}
