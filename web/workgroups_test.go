package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"laeringsliv"
)

// fillWorkGroup replaces a work group's path parameter with a group of the workplace holding
// one of its participants: the fixture's own in the own workplace, a fresh one elsewhere.
func (f *fixture) fillWorkGroup(t *testing.T, path string, wp *laeringsliv.Workplace) string {
	t.Helper()
	if !strings.Contains(path, "/work-groups/{group}") {
		return path
	}
	ctx := context.Background()
	member := f.people[laeringsliv.RoleParticipant]
	if wp.ID != f.own.ID {
		member = &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Deltaker", Email: laeringsliv.NewToken()[:12] + "@x.no"}
		must(t, f.db.CreatePerson(ctx, member))
		must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: member.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: wp.ID}))
	}
	g := &laeringsliv.WorkGroup{Name: "Arbeidsgruppe 1", Members: []int64{member.ID}}
	must(t, f.db.ReplaceWorkGroups(ctx, wp.ID, []*laeringsliv.WorkGroup{g}))
	return strings.Replace(path, "{group}", itoa(g.ID), 1)
}

// A leader forms the workplace's work groups by shared shifts from everyone on the rota,
// contributors included: refused without a rota and for a bad number of groups (in Norwegian),
// then proposed, saved as a set, renamed and linked to an innovation. Participants and
// contributors see the groups but cannot form them; a group of another workplace is not found.
func TestWorkGroupsByShifts(t *testing.T) {
	f, people := shiftFixture(t)
	ctx := context.Background()
	contributor := f.people[laeringsliv.RoleContributor]
	people = append(people, contributor)
	base := workGroupsPath(f.own.ID)
	leader := f.signIn(t, laeringsliv.RoleLeader)
	part := f.signIn(t, laeringsliv.RoleParticipant)
	if resp, page := f.do(t, part, http.MethodGet, base, nil); resp.StatusCode != http.StatusOK ||
		!strings.Contains(page, "Ingen arbeidsgrupper ennå") || strings.Contains(page, `name="groups"`) {
		t.Fatalf("participant's page: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, part, http.MethodPost, base, url.Values{}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a participant forms groups: %d", resp.StatusCode)
	}
	if resp, page := f.do(t, leader, http.MethodPost, base, url.Values{}); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "ingen aktiv turnus") {
		t.Fatalf("no rota: %d", resp.StatusCode)
	}
	saveShifts(t, f, people)
	for groups, want := range map[string]string{"fire": "som et helt tall", "0": "som et helt tall", "8": "flere grupper enn personer"} {
		if resp, page := f.do(t, leader, http.MethodPost, base, url.Values{"groups": {groups}}); resp.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(page, want) || !strings.Contains(page, `value="`+groups+`"`) {
			t.Fatalf("groups=%s: %d", groups, resp.StatusCode)
		}
	}
	resp, page := f.do(t, leader, http.MethodPost, base, url.Values{"groups": {"2"}})
	if resp.StatusCode != http.StatusOK || strings.Count(page, "timer felles på vakt") != 2 || !strings.Contains(page, contributor.Name) ||
		!strings.Contains(page, `name="groups" value="2"`) || !strings.Contains(page, `href="`+base+`"`) {
		t.Fatalf("proposal: %d\n%s", resp.StatusCode, page)
	}
	form := proposalForm(t, page)
	form.Set("step", "save")
	if resp, _ := f.do(t, leader, http.MethodPost, base, form); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != base {
		t.Fatalf("save: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	groups, err := f.db.FindWorkGroups(ctx, f.own.ID)
	must(t, err)
	if len(groups) != 2 || groups[0].Name != "Arbeidsgruppe 1" || len(groups[0].Members)+len(groups[1].Members) != len(people) {
		t.Fatalf("saved %+v", groups)
	}
	c := f.signIn(t, laeringsliv.RoleContributor)
	if resp, page := f.do(t, c, http.MethodGet, base, nil); resp.StatusCode != http.StatusOK || !strings.Contains(page, "Arbeidsgruppe 2") ||
		!strings.Contains(page, contributor.Name) || !strings.Contains(page, "Felles vakttimer") || strings.Contains(page, "Finn tid for") {
		t.Fatalf("contributor's page: %d\n%s", resp.StatusCode, page)
	}

	edit := base + "/" + itoa(groups[0].ID)
	if resp, page := f.do(t, leader, http.MethodPost, edit, url.Values{"name": {" "}}); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "Skriv et navn på inntil 100 tegn") {
		t.Fatalf("empty name: %d", resp.StatusCode)
	}
	proj := &laeringsliv.Project{WorkplaceID: f.fgn.ID, Title: "Annet prosjekt"}
	must(t, f.db.CreateProject(ctx, proj))
	foreign := &laeringsliv.Innovation{WorkplaceID: f.fgn.ID, ProjectID: proj.ID, Title: "Fremmed", Status: laeringsliv.InnovationIdea,
		Size: laeringsliv.InnovationSmall}
	must(t, f.db.CreateInnovation(ctx, foreign, f.people[laeringsliv.RoleAdmin].ID))
	if resp, page := f.do(t, leader, http.MethodPost, edit, url.Values{"name": {"Helgegruppa"}, "innovation": {itoa(foreign.ID)}}); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "Velg en av arbeidsplassens innovasjoner") || !strings.Contains(page, `value="Helgegruppa"`) {
		t.Fatalf("another workplace's innovation: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, leader, http.MethodPost, edit, url.Values{"name": {"Helgegruppa"}, "innovation": {"0"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("rename: %d", resp.StatusCode)
	}
	if resp, page := f.do(t, leader, http.MethodGet, base, nil); !strings.Contains(page, "Helgegruppa") || !strings.Contains(page, "Finn tid for Helgegruppa") {
		t.Fatalf("renamed group not shown: %d", resp.StatusCode)
	}
	// Another workplace: its page is refused, and its group is not found through this one.
	if resp, _ := f.do(t, leader, http.MethodGet, workGroupsPath(f.fgn.ID), nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a foreign workplace's groups: %d", resp.StatusCode)
	}
	otherPath := f.fillWorkGroup(t, "/work-groups/{group}", f.fgn)
	if resp, _ := f.do(t, leader, http.MethodPost, base+strings.TrimPrefix(otherPath, "/work-groups"), url.Values{"name": {"Stjålet"}}); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("a foreign group through the own workplace: %d", resp.StatusCode)
	}
}

func TestParseWorkGroupsForm(t *testing.T) {
	for _, tc := range []struct {
		groups string
		n      int
		err    bool
	}{
		{"", 0, false}, {" 3 ", 3, false}, {"1", 1, false}, {"500", 500, false},
		{"0", 0, true}, {"-2", 0, true}, {"501", 0, true}, {"fire", 0, true}, {"2.5", 0, true}, {"99999999999999999999999", 0, true},
	} {
		_, n, errs := parseWorkGroupsForm(url.Values{"groups": {tc.groups}})
		if n != tc.n || (len(errs) > 0) != tc.err {
			t.Errorf("%q: n=%d errs=%v, want %d, error %v", tc.groups, n, errs, tc.n, tc.err)
		}
	}
}

func TestParseWorkGroupEdit(t *testing.T) {
	long := strings.Repeat("æ", 101)
	for _, tc := range []struct {
		name, innovation string
		want             workGroupEdit
		fields           string
	}{
		{"Helgegruppa", "", workGroupEdit{Name: "Helgegruppa"}, ""},
		{"  Natt\x00gruppa ", "0", workGroupEdit{Name: "Nattgruppa"}, ""},
		{"Dag", "12", workGroupEdit{Name: "Dag", InnovationID: 12}, ""},
		{"", "12", workGroupEdit{InnovationID: 12}, "name"},
		{long, "", workGroupEdit{Name: long}, "name"},
		{strings.Repeat("æ", 100), "", workGroupEdit{Name: strings.Repeat("æ", 100)}, ""},
		{"Dag", "-1", workGroupEdit{Name: "Dag"}, "innovation"},
		{"Dag", "x", workGroupEdit{Name: "Dag"}, "innovation"},
		{" ", "x", workGroupEdit{}, "name,innovation"},
	} {
		got, errs := parseWorkGroupEdit(url.Values{"name": {tc.name}, "innovation": {tc.innovation}})
		var fields []string
		for _, e := range errs {
			fields = append(fields, e.Field)
		}
		if got != tc.want || strings.Join(fields, ",") != tc.fields {
			t.Errorf("%q %q: %+v %v, want %+v %q", tc.name, tc.innovation, got, fields, tc.want, tc.fields)
		}
	}
}

func FuzzParseWorkGroupForms(f *testing.F) {
	f.Add("4", "Helgegruppa", "12")
	f.Add("", "", "0")
	f.Add("-1", strings.Repeat("ø", 120), "x")
	f.Fuzz(func(t *testing.T, groups, name, innovation string) {
		form, n, errs := parseWorkGroupsForm(url.Values{"groups": {groups}})
		if len(form.Groups) > 20 || n < 0 || n > maxGroups || (len(errs) > 0 && n != 0) {
			t.Fatalf("groups %q: %+v %d %v", groups, form, n, errs)
		}
		e, errs := parseWorkGroupEdit(url.Values{"name": {name}, "innovation": {innovation}})
		if e.InnovationID < 0 || !utf8.ValidString(e.Name) {
			t.Fatalf("edit %+v", e)
		}
		if len(errs) == 0 {
			g := &laeringsliv.WorkGroup{Name: e.Name, Members: []int64{1}}
			if err := g.Validate(); err != nil {
				t.Fatalf("accepted %q, which the store refuses: %v", e.Name, err)
			}
		}
	})
}

// The finder invites one work group: the day workers' group needs one repetition, at which
// all three are at work; the pick makes a work-group meeting with them alone. A group of
// another workplace, or none, is refused in Norwegian.
func TestFinderInvitesWorkGroup(t *testing.T) {
	f, people := shiftFixture(t)
	ctx := context.Background()
	saveShifts(t, f, people)
	day := &laeringsliv.WorkGroup{Name: "Dagvakta", Members: []int64{people[0].ID, people[2].ID, people[4].ID}}
	evening := &laeringsliv.WorkGroup{Name: "Kveldsvakta", Members: []int64{people[1].ID, people[3].ID, people[5].ID}}
	must(t, f.db.ReplaceWorkGroups(ctx, f.own.ID, []*laeringsliv.WorkGroup{day, evening}))
	leader := f.signIn(t, laeringsliv.RoleLeader)
	base := "/workplaces/" + itoa(f.own.ID) + "/rota/finder"
	if _, page := f.do(t, leader, http.MethodGet, base, nil); !strings.Contains(page, `value="group"`) || !strings.Contains(page, ">Kveldsvakta</option>") {
		t.Fatalf("the finder offers no work group:\n%s", page)
	}
	q := url.Values{"from": {"2018-03-05"}, "to": {"2018-03-06"}, "earliest": {"08:00"}, "latest": {"15:00"}, "minutes": {"45"},
		"who": {"group"}, "group": {itoa(day.ID)}}
	resp, page := f.do(t, leader, http.MethodGet, base+"?"+q.Encode(), nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "1 gjentakelse dekker") || !strings.Contains(page, "3 på jobb") ||
		!strings.Contains(page, `<option value="work_group" selected>`) {
		t.Fatalf("proposal for the day group: %d\n%s", resp.StatusCode, page)
	}
	pick := url.Values{}
	for k, v := range q {
		pick[k] = v
	}
	pick.Set("signature", between(page, `name="signature" value="`, `"`))
	pick.Set("kind", "work_group")
	pick.Set("title", "Dagvakta møtes")
	if resp, _ := f.do(t, leader, http.MethodPost, base, pick); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("pick: %d", resp.StatusCode)
	}
	ms, err := f.db.FindMeetings(ctx, laeringsliv.MeetingFilter{WorkplaceID: f.own.ID})
	must(t, err)
	if len(ms) != 1 || ms[0].Kind != laeringsliv.MeetingWorkGroup || len(ms[0].Invitees) != 3 {
		t.Fatalf("meetings %+v", ms)
	}
	for _, in := range ms[0].Invitees {
		if !slices.Contains(day.Members, in.PersonID) {
			t.Errorf("invited %d, not of the day group", in.PersonID)
		}
	}
	other := f.fillWorkGroup(t, "/work-groups/{group}", f.fgn)
	for _, group := range []string{strings.TrimPrefix(other, "/work-groups/"), "", "x"} {
		q.Set("group", group)
		if resp, page := f.do(t, leader, http.MethodGet, base+"?"+q.Encode(), nil); resp.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(page, "Velg en av arbeidsplassens arbeidsgrupper") {
			t.Fatalf("group %q: %d", group, resp.StatusCode)
		}
	}
}

// between returns the text of s after the first start, up to end.
func between(s, start, end string) string {
	_, after, _ := strings.Cut(s, start)
	v, _, _ := strings.Cut(after, end)
	return v
}
