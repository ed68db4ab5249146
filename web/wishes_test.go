package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// fillWish points {wish} at a wish of the walk's participant about the contributor, in the
// own workplace (the only one where both belong), making it when there is none.
func (f *fixture) fillWish(t *testing.T, path string, _ *laeringsliv.Workplace) string {
	if !strings.Contains(path, "{wish}") {
		return path
	}
	ctx := context.Background()
	me := f.people[laeringsliv.RoleParticipant].ID
	list, err := f.db.FindColleagueWishes(ctx, me, f.own.ID)
	must(t, err)
	if len(list) == 0 {
		w := &laeringsliv.ColleagueWish{WorkplaceID: f.own.ID, PersonID: me, OtherID: f.people[laeringsliv.RoleContributor].ID}
		must(t, f.db.AddColleagueWish(ctx, w))
		list = append(list, w)
	}
	return strings.Replace(path, "{wish}", itoa(list[0].ID), 1)
}

// A participant records wishes on their own page: a refused choice comes back with a message
// and nothing saved is lost; a saved one is listed and can be removed. Nobody else reaches
// the page: not a colleague, the leader, the administrator, nor anyone through a foreign
// workplace.
func TestColleagueWishesOverHTTP(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	kari := f.people[laeringsliv.RoleParticipant]
	contributor := f.people[laeringsliv.RoleContributor]
	base := "/workplaces/" + itoa(f.own.ID) + "/people/" + itoa(kari.ID) + "/wishes"
	me := f.signIn(t, laeringsliv.RoleParticipant)
	resp, page := f.do(t, me, http.MethodGet, base, nil)
	if resp.StatusCode != 200 || !strings.Contains(page, `<option value="`+itoa(contributor.ID)+`">`) ||
		strings.Contains(page, `<option value="`+itoa(kari.ID)+`"`) || strings.Contains(page, f.people[laeringsliv.RoleLeader].Name) {
		t.Fatalf("empty page: %d\n%s", resp.StatusCode, page)
	}
	for _, from := range []string{"/workplaces/" + itoa(f.own.ID), "/workplaces/" + itoa(f.own.ID) + "/people/" + itoa(kari.ID) + "/shifts"} {
		if _, page := f.do(t, me, http.MethodGet, from, nil); !strings.Contains(page, `href="`+base+`"`) {
			t.Errorf("no link from %s", from)
		}
	}
	if _, page := f.do(t, f.signIn(t, laeringsliv.RoleLeader), http.MethodGet, "/workplaces/"+itoa(f.own.ID), nil); strings.Contains(page, "/wishes") {
		t.Error("the leader is offered a wishes page")
	}
	add := func(other int64, kind string) (*http.Response, string) {
		return f.do(t, me, http.MethodPost, base, url.Values{"other": {itoa(other)}, "kind": {kind}})
	}
	if resp, _ := add(contributor.ID, "apart"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("add: %d", resp.StatusCode)
	}
	foreigner := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Utenfra", Email: "utenfra@fjordvik.kommune.no"}
	must(t, f.db.CreatePerson(ctx, foreigner))
	must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: foreigner.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: f.fgn.ID}))
	for _, tc := range []struct {
		name  string
		other int64
		kind  string
		text  string
	}{
		{"oneself", kari.ID, "with", "Du kan ikke velge deg selv."},
		{"the leader", f.people[laeringsliv.RoleLeader].ID, "with", "Velg en kollega fra listen."},
		{"another workplace's", foreigner.ID, "with", "Velg en kollega fra listen."},
		{"unknown", 999999, "apart", "Velg en kollega fra listen."},
		{"a duplicate", contributor.ID, "with", "Du har allerede et ønske om denne kollegaen."},
		{"no kind", contributor.ID, "", "Velg om du vil være i samme gruppe"},
	} {
		resp, page := add(tc.other, tc.kind)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, tc.text) ||
			!strings.Contains(page, `class="ds-error-summary"`) || !strings.Contains(page, contributor.Name) {
			t.Errorf("%s: %d\n%s", tc.name, resp.StatusCode, page)
		}
	}
	list, err := f.db.FindColleagueWishes(ctx, kari.ID, f.own.ID)
	must(t, err)
	if len(list) != 1 || list[0].OtherID != contributor.ID || list[0].Together {
		t.Fatalf("saved %+v", list)
	}
	remove := base + "/" + itoa(list[0].ID) + "/delete"
	if _, page := f.do(t, me, http.MethodGet, base, nil); !strings.Contains(page, `action="`+remove+`"`) {
		t.Fatalf("list:\n%s", page)
	}

	ola := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Ola", Email: "ola@fjordvik.kommune.no"}
	must(t, f.db.CreatePerson(ctx, ola))
	must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: ola.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: f.own.ID}))
	others := map[string]*http.Client{"colleague": f.signInAs(t, ola), "leader": f.signIn(t, laeringsliv.RoleLeader),
		"teacher": f.signIn(t, laeringsliv.RoleTeacher), "administrator": f.signIn(t, laeringsliv.RoleAdmin),
		"foreign participant": f.signInAs(t, foreigner)}
	for name, c := range others {
		for _, try := range []struct{ method, path string }{{http.MethodGet, base}, {http.MethodPost, base}, {http.MethodPost, remove}} {
			if resp, page := f.do(t, c, try.method, try.path, url.Values{"other": {itoa(ola.ID)}, "kind": {"with"}}); resp.StatusCode != http.StatusForbidden ||
				strings.Contains(page, contributor.Name) {
				t.Errorf("%s %s %s: %d", name, try.method, try.path, resp.StatusCode)
			}
		}
	}
	foreignPath := "/workplaces/" + itoa(f.fgn.ID) + "/people/" + itoa(kari.ID) + "/wishes"
	if resp, _ := f.do(t, me, http.MethodGet, foreignPath, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("own wishes through a foreign workplace: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, f.signInAs(t, ola), http.MethodPost, "/workplaces/"+itoa(f.own.ID)+"/people/"+itoa(ola.ID)+"/wishes/"+itoa(list[0].ID)+"/delete", url.Values{}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a colleague removes another's wish through their own page: %d", resp.StatusCode)
	}
	// A wish about a colleague who then leaves stays listed, marked as not applying.
	if resp, _ := add(ola.ID, "with"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("add about Ola: %d", resp.StatusCode)
	}
	ms, err := f.db.FindMemberships(ctx, laeringsliv.MembershipFilter{PersonID: ola.ID, WorkplaceID: f.own.ID})
	must(t, err)
	must(t, f.db.DeleteMembership(ctx, ms[0].ID))
	if _, page := f.do(t, me, http.MethodGet, base, nil); !strings.Contains(page, "Ola</strong> · har sluttet på arbeidsplassen") {
		t.Errorf("the wish about a colleague who left:\n%s", page)
	}
	if resp, _ := f.do(t, me, http.MethodPost, remove, url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("remove: %d", resp.StatusCode)
	}
	if list, _ := f.db.FindColleagueWishes(ctx, kari.ID, f.own.ID); len(list) != 1 || list[0].OtherID != ola.ID {
		t.Fatalf("after remove %+v", list)
	}
}

// A reading workshop's groups by shared shifts keep a wish a participant stored: without it
// the day workers make one group; with the participant's wish to be apart from another day
// worker they are split, and the proposal says only how many stored wishes it keeps.
func TestGroupsHonourStoredWish(t *testing.T) {
	f, people := shiftFixture(t)
	saveShifts(t, f, people)
	ctx := context.Background()
	base := "/workplaces/" + itoa(f.own.ID) + "/reading"
	leader := f.signIn(t, laeringsliv.RoleLeader)
	create := url.Values{"title": {"Leseverksted"}, "grouping": {"shared_shifts"}, "gathering": {"0"}}
	together := func(page string) bool {
		form := proposalForm(t, page)
		return form.Get("member-"+itoa(people[0].ID)) == form.Get("member-"+itoa(people[2].ID))
	}
	resp, page := f.do(t, leader, http.MethodPost, base, create)
	if resp.StatusCode != http.StatusOK || !together(page) || strings.Contains(page, "egne ønsker") {
		t.Fatalf("proposal without wishes: %d\n%s", resp.StatusCode, page)
	}
	must(t, f.db.AddColleagueWish(ctx, &laeringsliv.ColleagueWish{WorkplaceID: f.own.ID, PersonID: people[0].ID, OtherID: people[2].ID}))
	resp, page = f.do(t, leader, http.MethodPost, base, create)
	if resp.StatusCode != http.StatusOK || together(page) || !strings.Contains(page, "1 av 1 egne ønsker fra de ansatte er oppfylt.") {
		t.Fatalf("proposal with a stored wish: %d\n%s", resp.StatusCode, page)
	}
	if form := proposalForm(t, page); form.Get("wish-person-0") != "" && form.Get("wish-person-0") != "0" {
		t.Fatalf("the stored wish shows in the organiser's wish rows: %v", form)
	}
	// The organiser's own wish on the same pair wins.
	typed := url.Values{}
	for k, v := range create {
		typed[k] = v
	}
	typed.Set("wish-person-0", itoa(people[0].ID))
	typed.Set("wish-other-0", itoa(people[2].ID))
	typed.Set("wish-kind-0", "together")
	resp, page = f.do(t, leader, http.MethodPost, base, typed)
	if resp.StatusCode != http.StatusOK || !together(page) || strings.Contains(page, "egne ønsker") {
		t.Fatalf("organiser's wish: %d\n%s", resp.StatusCode, page)
	}
}
