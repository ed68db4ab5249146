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

// meetingWorld is the own workplace with a rota a few days ahead (Kari on a day shift, Ola on
// an evening shift) and a reading workshop at 10:00 inviting both: Ola comes in his own time.
type meetingWorld struct {
	*fixture
	day     time.Time // midnight, Norwegian time
	meeting *laeringsliv.Meeting
	base    string
}

func newMeetingWorld(t *testing.T) *meetingWorld {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	now := time.Now().In(laeringsliv.Norway())
	day := time.Date(now.Year(), now.Month(), now.Day()+3, 0, 0, 0, 0, laeringsliv.Norway())
	at := func(hhmm string) time.Time { c, _ := rota.ParseClock(hhmm); return day.Add(c) }
	kari, ola := f.people[laeringsliv.RoleParticipant], f.people[laeringsliv.RoleUnionRep]
	must(t, f.db.SaveRotaPeriod(ctx, rota.NewPeriod(f.own.ID, []rota.Shift{
		{Row: 2, Person: kari.Email, PersonID: kari.ID, Start: at("07:30"), End: at("15:00"), Code: "D"},
		{Row: 3, Person: ola.Email, PersonID: ola.ID, Start: at("15:00"), End: at("22:30"), Code: "K"},
	})))
	m := &laeringsliv.Meeting{WorkplaceID: f.own.ID, Kind: laeringsliv.MeetingReading, Title: "Leseverksted 3", Place: "Stua",
		Start: at("10:00"), End: at("10:45"), Invitees: []laeringsliv.MeetingInvitee{{PersonID: kari.ID}, {PersonID: ola.ID, OwnMinutes: 45}}}
	must(t, f.db.CreateMeetings(ctx, []*laeringsliv.Meeting{m}))
	return &meetingWorld{fixture: f, day: day, meeting: m,
		base: "/workplaces/" + itoa(f.own.ID) + "/rota/meetings/" + itoa(m.ID) + "/move"}
}

// A leader moves a meeting: bad input is refused in Norwegian with what was typed kept; the
// new time is checked first, showing who is on shift and who comes in their own time; saving
// sends the same event again with its sequence raised. A participant may not move it.
func TestMoveMeetingHandler(t *testing.T) {
	w := newMeetingWorld(t)
	ctx := context.Background()
	kari, ola := w.people[laeringsliv.RoleParticipant], w.people[laeringsliv.RoleUnionRep]
	participant := w.signIn(t, laeringsliv.RoleParticipant)
	good := url.Values{"date": {w.day.Format("2006-01-02")}, "start": {"16:00"}, "minutes": {"60"}, "title": {"Leseverksted 3"}, "place": {"Møterommet"}}
	if resp, _ := w.do(t, participant, http.MethodGet, w.base, nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a participant opens the move form: %d", resp.StatusCode)
	}
	if resp, _ := w.do(t, participant, http.MethodPost, w.base, good); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a participant moves a meeting: %d", resp.StatusCode)
	}
	leader := w.signIn(t, laeringsliv.RoleLeader)
	if resp, page := w.do(t, leader, http.MethodGet, "/workplaces/"+itoa(w.own.ID)+"/rota/finder", nil); resp.StatusCode != 200 ||
		!strings.Contains(page, `href="`+w.base+`"`) {
		t.Fatalf("the finder's list links no move: %d", resp.StatusCode)
	}
	if resp, page := w.do(t, leader, http.MethodGet, w.base, nil); resp.StatusCode != 200 ||
		!strings.Contains(page, `value="10:00"`) || !strings.Contains(page, `value="45"`) || !strings.Contains(page, "Leseverksted 3") {
		t.Fatalf("move form: %d\n%s", resp.StatusCode, page)
	}

	for _, tc := range []struct {
		name, field, value, message string
	}{
		{"end before start", "minutes", "-30", "Møtet må slutte etter at det begynner"},
		{"longer than a day", "minutes", "1500", "høyst ett døgn"},
		{"in the past", "date", time.Now().AddDate(0, 0, -1).Format("02.01.2006"), "Tidspunktet har allerede vært"},
		{"no time", "start", "kl. ni", "Skriv klokkeslettet som tt:mm"},
	} {
		bad := url.Values{}
		for k, v := range good {
			bad[k] = v
		}
		bad.Set(tc.field, tc.value)
		resp, page := w.do(t, leader, http.MethodPost, w.base, bad)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, tc.message) ||
			!strings.Contains(page, `value="`+tc.value+`"`) || !strings.Contains(page, `value="Møterommet"`) {
			t.Fatalf("%s: %d\n%s", tc.name, resp.StatusCode, page)
		}
	}

	resp, page := w.do(t, leader, http.MethodPost, w.base, good)
	if resp.StatusCode != 200 || !strings.Contains(page, "Ved det nye tidspunktet") ||
		!regexp.MustCompile(`id="move-at-work">[^<]*`+ola.Name).MatchString(page) ||
		!strings.Contains(page, kari.Name+" (60 min egen tid)") {
		t.Fatalf("check of the new time: %d\n%s", resp.StatusCode, page)
	}
	if ms, _ := w.db.FindMeetings(ctx, laeringsliv.MeetingFilter{WorkplaceID: w.own.ID}); ms[0].Sequence != 0 {
		t.Fatal("checking the new time saved it")
	}
	sig := regexp.MustCompile(`name="checked" value="([^"]+)"`).FindStringSubmatch(page)
	if sig == nil {
		t.Fatal("no checked time to save")
	}
	other := url.Values{"checked": {sig[1]}}
	for k, v := range good {
		other[k] = v
	}
	other.Set("start", "17:00")
	if resp, _ := w.do(t, leader, http.MethodPost, w.base, other); resp.StatusCode != 200 {
		t.Fatalf("a time changed after the check is checked again, not saved: %d", resp.StatusCode)
	}
	save := url.Values{"checked": {sig[1]}}
	for k, v := range good {
		save[k] = v
	}
	if resp, _ := w.do(t, leader, http.MethodPost, w.base, save); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	ms, err := w.db.FindMeetings(ctx, laeringsliv.MeetingFilter{WorkplaceID: w.own.ID})
	if err != nil || len(ms) != 1 || ms[0].ID != w.meeting.ID || ms[0].Sequence != 1 || ms[0].Place != "Møterommet" ||
		!ms[0].Start.Equal(w.day.Add(16*time.Hour)) || ms[0].End.Sub(ms[0].Start) != time.Hour {
		t.Fatalf("moved %+v %v", ms, err)
	}
	own := map[int64]int{}
	for _, in := range ms[0].Invitees {
		own[in.PersonID] = in.OwnMinutes
	}
	if own[kari.ID] != 60 || own[ola.ID] != 0 {
		t.Fatalf("own time after the move: %v", own)
	}

	token := laeringsliv.NewToken()
	must(t, w.db.SetCalendarToken(ctx, kari.ID, laeringsliv.HashToken(token)))
	_, body := w.do(t, w.client(t), http.MethodGet, "/calendar/"+token+".ics", nil)
	uid := "UID:meeting-" + itoa(w.meeting.ID) + "@"
	start := "DTSTART:" + w.day.Add(16*time.Hour).UTC().Format("20060102T150405Z")
	if strings.Count(body, uid) != 1 || !strings.Contains(body, "SEQUENCE:1\r\n") || !strings.Contains(body, start) ||
		!strings.Contains(body, "LOCATION:Møterommet") {
		t.Fatalf("kari's feed after the move:\n%s", body)
	}
}

// The workplace's meetings show on its gatherings page and in its calendar file for its own
// members; cancelled ones are marked. Admissions, who see the programme but are no members,
// and a member of another workplace do not see them.
func TestMeetingsWhereMembersLook(t *testing.T) {
	w := newMeetingWorld(t)
	ctx := context.Background()
	second := &laeringsliv.Meeting{WorkplaceID: w.own.ID, Kind: laeringsliv.MeetingWorkGroup, Title: "Arbeidsgruppa samles",
		Start: w.day.Add(13 * time.Hour), End: w.day.Add(14 * time.Hour),
		Invitees: []laeringsliv.MeetingInvitee{{PersonID: w.people[laeringsliv.RoleParticipant].ID}}}
	must(t, w.db.CreateMeetings(ctx, []*laeringsliv.Meeting{second}))
	must(t, w.db.CancelMeeting(ctx, w.own.ID, second.ID))
	page := "/workplaces/" + itoa(w.own.ID) + "/gatherings"
	feed := "/workplaces/" + itoa(w.own.ID) + "/calendar.ics"
	member := w.signIn(t, laeringsliv.RoleContributor) // not invited, still a member
	if resp, body := w.do(t, member, http.MethodGet, page, nil); resp.StatusCode != 200 || !strings.Contains(body, "Møter fra vaktplanen") ||
		!strings.Contains(body, "Leseverksted 3") || !strings.Contains(body, "<td>Leseverksted</td>") || !strings.Contains(body, "<td>Stua</td>") ||
		!regexp.MustCompile(`<s>[^<]+</s> <strong>Avlyst</strong></td><td>Arbeidsgruppemøte</td><td>Arbeidsgruppa samles`).MatchString(body) {
		t.Fatalf("gatherings page for a member: %d\n%s", resp.StatusCode, body)
	}
	if resp, body := w.do(t, member, http.MethodGet, feed, nil); resp.StatusCode != 200 ||
		!strings.Contains(body, "UID:meeting-"+itoa(w.meeting.ID)+"@") || !strings.Contains(body, "SUMMARY:Leseverksted 3 (Leseverksted)") ||
		!strings.Contains(body, "SEQUENCE:1\r\nSTATUS:CANCELLED") {
		t.Fatalf("workplace calendar for a member: %d\n%s", resp.StatusCode, body)
	}
	admissions := w.signIn(t, laeringsliv.RoleAdmissions)
	if resp, body := w.do(t, admissions, http.MethodGet, page, nil); resp.StatusCode != 200 || strings.Contains(body, "Leseverksted 3") ||
		strings.Contains(body, "Møter fra vaktplanen") {
		t.Fatalf("admissions sees the workplace's meetings: %d", resp.StatusCode)
	}
	if resp, body := w.do(t, admissions, http.MethodGet, feed, nil); resp.StatusCode != 200 || strings.Contains(body, "meeting-") {
		t.Fatalf("admissions' calendar file holds the workplace's meetings: %d", resp.StatusCode)
	}

	stranger := &laeringsliv.Person{InstitutionID: w.inst.ID, Name: "Åse Annen", Email: "ase@asen.kommune.no"}
	must(t, w.db.CreatePerson(ctx, stranger))
	must(t, w.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: stranger.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: w.fgn.ID}))
	foreign := w.signInAs(t, stranger)
	for _, path := range []string{page, feed} {
		if resp, body := w.do(t, foreign, http.MethodGet, path, nil); resp.StatusCode != http.StatusForbidden || strings.Contains(body, "Leseverksted 3") {
			t.Fatalf("another workplace's member reads %s: %d", path, resp.StatusCode)
		}
	}
	for _, path := range []string{"/workplaces/" + itoa(w.fgn.ID) + "/gatherings", "/workplaces/" + itoa(w.fgn.ID) + "/calendar.ics"} {
		if resp, body := w.do(t, foreign, http.MethodGet, path, nil); resp.StatusCode != 200 || strings.Contains(body, "Leseverksted 3") ||
			strings.Contains(body, "meeting-"+itoa(w.meeting.ID)) {
			t.Fatalf("another workplace's own %s shows this one's meetings: %d", path, resp.StatusCode)
		}
	}
}
