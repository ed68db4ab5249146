package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// A live stream lifts the request deadlines for itself: with deadlines of 300 ms, a screen
// that has followed a workshop for 1.5 s still gets the next change.
func TestStreamOutlivesRequestDeadlines(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	f.server.cfg.ReadTimeout, f.server.cfg.WriteTimeout = 300*time.Millisecond, 300*time.Millisecond
	ctx := context.Background()
	a := f.people[laeringsliv.RoleParticipant]
	ws := &laeringsliv.Workshop{WorkplaceID: f.own.ID, Title: "Leseverksted", Grouping: laeringsliv.GroupingByHand}
	must(t, f.db.CreateWorkshop(ctx, ws, []*laeringsliv.ReadingGroup{{Number: 1, MemberIDs: []int64{a.ID}}}))
	path := workshopPath(ws)
	next := openStream(t, f, f.signInAs(t, a), path+"/events", "")
	time.Sleep(1500 * time.Millisecond)
	if resp, _ := f.do(t, f.signIn(t, laeringsliv.RoleTeacher), "POST", path+"/phase", map[string][]string{"from": {"prepare"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("phase: %d", resp.StatusCode)
	}
	if e := next(); e.name != "phase" || !strings.Contains(e.data, "individual") {
		t.Fatalf("after 1.5 s the stream gave %+v", e)
	}
}
