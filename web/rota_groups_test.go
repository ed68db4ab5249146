package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
	"laeringsliv/sqlstore/sqltest"
)

// A leader forms a workshop's groups by shared shifts: three day workers and three evening
// workers make two groups of one shift each, shown with their shared hours; the leader moves
// one person by hand, recounts and saves, and the workshop holds the groups as moved.
func TestReadingGroupsByShifts(t *testing.T) {
	f, people := shiftFixture(t)
	ctx := context.Background()
	base := "/workplaces/" + itoa(f.own.ID) + "/reading"
	leader := f.signIn(t, laeringsliv.RoleLeader)
	create := url.Values{"title": {"Leseverksted"}, "grouping": {"shared_shifts"}, "gathering": {"0"}}
	if resp, page := f.do(t, leader, http.MethodPost, base, create); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "ingen aktiv turnus") {
		t.Fatalf("no rota: %d", resp.StatusCode)
	}
	saveShifts(t, f, people)

	resp, page := f.do(t, leader, http.MethodPost, base, create)
	if resp.StatusCode != http.StatusOK || strings.Count(page, "112,5 timer felles på vakt") != 2 {
		t.Fatalf("proposal: %d\n%s", resp.StatusCode, page)
	}
	// Move person 0 (a day worker) into the other group: the form as the page would post it.
	form := proposalForm(t, page)
	day, evening := form.Get("member-"+itoa(people[0].ID)), form.Get("member-"+itoa(people[1].ID))
	form.Set("member-"+itoa(people[0].ID), evening)
	form.Set("step", "recount")
	if resp, page := f.do(t, leader, http.MethodPost, base, form); resp.StatusCode != http.StatusOK ||
		!strings.Contains(page, ">37,5 timer felles på vakt") || !strings.Contains(page, ">112,5 timer felles på vakt") {
		t.Fatalf("recount: %d\n%s", resp.StatusCode, page)
	}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("wish-person-0", itoa(people[2].ID))
	bad.Set("wish-other-0", itoa(people[2].ID))
	if resp, page := f.do(t, leader, http.MethodPost, base, bad); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "to ulike personer") {
		t.Fatalf("bad wish: %d", resp.StatusCode)
	}
	form.Set("step", "save")
	resp, _ = f.do(t, leader, http.MethodPost, base, form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	groups, err := f.db.FindReadingGroups(ctx, mustID(t, resp.Header.Get("Location")))
	must(t, err)
	sizes := []int{}
	for _, g := range groups {
		sizes = append(sizes, len(g.MemberIDs))
		if slices.Contains(g.MemberIDs, people[0].ID) && !slices.Contains(g.MemberIDs, people[1].ID) {
			t.Errorf("the hand move was not saved: %v", g.MemberIDs)
		}
	}
	slices.Sort(sizes)
	if !slices.Equal(sizes, []int{2, 4}) || day == evening {
		t.Errorf("groups saved %v", sizes)
	}
}

// shiftFixture adds five participants to the fixture's own workplace: six in all, the first
// of each pair on days, the second on evenings.
func shiftFixture(t *testing.T) (*fixture, []*laeringsliv.Person) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	people := []*laeringsliv.Person{f.people[laeringsliv.RoleParticipant]}
	for i := range 5 {
		p := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: fmt.Sprintf("Vakt %d", i), Email: fmt.Sprintf("vakt%d@fjordvik.kommune.no", i)}
		must(t, f.db.CreatePerson(ctx, p))
		must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: p.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: f.own.ID}))
		people = append(people, p)
	}
	return f, people
}

// saveShifts gives the people a week of day (even) and evening (odd) shifts in March 2018.
func saveShifts(t *testing.T, f *fixture, people []*laeringsliv.Person) {
	var shifts []rota.Shift
	for i, p := range people {
		start := 7*time.Hour + 30*time.Minute
		if i%2 == 1 {
			start = 15 * time.Hour
		}
		for d := range 5 {
			day := time.Date(2018, 3, 5+d, 0, 0, 0, 0, laeringsliv.Norway()).Add(start)
			shifts = append(shifts, rota.Shift{Row: len(shifts) + 2, Person: p.Email, PersonID: p.ID, Start: day, End: day.Add(7*time.Hour + 30*time.Minute), Code: "D"})
		}
	}
	must(t, f.db.SaveRotaPeriod(context.Background(), rota.NewPeriod(f.own.ID, shifts)))
}

// An IPE session's groups follow shared shifts too: the facilitator asks for two groups, sees
// the proposal with the workplace's people and their shared hours, and saves the session.
func TestIPEGroupsByShifts(t *testing.T) {
	f, people := shiftFixture(t)
	saveShifts(t, f, people)
	base := "/workplaces/" + itoa(f.own.ID) + "/ipe"
	leader := f.signIn(t, laeringsliv.RoleLeader)
	create := url.Values{"kind": {"capture"}, "question": {"Hva går bra på vakta?"}, "grouping": {"shared_shifts"}, "groups": {"2"}}
	resp, page := f.do(t, leader, http.MethodPost, base, create)
	if resp.StatusCode != http.StatusOK || strings.Count(page, "timer felles på vakt") != 2 ||
		!strings.Contains(page, `name="question" value="Hva går bra på vakta?"`) || !strings.Contains(page, `href="`+base+`/new"`) {
		t.Fatalf("proposal: %d\n%s", resp.StatusCode, page)
	}
	form := proposalForm(t, page)
	form.Set("step", "save")
	resp, _ = f.do(t, leader, http.MethodPost, base, form)
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), base+"/") {
		t.Fatalf("save: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	groups, err := f.db.FindIPEGroups(context.Background(), mustID(t, resp.Header.Get("Location")))
	must(t, err)
	if len(groups) != 2 {
		t.Fatalf("%d groups saved, want 2", len(groups))
	}
}

// proposalForm reads the fields a proposal page posts: hidden fields and selected options.
func proposalForm(t *testing.T, page string) url.Values {
	t.Helper()
	v := url.Values{}
	for _, m := range hiddenRE.FindAllStringSubmatch(page, -1) {
		v.Set(m[1], htmlUnescape(m[2]))
	}
	for _, sel := range selectRE.FindAllStringSubmatch(page, -1) {
		if m := selectedRE.FindStringSubmatch(sel[2]); m != nil {
			v.Set(sel[1], m[1])
		}
	}
	return v
}
