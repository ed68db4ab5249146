package web

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// fillReadingPath replaces the reading workshop's path parameters with a syllabus text of the
// programme and a workshop of the workplace whose one group holds a participant: the fixture's
// own participant in the own workplace, a fresh one in a foreign workplace.
func (f *fixture) fillReadingPath(t *testing.T, path string, wp *laeringsliv.Workplace, prog *laeringsliv.Programme) string {
	t.Helper()
	ctx := context.Background()
	if strings.Contains(path, "{text}") {
		s := &laeringsliv.SyllabusText{ProgrammeID: prog.ID, Title: "Tekst", Authors: "A", Year: 2016,
			Language: laeringsliv.LanguageDanish, Pages: 10}
		must(t, f.db.CreateSyllabusText(ctx, s))
		path = strings.Replace(path, "{text}", itoa(s.ID), 1)
	}
	if !strings.Contains(path, "{workshop}") {
		return path
	}
	member := f.people[laeringsliv.RoleParticipant]
	if wp.ID != f.own.ID {
		member = &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Deltaker", Email: laeringsliv.NewToken()[:12] + "@x.no"}
		must(t, f.db.CreatePerson(ctx, member))
		must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: member.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: wp.ID}))
	}
	ws := &laeringsliv.Workshop{WorkplaceID: wp.ID, Title: "Leseverksted", Grouping: laeringsliv.GroupingRandom}
	g := &laeringsliv.ReadingGroup{Number: 1, MemberIDs: []int64{member.ID}}
	must(t, f.db.CreateWorkshop(ctx, ws, []*laeringsliv.ReadingGroup{g}))
	path = strings.Replace(path, "{workshop}", itoa(ws.ID), 1)
	return strings.Replace(path, "{group}", itoa(g.ID), 1)
}

// signInAs returns a client signed in as p.
func (f *fixture) signInAs(t *testing.T, p *laeringsliv.Person) *http.Client {
	c := f.client(t)
	token := laeringsliv.NewToken()
	now := time.Now()
	must(t, f.db.CreateLoginSession(context.Background(), &laeringsliv.LoginSession{
		InstitutionID: f.inst.ID, PersonID: p.ID, TokenHash: laeringsliv.HashToken(token),
		IdleTimeout: time.Hour, CreatedAt: now, LastSeenAt: now}))
	u, _ := url.Parse(f.srv.URL)
	c.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: token, Path: "/", Secure: true}})
	return c
}

func (f *fixture) postJSON(t *testing.T, c *http.Client, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, f.srv.URL+path, strings.NewReader(body))
	must(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := c.Do(req)
	must(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestWorkshopPhasesEnforced runs a workshop through its steps over HTTP and checks that the
// server, not the page, hides the group's answers until the share step.
func TestWorkshopPhasesEnforced(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	a := f.people[laeringsliv.RoleParticipant]
	b := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Deltaker B", Email: "b@fjordvik.kommune.no"}
	must(t, f.db.CreatePerson(ctx, b))
	must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: b.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: f.own.ID}))
	teacher, ca, cb, leader := f.signIn(t, laeringsliv.RoleTeacher), f.signInAs(t, a), f.signInAs(t, b), f.signIn(t, laeringsliv.RoleLeader)
	wp := "/workplaces/" + itoa(f.own.ID) + "/reading"

	resp, _ := f.do(t, teacher, "POST", wp, url.Values{"title": {"Leseverksted 1"}, "grouping": {"shift_teams"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", resp.StatusCode)
	}
	ws := resp.Header.Get("Location")
	if resp, body := f.do(t, teacher, "POST", wp, url.Values{"title": {""}, "grouping": {"x"}}); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "aria-invalid") {
		t.Errorf("invalid create: %d", resp.StatusCode)
	}
	next := func(from string) {
		t.Helper()
		if resp, _ := f.do(t, teacher, "POST", ws+"/phase", url.Values{"from": {from}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("phase from %s: %d", from, resp.StatusCode)
		}
	}
	page := func(c *http.Client) string {
		t.Helper()
		_, body := f.do(t, c, "GET", ws, nil)
		return body
	}

	f.do(t, ca, "POST", ws+"/answer", url.Values{"interesting": {"HEMMELIG-A"}, "connects": {"vaktskiftet"}})
	next("prepare")
	next("prepare") // a second click on a stale page does not skip a step
	if strings.Contains(page(cb), "HEMMELIG-A") || strings.Contains(page(leader), "HEMMELIG-A") {
		t.Fatal("an answer is shown to others before the share step")
	}
	// The facilitator's screen may be on the projector: it shows answers from the share step.
	if !strings.Contains(page(ca), "HEMMELIG-A") || strings.Contains(page(teacher), "HEMMELIG-A") {
		t.Fatal("the writer does not see the answer, or the facilitator's screen shows it early")
	}
	next("individual")
	if !strings.Contains(page(cb), "HEMMELIG-A") || !strings.Contains(page(teacher), "HEMMELIG-A") {
		t.Fatal("the group or the teacher does not see the answer after the share step")
	}
	if strings.Contains(page(leader), "HEMMELIG-A") {
		t.Fatal("a leader sees a participant's own answer")
	}
	if resp, _ := f.do(t, ca, "POST", ws+"/answer", url.Values{"interesting": {"endret"}}); resp.StatusCode != http.StatusConflict {
		t.Errorf("answer after share: %d", resp.StatusCode)
	}

	groups, _ := f.db.FindReadingGroups(ctx, mustID(t, ws))
	edits := ws + "/groups/" + itoa(groups[0].ID) + "/edits"
	if code, _ := f.postJSON(t, ca, edits, `{"base":0,"start":0,"end":0,"text":"x"}`); code != http.StatusConflict {
		t.Errorf("edit before agree: %d", code)
	}
	next("share")
	f.postJSON(t, ca, edits, `{"base":0,"start":0,"end":0,"text":"Vi fant ."}`)
	// A and B both edit version 1 at the same moment.
	var wg sync.WaitGroup
	wg.Go(func() { f.postJSON(t, ca, edits, `{"base":1,"start":8,"end":8,"text":"ro"}`) })
	wg.Go(func() { f.postJSON(t, cb, edits, `{"base":1,"start":9,"end":9,"text":" Og tid."}`) })
	wg.Wait()
	_, state := f.do(t, cb, "GET", ws+"/state", nil)
	if !strings.Contains(state, `"text":"Vi fant ro. Og tid."`) || !strings.Contains(state, `"version":3`) {
		t.Errorf("state %s", state)
	}
	if code, _ := f.postJSON(t, leader, edits, `{"base":3,"start":0,"end":0,"text":"x"}`); code != http.StatusForbidden {
		t.Errorf("leader edits: %d", code)
	}
	if code, body := f.postJSON(t, ca, edits, `{"base":3,"start":0,"end":99,"text":"x"}`); code != http.StatusUnprocessableEntity || !strings.Contains(body, "error") {
		t.Errorf("bad range: %d %s", code, body)
	}
	// Without script: the whole text with its base version; a stale base is refused, not lost.
	form := ws + "/groups/" + itoa(groups[0].ID) + "/presentation"
	if resp, _ := f.do(t, cb, "POST", form, url.Values{"base": {"3"}, "presentation": {"Vi fant ro. Og tid.\r\nTil slutt."}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("form save: %d", resp.StatusCode)
	}
	// The stale save comes back as the page, with the writer's text in the box and a notice.
	if resp, body := f.do(t, ca, "POST", form, url.Values{"base": {"3"}, "presentation": {"gammel tekst"}}); resp.StatusCode != http.StatusConflict ||
		!strings.Contains(body, ">gammel tekst</textarea>") || !strings.Contains(body, `role="alert"`) || !strings.Contains(body, `name="base" value="4"`) {
		t.Errorf("stale form save: %d", resp.StatusCode)
	}
	if _, state := f.do(t, cb, "GET", ws+"/state", nil); !strings.Contains(state, `"text":"Vi fant ro. Og tid.\nTil slutt."`) {
		t.Errorf("after form save: %s", state)
	}
	next("agree")
	if resp, body := f.do(t, teacher, "GET", ws+"/answers?format=csv", nil); resp.StatusCode != http.StatusOK ||
		!strings.HasPrefix(body, "\ufeff") || !strings.Contains(body, "HEMMELIG-A") || !strings.Contains(body, "Deltaker B") {
		t.Errorf("answers export: %d %q", resp.StatusCode, body)
	}
	if resp, _ := f.do(t, leader, "GET", ws+"/answers?format=csv", nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("leader downloads answers: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, teacher, "GET", ws+"/answers?format=pdf", nil); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("unknown format: %d", resp.StatusCode)
	}
	for _, p := range []string{"/plenum", "/plenum?group=1", "/summary"} {
		if _, body := f.do(t, leader, "GET", ws+p, nil); !strings.Contains(body, "Vi fant ro. Og tid.") {
			t.Errorf("%s lacks the presentation", p)
		}
	}
}

func mustID(t *testing.T, path string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(path[strings.LastIndex(path, "/")+1:], 10, 64)
	must(t, err)
	return id
}
