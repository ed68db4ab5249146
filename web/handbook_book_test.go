package web

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// startChapter starts the programme's handbook with one chapter and returns the chapter's path.
func (f *fixture) startChapter(t *testing.T, c *http.Client, title string) (base, chapter string) {
	t.Helper()
	base = "/programmes/" + itoa(f.p1.ID) + "/handbook"
	f.do(t, c, http.MethodPost, base, url.Values{"title": {"Håndbok"}})
	resp, _ := f.do(t, c, http.MethodPost, base+"/chapters", url.Values{"title": {title}})
	return base, resp.Header.Get("Location")
}

var imageRef = regexp.MustCompile(`!\[Flippover med tre ideer\]\(image:(\d+)\)`)

// TestHandbookImage uploads an image into a chapter from the chapter's form: without alt text
// it is refused with the chapter's text and the alt field as typed; a file that is no image is
// refused; with alt text it is stored, its Markdown added to the text, and it shows in the
// draft and, once published, at the public address, with its alt text.
func TestHandbookImage(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	author := f.signIn(t, laeringsliv.RoleTeacher)
	base, chapter := f.startChapter(t, author, "Idéfangst")
	fields := [][2]string{{"base", "0"}, {"lang", "nb"}, {"title", "Idéfangst"}, {"body", "Teksten jeg skrev."}, {"alt", ""}}
	resp, page := f.postForm(t, author, chapter, fields, "image", "tavle.png", bytes.NewReader(pngImage(t, 8, 6)))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Beskriv bildet") ||
		!strings.Contains(page, "Teksten jeg skrev.") {
		t.Fatalf("no alt text: %d", resp.StatusCode)
	}
	fields[4][1] = "Flippover med tre ideer"
	resp, page = f.postForm(t, author, chapter, fields, "image", "tavle.png", strings.NewReader("MZ not an image at all"))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "JPEG, PNG eller WebP") ||
		!strings.Contains(page, `value="Flippover med tre ideer"`) {
		t.Fatalf("not an image: %d", resp.StatusCode)
	}
	resp, page = f.postForm(t, author, chapter, fields, "image", "tavle.png", bytes.NewReader(pngImage(t, 8, 6)))
	m := imageRef.FindStringSubmatch(page)
	if resp.StatusCode != http.StatusOK || m == nil || !strings.Contains(page, "Teksten jeg skrev.") {
		t.Fatalf("upload: %d, image Markdown missing", resp.StatusCode)
	}
	draftSrc := base + "/images/" + m[1]
	if _, page := f.do(t, author, http.MethodGet, base, nil); !strings.Contains(page, `src="`+draftSrc+`" alt="Flippover med tre ideer"`) {
		t.Errorf("the handbook page does not show the image")
	}
	if resp, _ := f.do(t, f.signIn(t, laeringsliv.RoleParticipant), http.MethodGet, draftSrc, nil); resp.StatusCode != http.StatusOK ||
		resp.Header.Get("Content-Type") != "image/png" {
		t.Errorf("draft image: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	h, err := f.db.FindProgrammeHandbook(t.Context(), f.p1.ID)
	must(t, err)
	public := "/handbooks/" + itoa(h.ID) + "/images/" + m[1]
	if resp, _ := f.do(t, f.client(t), http.MethodGet, public, nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unpublished handbook's image: %d", resp.StatusCode)
	}
	f.do(t, author, http.MethodPost, base+"/publish", url.Values{"published": {"1"}})
	if resp, _ := f.do(t, f.client(t), http.MethodGet, public, nil); resp.StatusCode != http.StatusOK {
		t.Errorf("published image: %d", resp.StatusCode)
	}
	if _, page := f.do(t, f.client(t), http.MethodGet, "/handbooks/"+itoa(h.ID), nil); !strings.Contains(page, `src="`+public+`"`) {
		t.Errorf("the public handbook does not show the image")
	}
}

// TestHandbookLanguages writes a chapter's Nynorsk version beside the Bokmål original: a
// reader who asks for Nynorsk reads it, marked lang="nn" only where the page is in another
// language; an English reader gets the original, marked lang="nb"; a stale save of the
// translation is refused with the text kept.
func TestHandbookLanguages(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	author := f.signIn(t, laeringsliv.RoleTeacher)
	base, chapter := f.startChapter(t, author, "Vaktskifte")
	f.do(t, author, http.MethodPost, chapter, url.Values{"base": {"0"}, "title": {"Vaktskifte"}, "body": {"Rapporten ved vaktskiftet."}})
	_, page := f.do(t, author, http.MethodGet, chapter+"?lang=nn", nil)
	if !strings.Contains(page, `name="lang" value="nn"`) {
		t.Fatalf("the Nynorsk editor lacks its language")
	}
	tr := url.Values{"base": {"0"}, "lang": {"nn"}, "title": {"Vaktbyte"}, "body": {"Rapporten ved vaktbytet."}}
	if resp, _ := f.do(t, author, http.MethodPost, chapter, tr); resp.StatusCode != http.StatusOK {
		t.Fatalf("save Nynorsk: %d", resp.StatusCode)
	}
	tr.Set("body", "Ein eldre tekst.")
	if resp, page := f.do(t, author, http.MethodPost, chapter, tr); resp.StatusCode != http.StatusConflict && resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "Ein eldre tekst.") {
		t.Errorf("stale translation: %d", resp.StatusCode)
	}
	f.do(t, author, http.MethodPost, base+"/publish", url.Values{"published": {"1"}})
	h, err := f.db.FindProgrammeHandbook(t.Context(), f.p1.ID)
	must(t, err)
	public := "/handbooks/" + itoa(h.ID)
	reader := func(lang string) string {
		req, err := http.NewRequest(http.MethodGet, f.srv.URL+public, nil)
		must(t, err)
		req.Header.Set("Accept-Language", lang)
		resp, err := f.client(t).Do(req)
		must(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		must(t, err)
		return string(b)
	}
	sectionLang := regexp.MustCompile(`<section[^>]* lang="(\w+)"`)
	if p := reader("nn"); !strings.Contains(p, "Rapporten ved vaktbytet.") || sectionLang.MatchString(p) {
		t.Errorf("the Nynorsk reader does not get the Nynorsk chapter")
	}
	if p := reader("en"); !strings.Contains(p, "Rapporten ved vaktskiftet.") || sectionLang.FindStringSubmatch(p) == nil ||
		sectionLang.FindStringSubmatch(p)[1] != "nb" {
		t.Errorf("the English reader does not get the original marked as Bokmål")
	}
	if p := reader("nb"); !strings.Contains(p, "Rapporten ved vaktskiftet.") {
		t.Errorf("the Bokmål reader does not get the original")
	}
}

// TestHandbookNamedAuthor: a leader names a participant of the workplace as an author, who
// may then write a chapter; until then the participant may not.
func TestHandbookNamedAuthor(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	_, chapter := f.startChapter(t, teacher, "Våre erfaringer")
	participant := f.signIn(t, laeringsliv.RoleParticipant)
	if resp, _ := f.do(t, participant, http.MethodGet, chapter, nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an unnamed participant opens the editor: %d", resp.StatusCode)
	}
	leader := f.signIn(t, laeringsliv.RoleLeader)
	base := "/programmes/" + itoa(f.p1.ID) + "/handbook"
	person := itoa(f.people[laeringsliv.RoleParticipant].ID)
	if _, page := f.do(t, leader, http.MethodGet, base, nil); !strings.Contains(page, `<option value="`+person+`"`) {
		t.Fatalf("the leader is not offered the participant")
	}
	if resp, _ := f.do(t, leader, http.MethodPost, base+"/authors", url.Values{"person": {person}, "author": {"1"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("name author: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, leader, http.MethodPost, base+"/authors", url.Values{"person": {itoa(f.people[laeringsliv.RoleTeacher].ID)}, "author": {"1"}}); resp.StatusCode == http.StatusSeeOther {
		t.Errorf("a leader named someone who is not a participant of their workplace")
	}
	resp, page := f.do(t, participant, http.MethodPost, chapter, url.Values{"base": {"0"}, "title": {"Våre erfaringer"}, "body": {"Skrevet av en deltaker."}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "Skrevet av en deltaker.") {
		t.Errorf("the named participant's save: %d", resp.StatusCode)
	}
}
