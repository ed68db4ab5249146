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

// TestWorkshopGathering: the create form offers the workplace's gatherings; a workshop keeps
// the one chosen, and another workplace's gathering or a malformed id is refused on the form.
func TestWorkshopGathering(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	day := time.Date(2017, 9, 12, 6, 30, 0, 0, time.UTC)
	gathering := func(wp *laeringsliv.Workplace, title string) *laeringsliv.Gathering {
		g := &laeringsliv.Gathering{WorkplaceID: wp.ID, Kind: laeringsliv.GatheringStartUp, Title: title,
			Days: []laeringsliv.GatheringDay{{Start: day, End: day.Add(7 * time.Hour)}}}
		must(t, f.db.CreateGathering(ctx, g))
		return g
	}
	own, foreign := gathering(f.own, "Oppstartsamling"), gathering(f.fgn, "Annen samling")
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	path := "/workplaces/" + itoa(f.own.ID) + "/reading"
	if _, body := f.do(t, teacher, "GET", path, nil); !strings.Contains(body, "Oppstartsamling") || strings.Contains(body, "Annen samling") {
		t.Error("the form does not offer exactly the workplace's gatherings")
	}
	for _, bad := range []string{itoa(foreign.ID), "x", "-3", "99999"} {
		resp, body := f.do(t, teacher, "POST", path, url.Values{"title": {"L"}, "grouping": {"random"}, "gathering": {bad}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="f-gathering" name="gathering" aria-invalid="true"`) {
			t.Errorf("gathering %q: %d", bad, resp.StatusCode)
		}
	}
	resp, _ := f.do(t, teacher, "POST", path, url.Values{"title": {"L"}, "grouping": {"random"}, "gathering": {itoa(own.ID)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", resp.StatusCode)
	}
	list, _ := f.db.FindWorkshops(ctx, laeringsliv.WorkshopFilter{GatheringID: own.ID})
	if len(list) != 1 {
		t.Errorf("workshops of the gathering: %d", len(list))
	}
}
