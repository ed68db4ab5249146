package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
	"laeringsliv/sqlstore/sqltest"
)

// A leader sets the staffing minimum, finds two times for a gathering, and picks them: they
// become meetings in the invitees' calendar feeds, and cancelling one counts in its SEQUENCE.
// The invitees see them beside their shifts; a colleague may not look at someone else's.
func TestFinderPickMakesMeetings(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	at := func(day int, hhmm string) time.Time {
		c, _ := rota.ParseClock(hhmm)
		return time.Date(2018, 3, day, 0, 0, 0, 0, laeringsliv.Norway()).Add(c)
	}
	kari, ola := f.people[laeringsliv.RoleParticipant], f.people[laeringsliv.RoleUnionRep]
	must(t, f.db.SaveRotaPeriod(ctx, rota.NewPeriod(f.own.ID, []rota.Shift{
		{Row: 2, Person: kari.Email, PersonID: kari.ID, Start: at(5, "07:30"), End: at(5, "15:00"), Code: "D"},
		{Row: 3, Person: ola.Email, PersonID: ola.ID, Start: at(4, "22:15"), End: at(5, "07:45"), Code: "N"},
		{Row: 4, Person: ola.Email, PersonID: ola.ID, Start: at(5, "15:00"), End: at(5, "22:30"), Code: "K"},
	})))
	leader := f.signIn(t, laeringsliv.RoleLeader)
	base := "/workplaces/" + itoa(f.own.ID) + "/rota"
	if resp, page := f.do(t, leader, http.MethodPost, base+"/staffing", url.Values{"min_day": {"x"}}); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "Skriv et helt tall") {
		t.Fatalf("bad minimum: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, leader, http.MethodPost, base+"/staffing", url.Values{"min_day": {"0"}, "min_night": {"1"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("staffing: %d", resp.StatusCode)
	}
	q := url.Values{"from": {"2018-03-05"}, "to": {"2018-03-05"}, "earliest": {"08:00"}, "latest": {"22:00"}, "minutes": {"45"}, "who": {"rota"}}
	resp, page := f.do(t, leader, http.MethodGet, base+"/finder?"+q.Encode(), nil)
	if resp.StatusCode != 200 || !strings.Contains(page, "2 gjentakelser") || !strings.Contains(page, "Har nettopp gått av nattevakt") ||
		!strings.Contains(page, "Dagvakt: 0 igjen, 1 går i møtet (minst 0)") {
		t.Fatalf("proposal: %d\n%s", resp.StatusCode, page)
	}
	sig := regexp.MustCompile(`name="signature" value="([^"]*)"`).FindStringSubmatch(page)
	if sig == nil {
		t.Fatal("no pick form")
	}
	pick := url.Values{"kind": {"gathering"}, "title": {"Samling 2"}, "place": {"Stua"}, "signature": {"stale"}}
	for k, v := range q {
		pick[k] = v
	}
	if resp, page := f.do(t, leader, http.MethodPost, base+"/finder", pick); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "Turnusen er endret") {
		t.Fatalf("a stale pick: %d", resp.StatusCode)
	}
	pick.Set("signature", sig[1])
	if resp, _ := f.do(t, leader, http.MethodPost, base+"/finder", pick); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("pick: %d", resp.StatusCode)
	}
	ms, err := f.db.FindMeetings(ctx, laeringsliv.MeetingFilter{WorkplaceID: f.own.ID})
	if err != nil || len(ms) != 2 || len(ms[0].Invitees) != 1 || ms[0].Invitees[0].PersonID != kari.ID || ms[1].Invitees[0].PersonID != ola.ID {
		t.Fatalf("meetings %+v %v", ms, err)
	}

	token := laeringsliv.NewToken()
	must(t, f.db.SetCalendarToken(ctx, kari.ID, laeringsliv.HashToken(token)))
	feed := func() string {
		_, body := f.do(t, f.client(t), http.MethodGet, "/calendar/"+token+".ics", nil)
		return body
	}
	if body := feed(); !strings.Contains(body, "UID:meeting-"+itoa(ms[0].ID)+"@") || !strings.Contains(body, "SUMMARY:Samling 2 (Samling)") ||
		strings.Contains(body, "meeting-"+itoa(ms[1].ID)+"@") {
		t.Fatalf("kari's feed:\n%s", body)
	}
	if resp, _ := f.do(t, leader, http.MethodPost, base+"/meetings/"+itoa(ms[0].ID)+"/cancel", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel: %d", resp.StatusCode)
	}
	if body := feed(); !strings.Contains(body, "SEQUENCE:1\r\nSTATUS:CANCELLED\r\n") {
		t.Fatalf("feed after cancelling:\n%s", body)
	}

	shifts := "/workplaces/" + itoa(f.own.ID) + "/people/" + itoa(ola.ID) + "/shifts?from=2018-03-05"
	if resp, page := f.do(t, f.signIn(t, laeringsliv.RoleUnionRep), http.MethodGet, shifts, nil); resp.StatusCode != 200 ||
		!strings.Contains(page, "Samling 2") || !strings.Contains(page, "Kveldsvakt") || !strings.Contains(page, "Egen turnus") {
		t.Fatalf("ola's own shifts: %d\n%s", resp.StatusCode, page)
	}
	if resp, _ := f.do(t, f.signIn(t, laeringsliv.RoleParticipant), http.MethodGet, shifts, nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("kari reads ola's shifts: %d", resp.StatusCode)
	}
	if resp, page := f.do(t, leader, http.MethodGet, shifts, nil); resp.StatusCode != 200 || strings.Contains(page, "Egen turnus") {
		t.Fatalf("the leader reads ola's shifts: %d", resp.StatusCode)
	}
}

// A person subscribes their own rota: a bad address is refused in plain words, a good one is
// saved and waits for the job that fetches it.
func TestRotaFeedSubscription(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	kari := f.people[laeringsliv.RoleParticipant]
	c := f.signIn(t, laeringsliv.RoleParticipant)
	path := "/workplaces/" + itoa(f.own.ID) + "/people/" + itoa(kari.ID)
	if resp, page := f.do(t, c, http.MethodPost, path+"/rota-feed", url.Values{"url": {"file:///etc/passwd"}}); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "https://") {
		t.Fatalf("bad address: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, c, http.MethodPost, path+"/rota-feed", url.Values{"url": {"webcal://turnus.example.no/k.ics"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	if _, page := f.do(t, c, http.MethodGet, path+"/shifts", nil); !strings.Contains(page, "https://turnus.example.no/k.ics") ||
		!strings.Contains(page, "ikke hentet ennå") {
		t.Fatalf("page after saving:\n%s", page)
	}
	must(t, f.db.FailRotaFeed(context.Background(), kari.ID, "https://turnus.example.no/k.ics", "malformed"))
	if _, page := f.do(t, c, http.MethodGet, path+"/shifts", nil); !strings.Contains(page, "ikke en kalender vi kan lese") {
		t.Fatalf("page after a malformed fetch:\n%s", page)
	}
	if resp, _ := f.do(t, c, http.MethodPost, path+"/rota-feed/delete", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", resp.StatusCode)
	}
}
