package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

func (f *fixture) programmeCount(t *testing.T) int {
	t.Helper()
	list, err := f.db.FindProgrammes(context.Background(), f.inst.ID)
	must(t, err)
	return len(list)
}

// TestCohortFromBuiltin: a researcher previews a built-in template on a new start date, which
// saves nothing, then creates it and becomes the new programme's teacher.
func TestCohortFromBuiltin(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	resp, body := f.do(t, teacher, http.MethodGet, "/programmes/new-cohort", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Mal: Heltidskultur") || !strings.Contains(body, "Mal: Beredskap og smittevern") {
		t.Fatalf("new cohort page %d\n%s", resp.StatusCode, body)
	}
	before := f.programmeCount(t)
	q := url.Values{"source": {"builtin:heltidskultur"}, "name": {"Heltid 2028"}, "start": {"2028-01-12"}}
	for _, p := range cohortPartFields {
		q.Set("part_"+p, "1")
	}
	resp, body = f.do(t, teacher, http.MethodGet, "/programmes/new-cohort/preview?"+q.Encode(), nil)
	// 12 January 2027 was a Tuesday; the nearest Tuesday to Wednesday 12 January 2028 is the 11th.
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "tir. 12.01.2027") || !strings.Contains(body, "tir. 11.01.2028") ||
		!strings.Contains(body, "Heltid 2028") || !strings.Contains(body, `name="shift" value="364"`) {
		t.Fatalf("preview %d\n%s", resp.StatusCode, body)
	}
	if f.programmeCount(t) != before {
		t.Fatal("the preview saved a programme")
	}
	form := url.Values{"source": {"builtin:heltidskultur"}, "name": {"Heltid 2028"}, "shift": {"364"}}
	for _, p := range cohortPartFields {
		form.Set("part_"+p, "1")
	}
	resp, _ = f.do(t, teacher, http.MethodPost, "/programmes/new-cohort", form)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/programmes/") {
		t.Fatalf("create %d %q", resp.StatusCode, loc)
	}
	resp, body = f.do(t, teacher, http.MethodGet, loc, nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Heltid 2028") || !strings.Contains(body, "Arbeidsplass 1") {
		t.Fatalf("the new programme for its starter: %d\n%s", resp.StatusCode, body)
	}
	foreign := url.Values{"source": {"programme:" + itoa(f.p2.ID)}, "part_gatherings": {"1"}}
	if resp, _ := f.do(t, teacher, http.MethodGet, "/programmes/new-cohort/preview?"+foreign.Encode(), nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a teacher previews a copy of a programme they do not teach: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, teacher, http.MethodPost, "/programmes/new-cohort", foreign); resp.StatusCode != http.StatusNotFound || f.programmeCount(t) != before+1 {
		t.Errorf("a teacher copies a programme they do not teach: %d", resp.StatusCode)
	}
	participant := f.signIn(t, laeringsliv.RoleParticipant)
	if resp, _ := f.do(t, participant, http.MethodGet, loc, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a participant of another programme sees the new one: %d", resp.StatusCode)
	}
}

// TestCohortImportFile: a template file exported here starts a programme; a bad file is
// refused with what is wrong and where, in the reader's language, and nothing is saved.
func TestCohortImportFile(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	admin := f.signIn(t, laeringsliv.RoleAdmin)
	resp, doc := f.do(t, admin, http.MethodGet, "/programmes/"+itoa(f.p1.ID)+"/template", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export %d", resp.StatusCode)
	}
	if _, err := laeringsliv.ParseTemplate([]byte(doc)); err != nil {
		t.Fatalf("the exported file does not import: %v", err)
	}
	good, err := laeringsliv.FindBuiltinTemplate("beredskap-og-smittevern")
	must(t, err)
	goodDoc, err := marshalTemplate(good)
	must(t, err)
	tests := []struct {
		name, file, want string
	}{
		{"broken JSON", string(goodDoc[:200]), "Fila er ikke gyldig JSON"},
		{"wrong version", strings.Replace(string(goodDoc), `"version": 1`, `"version": 7`, 1), "Den leser versjon 1"},
		{"too large", string(goodDoc) + strings.Repeat(" ", laeringsliv.MaxTemplateBytes), "høyst 2 MB"},
		{"missing title", strings.Replace(string(goodDoc), `"title": "Beredskap og smittevern"`, `"title": ""`, 1), "mangler eller er tomt"},
		{"date out of range", strings.Replace(string(goodDoc), "2027-08-31T09:00:00+02:00", "2227-08-31T09:00:00+02:00", 1), "utenfor årene 2000–2100"},
	}
	before := f.programmeCount(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := f.postForm(t, admin, "/programmes/new-cohort/import", nil, "file", "mal.json", strings.NewReader(tt.file))
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tt.want) || !strings.Contains(body, "Ingenting er lagret.") {
				t.Fatalf("%d, want %q in\n%s", resp.StatusCode, tt.want, body)
			}
		})
	}
	resp, body := f.postForm(t, admin, "/programmes/new-cohort/import", nil, "file", "mal.json",
		strings.NewReader(strings.Replace(string(goodDoc), "2027-08-31T09:00:00+02:00", "31.08.2027", 1)))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "workplaces[0].gatherings[0].days[0].start") {
		t.Fatalf("the place of a bad date is not named: %d\n%s", resp.StatusCode, body)
	}
	if f.programmeCount(t) != before {
		t.Fatal("a refused file saved a programme")
	}

	resp, body = f.postForm(t, admin, "/programmes/new-cohort/import", [][2]string{{"name", "Smittevern 2028"}, {"start", "2028-08-29"},
		{"part_gatherings", "1"}, {"part_requirements", "1"}, {"part_syllabus", "1"}, {"part_reading", "1"}, {"part_ipe", "1"}, {"part_handbook", "1"}},
		"file", "mal.json", strings.NewReader(string(goodDoc)))
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "tir. 29.08.2028") || !strings.Contains(body, `name="document"`) {
		t.Fatalf("preview of a good file: %d\n%s", resp.StatusCode, body)
	}
	form := url.Values{"source": {"file"}, "name": {"Smittevern 2028"}, "shift": {"364"}, "part_gatherings": {"1"}, "document": {string(goodDoc)}}
	resp, _ = f.do(t, admin, http.MethodPost, "/programmes/new-cohort", form)
	if resp.StatusCode != http.StatusSeeOther || f.programmeCount(t) != before+1 {
		t.Fatalf("create from a file: %d", resp.StatusCode)
	}
	var tpl laeringsliv.ProgrammeTemplate
	must(t, json.Unmarshal([]byte(doc), &tpl))

	// Last, since choosing a language is saved for the person.
	english := f.signIn(t, laeringsliv.RoleAdmin)
	f.do(t, english, http.MethodGet, "/lang/en?next=/", nil)
	resp, body = f.postForm(t, english, "/programmes/new-cohort/import", nil, "file", "mal.json", strings.NewReader(`{"format": "laeringsliv-programme-template", "version": 2}`))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "It reads version 1") || !strings.Contains(body, "Nothing is saved.") {
		t.Fatalf("English: %d\n%s", resp.StatusCode, body)
	}
}
