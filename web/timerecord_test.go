package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// fillTimeRecord gives the route walk a time record of the fixture's participant in the
// workplace, so that the participant reaches it in their own workplace.
func (f *fixture) fillTimeRecord(t *testing.T, path string, wp *laeringsliv.Workplace) string {
	if !strings.Contains(path, "{record}") {
		return path
	}
	rec := &laeringsliv.TimeRecord{WorkplaceID: wp.ID, PersonID: f.people[laeringsliv.RoleParticipant].ID,
		Day: time.Date(2018, 1, 10, 0, 0, 0, 0, time.UTC), Minutes: 30, Activity: laeringsliv.TimeStudy}
	must(t, f.db.CreateTimeRecord(context.Background(), rec))
	return strings.Replace(path, "{record}", itoa(rec.ID), 1)
}

// A participant records time on the phone's quick form, sees and changes it, and deletes it;
// a refused entry keeps what was typed with a message beside the field; a colleague cannot
// reach the entry; the leader sees only the month's sums, and Table 2 and the progress report
// show the share of own time.
func TestTimeRecordsOverHTTP(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	base := "/workplaces/" + itoa(f.own.ID) + "/time"
	kari := f.signIn(t, laeringsliv.RoleParticipant)
	today := time.Now().In(laeringsliv.Norway()).Format("2006-01-02")
	if resp, page := f.do(t, kari, http.MethodGet, base, nil); resp.StatusCode != 200 || !strings.Contains(page, `value="`+today+`"`) {
		t.Fatalf("empty page: %d", resp.StatusCode)
	}
	resp, page := f.do(t, kari, http.MethodPost, base, url.Values{"day": {today}, "minutes": {"ti"}, "activity": {"study"},
		"source": {"own"}, "note": {"Leste om MDI"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Skriv minutter som et tall") ||
		!strings.Contains(page, `value="ti"`) || !strings.Contains(page, `value="Leste om MDI"`) || !strings.Contains(page, `id="f-source-own" name="source" value="own" checked`) {
		t.Fatalf("refused entry: %d\n%s", resp.StatusCode, page)
	}
	for _, v := range []url.Values{
		{"day": {today}, "minutes": {"1:30"}, "activity": {"study"}, "source": {"own"}, "note": {"Leste om MDI"}},
		{"day": {today}, "minutes": {"30"}, "activity": {"innovation"}, "source": {"work"}},
	} {
		if resp, _ := f.do(t, kari, http.MethodPost, base, v); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("record: %d", resp.StatusCode)
		}
	}
	_, page = f.do(t, kari, http.MethodGet, base, nil)
	if !strings.Contains(page, "Til sammen 0,5 timer i arbeidstida og 1,5 timer i fritida") {
		t.Fatalf("list:\n%s", page)
	}
	list, err := f.db.FindTimeRecords(ctx, f.people[laeringsliv.RoleParticipant].ID, f.own.ID)
	must(t, err)
	rec := base + "/" + itoa(list[0].ID)
	if resp, page := f.do(t, kari, http.MethodGet, rec, nil); resp.StatusCode != 200 || !strings.Contains(page, `action="`+rec+`"`) {
		t.Fatalf("edit page: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, kari, http.MethodPost, rec, url.Values{"day": {today}, "minutes": {"40"}, "activity": {"study"}, "source": {"work"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("update: %d", resp.StatusCode)
	}
	// A colleague of the same workplace finds nothing at the entry's address.
	ola := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Ola", Email: "ola@fjordvik.kommune.no"}
	must(t, f.db.CreatePerson(ctx, ola))
	must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: ola.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: f.own.ID}))
	colleague := f.signInAs(t, ola)
	for _, try := range []struct{ method, path string }{{http.MethodGet, rec}, {http.MethodPost, rec}, {http.MethodPost, rec + "/delete"}} {
		if resp, _ := f.do(t, colleague, try.method, try.path, url.Values{"day": {today}, "minutes": {"1"}, "activity": {"study"}, "source": {"work"}}); resp.StatusCode != http.StatusNotFound {
			t.Errorf("colleague %s %s: %d", try.method, try.path, resp.StatusCode)
		}
	}
	if _, page := f.do(t, colleague, http.MethodGet, base, nil); strings.Contains(page, "Leste om MDI") {
		t.Error("a colleague sees another's entry")
	}

	leader := f.signIn(t, laeringsliv.RoleLeader)
	resp, page = f.do(t, leader, http.MethodGet, base+"/shares", nil)
	if resp.StatusCode != 200 || !strings.Contains(page, "<td class=\"app-num\">0,7</td><td class=\"app-num\">1,5</td><td class=\"app-num\">69 %</td>") ||
		!strings.Contains(page, `role="img"`) || strings.Contains(page, "Leste om MDI") {
		t.Fatalf("shares: %d\n%s", resp.StatusCode, page)
	}
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	for _, path := range []string{"/programmes/" + itoa(f.p1.ID) + "/reports", "/programmes/" + itoa(f.p1.ID) + "/reports/progress"} {
		if resp, page := f.do(t, teacher, http.MethodGet, path, nil); resp.StatusCode != 200 || !strings.Contains(page, "Hvor timene kom fra") ||
			!strings.Contains(page, "Andel fritid") {
			t.Errorf("%s: %d, no share of own time", path, resp.StatusCode)
		}
	}
	if resp, _ := f.do(t, kari, http.MethodPost, rec+"/delete", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", resp.StatusCode)
	}
	if _, err := f.db.FindTimeRecord(ctx, list[0].ID); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
		t.Fatalf("deleted: %v", err)
	}
}
