package web

import (
	"bufio"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// sseEvent is one event read from a stream.
type sseEvent struct{ id, name, data string }

// openStream opens a workshop's event stream as c, resuming after lastID ("" for none), and
// returns a function that reads the next event within five seconds.
func openStream(t *testing.T, f *fixture, c *http.Client, path, lastID string) func() sseEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.srv.URL+path, nil)
	must(t, err)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := c.Do(req)
	must(t, err)
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("stream: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	events := make(chan sseEvent, 100)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		var e sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.name != "" {
					events <- e
				}
				e = sseEvent{}
			case strings.HasPrefix(line, "id: "):
				e.id = line[4:]
			case strings.HasPrefix(line, "event: "):
				e.name = line[7:]
			case strings.HasPrefix(line, "data: "):
				e.data += line[6:]
			}
		}
	}()
	return func() sseEvent {
		t.Helper()
		select {
		case e := <-events:
			return e
		case <-time.After(5 * time.Second):
			t.Fatal("no event within 5 s")
			return sseEvent{}
		}
	}
}

// TestWorkshopStream: two members' screens follow the workshop live; one drops its connection,
// the other goes on editing, and the first, reconnecting with Last-Event-ID, gets exactly the
// edits it missed.
func TestWorkshopStream(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	a := f.people[laeringsliv.RoleParticipant]
	b := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Deltaker B", Email: "b@fjordvik.kommune.no"}
	must(t, f.db.CreatePerson(ctx, b))
	must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: b.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: f.own.ID}))
	teacher, ca, cb := f.signIn(t, laeringsliv.RoleTeacher), f.signInAs(t, a), f.signInAs(t, b)
	ws := &laeringsliv.Workshop{WorkplaceID: f.own.ID, Title: "Leseverksted", Grouping: laeringsliv.GroupingByHand}
	g := &laeringsliv.ReadingGroup{Number: 1, MemberIDs: []int64{a.ID, b.ID}}
	must(t, f.db.CreateWorkshop(ctx, ws, []*laeringsliv.ReadingGroup{g}))
	path := workshopPath(ws)
	edits := path + "/groups/" + itoa(g.ID) + "/edits"

	nextA, nextB := openStream(t, f, ca, path+"/events", ""), openStream(t, f, cb, path+"/events", "")
	for _, from := range []string{"prepare", "individual", "share"} {
		if resp, _ := f.do(t, teacher, "POST", path+"/phase", map[string][]string{"from": {from}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("phase from %s: %d", from, resp.StatusCode)
		}
	}
	for _, want := range []string{"individual", "share", "agree"} {
		for _, next := range []func() sseEvent{nextA, nextB} {
			if e := next(); e.name != "phase" || !strings.Contains(e.data, want) {
				t.Fatalf("got %+v, want phase %s", e, want)
			}
		}
	}
	f.postJSON(t, ca, edits, `{"base":0,"start":0,"end":0,"text":"Vi fant ro."}`)
	seen := nextB()
	if seen.name != "edit" || seen.id != "4" || !strings.Contains(seen.data, `"version":1`) {
		t.Fatalf("B saw %+v", seen)
	}

	// B's screen goes away (a phone locks); A writes twice meanwhile.
	f.postJSON(t, ca, edits, `{"base":1,"start":11,"end":11,"text":" Og tid."}`)
	f.postJSON(t, ca, edits, `{"base":2,"start":0,"end":0,"text":"Kort: "}`)
	resumed := openStream(t, f, cb, path+"/events", seen.id)
	for _, want := range []string{`"version":2`, `"version":3`} {
		if e := resumed(); e.name != "edit" || !strings.Contains(e.data, want) {
			t.Fatalf("after resume got %+v, want %s", e, want)
		}
	}
	// And it goes on live: B's own edit reaches A too.
	f.postJSON(t, cb, edits, `{"base":3,"start":0,"end":0,"text":"!"}`)
	if e := resumed(); !strings.Contains(e.data, `"version":4`) || e.id != "7" {
		t.Errorf("resumed stream: %+v", e)
	}
	for range 4 {
		nextA()
	}
	if resp, _ := f.do(t, f.signIn(t, laeringsliv.RoleLeader), "GET", "/workplaces/"+itoa(f.fgn.ID)+"/reading/"+itoa(ws.ID)+"/events", nil); resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusNotFound {
		t.Errorf("foreign workplace's stream: %d", resp.StatusCode)
	}
}
