package web

import (
	"net/http"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// TestProgrammeLinksFollowPolicy checks that the programme page links to the requirements and
// the admissions only those who may open them: every link shown opens, every page that opens
// is linked.
func TestProgrammeLinksFollowPolicy(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	prog := "/programmes/" + itoa(f.p1.ID)
	// A programme teacher, since the fixture's teacher teaches a workplace only.
	teacher := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Programmelærer", Email: "pl@x.no"}
	must(t, f.db.CreatePerson(t.Context(), teacher))
	must(t, f.db.CreateMembership(t.Context(), &laeringsliv.Membership{PersonID: teacher.ID, Role: laeringsliv.RoleTeacher, ProgrammeID: f.p1.ID}))
	clients := map[string]*http.Client{"programme teacher": f.signInAs(t, teacher)}
	for _, role := range laeringsliv.Roles() {
		clients[string(role)] = f.signIn(t, role)
	}
	shown := 0
	for who, c := range clients {
		resp, page := f.do(t, c, http.MethodGet, prog, nil)
		if resp.StatusCode != http.StatusOK {
			continue // may not see the programme at all
		}
		for _, sub := range []string{"/requirements", "/admissions"} {
			linked := strings.Contains(page, `href="`+prog+sub+`"`)
			if linked {
				shown++
			}
			resp, _ := f.do(t, c, http.MethodGet, prog+sub, nil)
			if opens := resp.StatusCode == http.StatusOK; linked != opens {
				t.Errorf("%s: %s linked %v, opens %v (%d)", who, sub, linked, opens, resp.StatusCode)
			}
		}
	}
	if shown < 4 { // the administrator sees both, the programme teacher and the office one each
		t.Errorf("links shown %d times, want at least 4", shown)
	}
}
