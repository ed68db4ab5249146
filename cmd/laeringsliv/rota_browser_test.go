package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
	"laeringsliv/demo"
)

// TestBrowserRotaLeaderImportsAndFindsTime walks the leader of Hjemmetjenesten i Fjellbu
// through importing the rota for the week of the next gathering (upload, preview, confirm),
// then the finder: for everyone on the rota that week, between 08:00 and 22:00, it proposes
// two repetitions that cover everyone within working hours, and picking them makes two
// meetings with everyone invited.
func TestBrowserRotaLeaderImportsAndFindsTime(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	ctx := context.Background()
	wp := workplaceNamed(t, m, "Hjemmetjenesten i Fjellbu")
	leader, staff := fjellbuPeople(t, m, wp)
	file := filepath.Join(t.TempDir(), "turnus-uke-6.csv")
	if err := os.WriteFile(file, []byte(gatheringWeekRota(staff)), 0o600); err != nil {
		t.Fatal(err)
	}

	tab := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, tab, m.URL(), leader, "/")
	browsertest.Navigate(t, tab, m.URL()+"/workplaces/"+itoa(wp.ID))
	clickAndWait(t, tab, `main a[href$="/rota"]`)
	do(t, tab, chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{file}))
	clickAndWait(t, tab, `main form[action$="/rota/preview"] button[type=submit]`)
	if text := mainText(t, tab); !strings.Contains(text, "Lagre turnusen") || !strings.Contains(text, staff[0].Email) {
		t.Fatalf("no preview of the file:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "rota preview (nb)")
	clickAndWait(t, tab, `main form[action$="/rota"] button[type=submit]`)
	if text := mainText(t, tab); !strings.Contains(text, "Turnusen er lagret") {
		t.Fatalf("the rota was not saved:\n%s", text)
	}

	clickAndWait(t, tab, `main a[href$="/rota/finder"]`)
	browsertest.AssertAxe(t, tab, "finder (nb)")
	do(t, tab, chromedp.SetValue(chromedp.CSS("#f-from"), "2018-02-05"), chromedp.SetValue(chromedp.CSS("#f-to"), "2018-02-11"),
		chromedp.SetValue(chromedp.CSS("#f-earliest"), "08:00"), chromedp.SetValue(chromedp.CSS("#f-latest"), "22:00"),
		chromedp.SetValue(chromedp.CSS("#f-minutes"), "45"), chromedp.Click(chromedp.CSS("#f-who-rota")))
	clickAndWait(t, tab, `main form[method=get] button[type=submit]`)
	text := mainText(t, tab)
	if !strings.Contains(text, "2 gjentakelser dekker alle") || !strings.Contains(text, "Færre går ikke") ||
		strings.Contains(text, "fritida") || strings.Contains(text, "egen tid") {
		t.Fatalf("the finder (%s) did not cover everyone in working hours with two repetitions:\n%s",
			eval[string](t, tab, `location.href`), text)
	}
	browsertest.AssertAxe(t, tab, "finder with a proposal (nb)")

	do(t, tab, chromedp.SendKeys(chromedp.CSS("#f-title"), "Samling 2: implementering"),
		chromedp.SendKeys(chromedp.CSS("#f-place"), "Personalrommet"))
	clickAndWait(t, tab, `main form[method=post][action$="/rota/finder"] button[type=submit]`)
	if text := mainText(t, tab); !strings.Contains(text, "Møtene er laget") || strings.Count(text, "Samling 2: implementering") != 2 {
		t.Fatalf("picking did not make two meetings:\n%s", text)
	}
	browsertest.AssertAxe(t, tab, "finder with meetings made (nb)")
	ms, err := m.DB.FindMeetings(ctx, laeringsliv.MeetingFilter{WorkplaceID: wp.ID})
	if err != nil || len(ms) != 2 {
		t.Fatalf("meetings %+v, %v", ms, err)
	}
	invited := map[int64]bool{}
	for _, mt := range ms {
		for _, in := range mt.Invitees {
			if in.OwnMinutes != 0 {
				t.Errorf("person %d invited in own time", in.PersonID)
			}
			invited[in.PersonID] = true
		}
	}
	if len(invited) != len(staff) {
		t.Errorf("%d invited, %d on the rota", len(invited), len(staff))
	}
}

// workplaceNamed returns the demo workplace with the name.
func workplaceNamed(t *testing.T, m *Main, name string) *laeringsliv.Workplace {
	t.Helper()
	for _, w := range workplaces(t, m) {
		if w.Name == name {
			return w
		}
	}
	t.Fatalf("no workplace %q", name)
	return nil
}

// fjellbuPeople returns the workplace's leader as a demo login and its people on the rota.
func fjellbuPeople(t *testing.T, m *Main, wp *laeringsliv.Workplace) (demo.Login, []*laeringsliv.Person) {
	t.Helper()
	ctx := context.Background()
	ms, err := m.DB.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: wp.ID})
	if err != nil {
		t.Fatal(err)
	}
	var leader demo.Login
	var staff []*laeringsliv.Person
	for _, ms := range ms {
		p, err := m.DB.FindPerson(ctx, ms.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case ms.Role == laeringsliv.RoleLeader:
			leader = demo.Login{Role: ms.Role, Name: p.Name, Email: p.Email, Password: demo.Password}
		case p.ShiftTeam != "" && p.PositionPct > 0:
			staff = append(staff, p)
		}
	}
	if leader.Email == "" || len(staff) == 0 {
		t.Fatalf("leader %q, %d on the rota", leader.Email, len(staff))
	}
	return leader, staff
}

// gatheringWeekRota is the rota for the week of 5 February 2018 in the documented layout:
// everyone works the Wednesday, the day teams 07:30–15:00 and the evening ones 15:00–22:30
// (the home-care service's common day), and one or two more days of the week.
func gatheringWeekRota(staff []*laeringsliv.Person) string {
	var b strings.Builder
	b.WriteString("epost,dato,start,slutt,kode\n")
	for i, p := range staff {
		start, end, code := "07:30", "15:00", "D"
		if p.ShiftTeam == "Kveld" || p.ShiftTeam == "Helg 2" {
			start, end, code = "15:00", "22:30", "K"
		}
		for _, day := range []int{7, 5 + i%2, 9 + i%3} { // Wednesday, then Monday/Tuesday and Friday–Sunday
			fmt.Fprintf(&b, "%s,%02d.02.2018,%s,%s,%s\n", p.Email, day, start, end, code)
		}
	}
	return b.String()
}

// TestBrowserRotaLeaderKeepsStaffDetails: the leader of Hjemmetjenesten i Fjellbu opens the
// staff page from the rota page (axe-clean), gives a colleague a position beyond 100 and sees
// the refusal naming her, then corrects it and saves.
func TestBrowserRotaLeaderKeepsStaffDetails(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	m := startApp(t)
	wp := workplaceNamed(t, m, "Hjemmetjenesten i Fjellbu")
	leader, staff := fjellbuPeople(t, m, wp)
	tab := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, tab, m.URL(), leader, "/")
	browsertest.Navigate(t, tab, m.URL()+"/workplaces/"+itoa(wp.ID)+"/rota")
	clickAndWait(t, tab, `main a[href$="/rota/staff"]`)
	browsertest.AssertAxe(t, tab, "staff details (nb)")
	pct := "#f-pct-" + itoa(staff[0].ID)
	do(t, tab, chromedp.SetValue(chromedp.CSS(pct), "120"))
	clickAndWait(t, tab, `main form button[type=submit]`)
	if text := mainText(t, tab); !strings.Contains(text, staff[0].Name+": Skriv stillingsprosenten") || !strings.Contains(text, "Ingenting er lagret") {
		t.Fatalf("no refusal naming %s:\n%s", staff[0].Name, text)
	}
	browsertest.AssertAxe(t, tab, "staff details with errors (nb)")
	do(t, tab, chromedp.SetValue(chromedp.CSS(pct), "60"))
	clickAndWait(t, tab, `main form button[type=submit]`)
	if text := eval[string](t, tab, `document.body.innerText`); !strings.Contains(text, "Opplysningene om de ansatte er lagret") {
		t.Fatalf("not saved:\n%s", text)
	}
	if p, err := m.DB.FindPerson(context.Background(), staff[0].ID); err != nil || p.PositionPct != 60 {
		t.Fatalf("stored %+v, %v", p, err)
	}
}
