package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/rota"
)

// TestBrowserRotaLeaderMovesMeeting: the leader of Hjemmetjenesten i Fjellbu opens a reading
// workshop from the finder's list of meetings and moves it to the afternoon. A time in the
// past is refused in plain Norwegian with the form kept; the new time is checked first
// (the evening worker is then at work, the day worker would come in her own time); saving
// keeps the meeting and counts the change, and the meeting shows on the gatherings page. Each
// page is axe-clean.
func TestBrowserRotaLeaderMovesMeeting(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	wp := workplaceNamed(t, m, "Hjemmetjenesten i Fjellbu")
	leader, staff := fjellbuPeople(t, m, wp)
	if len(staff) < 2 {
		t.Fatalf("%d on the rota", len(staff))
	}
	now := time.Now().In(laeringsliv.Norway())
	day := time.Date(now.Year(), now.Month(), now.Day()+7, 0, 0, 0, 0, laeringsliv.Norway())
	at := func(hhmm string) time.Time { c, _ := rota.ParseClock(hhmm); return day.Add(c) }
	dayWorker, eveningWorker := staff[0], staff[1]
	if err := m.DB.SaveRotaPeriod(ctx, rota.NewPeriod(wp.ID, []rota.Shift{
		{Row: 2, Person: dayWorker.Email, PersonID: dayWorker.ID, Start: at("07:30"), End: at("15:00"), Code: "D"},
		{Row: 3, Person: eveningWorker.Email, PersonID: eveningWorker.ID, Start: at("15:00"), End: at("22:30"), Code: "K"},
	})); err != nil {
		t.Fatal(err)
	}
	meeting := &laeringsliv.Meeting{WorkplaceID: wp.ID, Kind: laeringsliv.MeetingReading, Title: "Leseverksted 4", Place: "Stua",
		Start: at("10:00"), End: at("10:45"), Invitees: []laeringsliv.MeetingInvitee{{PersonID: dayWorker.ID},
			{PersonID: eveningWorker.ID, OwnMinutes: 45}}}
	if err := m.DB.CreateMeetings(ctx, []*laeringsliv.Meeting{meeting}); err != nil {
		t.Fatal(err)
	}

	tab := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, tab, m.URL(), leader, "/")
	browsertest.Navigate(t, tab, m.URL()+"/workplaces/"+itoa(wp.ID)+"/rota/finder")
	clickAndWait(t, tab, `main a[href$="/rota/meetings/`+itoa(meeting.ID)+`/move"]`)
	if text := mainText(t, tab); !strings.Contains(text, "Flytt møte") || !strings.Contains(text, "Leseverksted 4") {
		t.Fatalf("no move form:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "move meeting (nb)")

	do(t, tab, chromedp.SetValue(chromedp.CSS("#f-date"), now.AddDate(0, 0, -1).Format("2006-01-02")))
	clickAndWait(t, tab, `#move-submit`)
	if text := mainText(t, tab); !strings.Contains(text, "Tidspunktet har allerede vært") {
		t.Fatalf("a time in the past was not refused:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "move meeting refused (nb)")

	do(t, tab, chromedp.SetValue(chromedp.CSS("#f-date"), day.Format("2006-01-02")), chromedp.SetValue(chromedp.CSS("#f-start"), "16:00"),
		chromedp.SetValue(chromedp.CSS("#f-minutes"), "60"), chromedp.SetValue(chromedp.CSS("#f-place"), "Personalrommet"))
	clickAndWait(t, tab, `#move-submit`)
	text := mainText(t, tab)
	if !strings.Contains(text, "Ved det nye tidspunktet") || !strings.Contains(text, eveningWorker.Name) ||
		!strings.Contains(text, dayWorker.Name+" (60 min egen tid)") {
		t.Fatalf("the new time was not checked:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "move meeting checked (nb)")
	clickAndWait(t, tab, `#move-submit`)
	if text := mainText(t, tab); !strings.Contains(text, "Møtet er flyttet") || !strings.Contains(text, "Personalrommet") {
		t.Fatalf("not moved:\n%s", text)
	}
	ms, err := m.DB.FindMeetings(ctx, laeringsliv.MeetingFilter{WorkplaceID: wp.ID})
	if err != nil || len(ms) != 1 || ms[0].ID != meeting.ID || ms[0].Sequence != 1 || !ms[0].Start.Equal(at("16:00")) {
		t.Fatalf("meetings %+v, %v", ms, err)
	}

	// The workplace's members find it where they look for the programme's events.
	browsertest.Navigate(t, tab, m.URL()+"/workplaces/"+itoa(wp.ID)+"/gatherings")
	if text := mainText(t, tab); !strings.Contains(text, "Møter fra vaktplanen") || !strings.Contains(text, "Leseverksted 4") ||
		!strings.Contains(text, "Personalrommet") {
		t.Fatalf("the gatherings page does not list the meeting:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "gatherings with meetings (nb)")
}
