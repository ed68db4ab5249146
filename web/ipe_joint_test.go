package web

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/blindcred"
	"laeringsliv/sqlstore/sqltest"
)

// TestJointIPESession: the host's facilitator invites a workplace of the institution; a member
// of the guest workplace finds the invitation on their own workplace's page and gets their one
// credential for the members-only session; a member of an uninvited workplace gets none; and the
// guest sees nothing else of the host's: not its session list, console, screen or export.
func TestJointIPESession(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	host := f.signIn(t, laeringsliv.RoleLeader)
	s := &laeringsliv.IPESession{WorkplaceID: f.own.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva lærer vi av hverandre?",
		JoinMode: laeringsliv.IPEJoinMembers, CreatedBy: f.people[laeringsliv.RoleLeader].ID}
	must(t, f.db.CreateIPESession(ctx, s, []string{"Gruppe 1", "Gruppe 2"}, nil))
	console := "/workplaces/" + itoa(f.own.ID) + "/ipe/" + itoa(s.ID)

	resp, body := f.do(t, host, http.MethodGet, console+"/guests", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, f.fgn.Name) {
		t.Fatalf("guests page: %d", resp.StatusCode)
	}
	resp, _ = f.do(t, host, http.MethodPost, console+"/guests", url.Values{"guest": {itoa(f.fgn.ID)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("inviting: %d", resp.StatusCode)
	}
	resp, _ = f.do(t, host, http.MethodPost, console+"/guests", url.Values{"guest": {"999999"}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("inviting an unknown workplace: %d, want 422", resp.StatusCode)
	}

	member := func(wp *laeringsliv.Workplace, email string) *http.Client {
		p := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Gjest " + email, Email: email}
		must(t, f.db.CreatePerson(ctx, p))
		must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: p.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: wp.ID}))
		return f.signInAs(t, p)
	}
	guest := member(f.fgn, "gjest@asen.kommune.no")
	stranger := member(f.scratchWorkplace(t), "fremmed@x.no")

	resp, body = f.do(t, guest, http.MethodGet, "/workplaces/"+itoa(f.fgn.ID)+"/joint-ipe", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, s.Question) || !strings.Contains(body, f.own.Name) {
		t.Fatalf("the guest's invitations page: %d", resp.StatusCode)
	}
	resp, body = f.do(t, guest, http.MethodGet, "/workplaces/"+itoa(f.fgn.ID)+"/ipe", nil)
	if resp.StatusCode != http.StatusOK || strings.Contains(body, `/ipe/`+itoa(s.ID)+`"`) {
		t.Fatalf("the guest's own session list holds the host's session (%d)", resp.StatusCode)
	}

	// One credential for the guest member, as for a member of the host; none for a stranger.
	blinded := make([]byte, blindcred.Bits/8) // a leading zero keeps it below the modulus
	blinded[len(blinded)-1] = 7
	req := `{"blinded":"` + base64.RawURLEncoding.EncodeToString(blinded) + `"}`
	if status, body := f.postJSON(t, guest, console+"/credential", req); status != http.StatusOK || !strings.Contains(body, "signature") {
		t.Fatalf("the guest member's credential: %d %s", status, body)
	}
	if status, _ := f.postJSON(t, guest, console+"/credential", req); status != http.StatusConflict {
		t.Fatalf("a second credential for the guest member: %d, want 409", status)
	}
	if status, _ := f.postJSON(t, stranger, console+"/credential", req); status != http.StatusForbidden {
		t.Fatalf("an uninvited member's credential: %d, want 403", status)
	}
	for _, path := range []string{console, console + "/screen", console + "/export?format=csv", console + "/guests",
		"/workplaces/" + itoa(f.own.ID) + "/ipe", "/workplaces/" + itoa(f.own.ID) + "/innovations"} {
		if resp, _ := f.do(t, guest, http.MethodGet, path, nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the guest opened %s: %d, want 403", path, resp.StatusCode)
		}
	}
}
