package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
	"laeringsliv/sqlstore/sqltest"
)

// The finder proposes the fewest times that cover everyone at work by the rota: a day worker
// and an evening worker need two times when no shift of theirs overlaps; those with no shift
// are named as coming in their own time.
func TestFinderProposesTimes(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	at := func(day int, hhmm string) time.Time {
		c, _ := rota.ParseClock(hhmm)
		return time.Date(2018, 3, day, 0, 0, 0, 0, laeringsliv.Norway()).Add(c)
	}
	kari, ola := f.people[laeringsliv.RoleParticipant], f.people[laeringsliv.RoleUnionRep]
	shifts := []rota.Shift{
		{Row: 2, Person: kari.Email, PersonID: kari.ID, Start: at(5, "07:30"), End: at(5, "15:00"), Code: "D"},
		{Row: 3, Person: ola.Email, PersonID: ola.ID, Start: at(5, "15:00"), End: at(5, "22:30"), Code: "A"},
		{Row: 4, Person: ola.Email, PersonID: ola.ID, Start: at(6, "07:30"), End: at(6, "15:00"), Code: "D"},
		{Row: 5, Person: kari.Email, PersonID: kari.ID, Start: at(6, "08:00"), End: at(6, "16:00"), Code: "FERIE"},
	}
	must(t, f.db.SaveRotaPeriod(ctx, rota.NewPeriod(f.own.ID, shifts)))
	leader := f.signIn(t, laeringsliv.RoleLeader)
	base := "/workplaces/" + itoa(f.own.ID) + "/rota/finder"
	if resp, page := f.do(t, leader, http.MethodGet, base, nil); resp.StatusCode != 200 || !strings.Contains(page, `name="minutes"`) {
		t.Fatalf("empty finder: %d", resp.StatusCode)
	}
	q := url.Values{"from": {"2018-03-05"}, "to": {"2018-03-06"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"}}
	resp, page := f.do(t, leader, http.MethodGet, base+"?"+q.Encode(), nil)
	if resp.StatusCode != 200 || !strings.Contains(page, "2 gjentakelser") || !strings.Contains(page, "Færre går ikke") ||
		!strings.Contains(page, kari.Name) || !strings.Contains(page, ola.Name) || !strings.Contains(page, "må komme i fritida") {
		t.Fatalf("proposal: %d\n%s", resp.StatusCode, page)
	}
	bad := url.Values{"from": {"2018-03-06"}, "to": {"2018-03-05"}, "earliest": {"15:00"}, "latest": {"08:00"}, "minutes": {"5"}}
	if resp, page := f.do(t, leader, http.MethodGet, base+"?"+bad.Encode(), nil); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "Siste dato kan ikke være før første") || !strings.Contains(page, "Senest må være etter tidligst") {
		t.Fatalf("bad query: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, f.signIn(t, laeringsliv.RoleParticipant), http.MethodGet, base+"?"+q.Encode(), nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a participant reads the rota through the finder: %d", resp.StatusCode)
	}
}

func TestParseFinderQuery(t *testing.T) {
	for _, tc := range []struct {
		q      url.Values
		fields string
	}{
		{url.Values{"from": {"2018-03-05"}, "to": {"06.03.2018"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"}}, ""},
		{url.Values{"from": {"x"}, "to": {"2018-03-06"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"}}, "from"},
		{url.Values{"from": {"2018-01-01"}, "to": {"2018-03-01"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"}}, "to"},
		{url.Values{"from": {"2018-03-05"}, "to": {"2018-03-05"}, "earliest": {"8"}, "latest": {"15:00"}, "minutes": {"45"}}, "earliest"},
		{url.Values{"from": {"2018-03-05"}, "to": {"2018-03-05"}, "earliest": {"08:00"}, "latest": {"08:30"}, "minutes": {"45"}}, "minutes"},
		{url.Values{"from": {"2018-03-05"}, "to": {"2018-03-05"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"abc"}}, "minutes"},
		// One work group: its ID must be a positive number (whose group the handler checks).
		{url.Values{"from": {"2018-03-05"}, "to": {"2018-03-06"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"}, "who": {"group"}, "group": {" 7 "}}, ""},
		{url.Values{"from": {"2018-03-05"}, "to": {"2018-03-06"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"}, "who": {"group"}}, "group"},
		{url.Values{"from": {"2018-03-05"}, "to": {"2018-03-06"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"}, "who": {"group"}, "group": {"-7"}}, "group"},
		{url.Values{"from": {"2018-03-05"}, "to": {"2018-03-06"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"}, "who": {"group"}, "group": {"sju"}}, "group"},
		{url.Values{"from": {"x"}, "to": {"2018-03-06"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"}, "who": {"group"}, "group": {"0"}}, "from,group"},
		// A group named without who=group is ignored.
		{url.Values{"from": {"2018-03-05"}, "to": {"2018-03-06"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"}, "who": {"all"}, "group": {"x"}}, ""},
	} {
		q, w, errs := parseFinderQuery(tc.q)
		var got []string
		for _, e := range errs {
			got = append(got, e.Field)
		}
		if strings.Join(got, ",") != tc.fields {
			t.Errorf("%v: errors on %v, want %q", tc.q, got, tc.fields)
		}
		if tc.fields == "" && (w.days != 2 || w.length != 45*time.Minute) {
			t.Errorf("window %+v", w)
		}
		if tc.fields == "" && (q.Who == finderWhoGroup) != (w.groupID == 7) {
			t.Errorf("%v: who %q, group %d", tc.q, q.Who, w.groupID)
		}
	}
}

func FuzzParseFinderQuery(f *testing.F) {
	f.Add("2018-03-05", "2018-03-06", "08:00", "15:00", "45", "all", "")
	f.Add("31.12.2018", "01.01.2019", "23:45", "24:00", "15", "group", "12")
	f.Add("2018-03-05", "2018-03-06", "08:00", "15:00", "45", "group", "-1")
	f.Fuzz(func(t *testing.T, from, to, earliest, latest, minutes, who, group string) {
		q, w, errs := parseFinderQuery(url.Values{"from": {from}, "to": {to}, "earliest": {earliest}, "latest": {latest}, "minutes": {minutes},
			"who": {who}, "group": {group}})
		if len(q.From) > 20 || len(q.Minutes) > 20 || len(q.Group) > 20 {
			t.Fatal("a field kept more than 20 bytes")
		}
		if q.Who != finderWhoAll && q.Who != finderWhoRota && q.Who != finderWhoGroup {
			t.Fatalf("who %q", q.Who)
		}
		if len(errs) == 0 && (q.Who == finderWhoGroup) != (w.groupID > 0) {
			t.Fatalf("who %q with group %d", q.Who, w.groupID)
		}
		if len(errs) == 0 && (w.days < 1 || w.days > maxFinderDays+1 || w.length < 15*time.Minute || w.latest <= w.earliest ||
			w.length > w.latest-w.earliest) {
			t.Fatalf("accepted a window %+v", w)
		}
	})
}
