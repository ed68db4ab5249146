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

// newSharedInnovation records an innovation in wp and, unless share is false, shares it.
func (f *fixture) newSharedInnovation(t *testing.T, wp *laeringsliv.Workplace, title string, share bool) (*laeringsliv.Innovation, *laeringsliv.Share) {
	t.Helper()
	ctx := context.Background()
	pr := &laeringsliv.Project{WorkplaceID: wp.ID, Title: "Felles prosjekt"}
	must(t, f.db.CreateProject(ctx, pr))
	i := &laeringsliv.Innovation{WorkplaceID: wp.ID, ProjectID: pr.ID, Title: title, Description: "Slik gjorde vi det.",
		Status: laeringsliv.InnovationTrying, Size: laeringsliv.InnovationSmall}
	must(t, f.db.CreateInnovation(ctx, i, f.people[laeringsliv.RoleAdmin].ID))
	if !share {
		return i, nil
	}
	sh := &laeringsliv.Share{WorkplaceID: wp.ID, Kind: laeringsliv.ShareInnovation, RefID: i.ID, Title: i.Title,
		Status: string(i.Status), Body: i.Description}
	must(t, f.db.CreateShare(ctx, sh))
	return i, sh
}

// fillShare fills {share}: one of the workplace's own under /shares/, one of the other
// workplace under /shared/ (what its members see from the others).
func (f *fixture) fillShare(t *testing.T, path string, wp *laeringsliv.Workplace) string {
	if !strings.Contains(path, "{share}") {
		return path
	}
	from := wp
	if strings.Contains(path, "/shared/") {
		from = f.fgn
		if wp.ID == f.fgn.ID {
			from = f.own
		}
	}
	_, sh := f.newSharedInnovation(t, from, "Tavlemøte kl. 14", true)
	return strings.Replace(path, "{share}", itoa(sh.ID), 1)
}

// TestShareIsolation checks that a member of workplace B sees nothing of workplace A that A has
// not shared: not by the routes, not by guessing ids, and not after A withdraws a share.
func TestShareIsolation(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	// B: a second workplace of the fixture's programme, with a leader of its own.
	b := &laeringsliv.Workplace{ProgrammeID: f.p1.ID, Name: "Bakken sykehjem", Municipality: "Fjordvik", ServiceKind: laeringsliv.ServiceHomeCare, FTEs: 20}
	must(t, f.db.CreateWorkplace(ctx, b))
	leaderB := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Berit Bakken", Email: "berit@fjordvik.kommune.no"}
	must(t, f.db.CreatePerson(ctx, leaderB))
	must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: leaderB.ID, Role: laeringsliv.RoleLeader, WorkplaceID: b.ID}))
	c := f.signInAs(t, leaderB)

	secret, _ := f.newSharedInnovation(t, f.own, "Hemmelig turnusforsøk", false)
	shown, shared := f.newSharedInnovation(t, f.own, "Delt tavlemøte", true)
	_, gone := f.newSharedInnovation(t, f.own, "Tilbaketrukket forsøk", true)
	must(t, f.db.WithdrawShare(ctx, gone.ID))

	get := func(path string) (int, string) {
		resp, body := f.do(t, c, http.MethodGet, path, nil)
		return resp.StatusCode, body
	}
	wantStatus := func(path string, want int) {
		t.Helper()
		if got, _ := get(path); got != want {
			t.Errorf("GET %s: %d, want %d", path, got, want)
		}
	}
	status, body := get("/workplaces/" + itoa(b.ID) + "/shared")
	if status != http.StatusOK || !strings.Contains(body, shown.Title) ||
		strings.Contains(body, secret.Title) || strings.Contains(body, "Tilbaketrukket") {
		t.Fatalf("B's page of the others' shares (%d) shows the wrong things:\n%s", status, body)
	}
	wantStatus("/workplaces/"+itoa(b.ID)+"/shared/"+itoa(shared.ID), http.StatusOK)
	// Guessed ids: a withdrawn share, one that does not exist; and no share id at all leads to
	// A's unshared innovation.
	wantStatus("/workplaces/"+itoa(b.ID)+"/shared/"+itoa(gone.ID), http.StatusNotFound)
	wantStatus("/workplaces/"+itoa(b.ID)+"/shared/"+itoa(gone.ID+100), http.StatusNotFound)
	for id := int64(1); id <= gone.ID+5; id++ {
		status, body := get("/workplaces/" + itoa(b.ID) + "/shared/" + itoa(id))
		if strings.Contains(body, secret.Title) || strings.Contains(body, "Tilbaketrukket") ||
			status == http.StatusOK && id != shared.ID {
			t.Errorf("share id %d: %d shows what B may not see", id, status)
		}
	}
	// A's own pages stay closed to B.
	wantStatus("/workplaces/"+itoa(f.own.ID)+"/shared/"+itoa(shared.ID), http.StatusForbidden)
	wantStatus("/workplaces/"+itoa(f.own.ID)+"/shares", http.StatusForbidden)
	wantStatus("/workplaces/"+itoa(f.own.ID)+"/innovations/"+itoa(secret.ID), http.StatusForbidden)
	// B's leader cannot preview, share or withdraw A's records through B.
	wantStatus("/workplaces/"+itoa(b.ID)+"/shares/new?kind=innovation&ref="+itoa(secret.ID), http.StatusNotFound)
	resp, _ := f.do(t, c, http.MethodPost, "/workplaces/"+itoa(b.ID)+"/shares",
		url.Values{"kind": {"innovation"}, "ref": {itoa(secret.ID)}, "digest": {strings.Repeat("0", 32)}})
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("sharing A's innovation from B: %d, want 404", resp.StatusCode)
	}
	resp, _ = f.do(t, c, http.MethodPost, "/workplaces/"+itoa(b.ID)+"/shares/"+itoa(shared.ID)+"/withdraw", url.Values{})
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("withdrawing A's share from B: %d, want 404", resp.StatusCode)
	}
	// Commenting and adopting a withdrawn share are refused as not found.
	resp, _ = f.do(t, c, http.MethodPost, "/workplaces/"+itoa(b.ID)+"/shared/"+itoa(gone.ID)+"/comments", url.Values{"body": {"Hei"}})
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("commenting a withdrawn share: %d, want 404", resp.StatusCode)
	}
}

// TestShareFlow shares an innovation after its preview, comments from another workplace,
// adopts it there, and checks that the origin shows where it spread — and no person's name.
func TestShareFlow(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	leaderA := f.signIn(t, laeringsliv.RoleLeader)
	i, _ := f.newSharedInnovation(t, f.own, "Fast møtetid for helgelaget", false)
	preview := "/workplaces/" + itoa(f.own.ID) + "/shares/new?kind=innovation&ref=" + itoa(i.ID)
	resp, body := f.do(t, leaderA, http.MethodGet, preview, nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, i.Title) {
		t.Fatalf("preview: %d\n%s", resp.StatusCode, body)
	}
	sh := &laeringsliv.Share{Kind: laeringsliv.ShareInnovation, Title: i.Title, Status: string(i.Status), Body: i.Description}
	form := url.Values{"kind": {"innovation"}, "ref": {itoa(i.ID)}, "digest": {sh.Digest()}}

	// The record changed after the preview: the new preview comes back, nothing is shared.
	i.Title = "Fast møtetid, endret"
	must(t, f.db.UpdateInnovation(ctx, i, 0))
	resp, body = f.do(t, leaderA, http.MethodPost, "/workplaces/"+itoa(f.own.ID)+"/shares", form)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, i.Title) {
		t.Fatalf("changed after preview: %d", resp.StatusCode)
	}
	sh.Title = i.Title
	form.Set("digest", sh.Digest())
	resp, _ = f.do(t, leaderA, http.MethodPost, "/workplaces/"+itoa(f.own.ID)+"/shares", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("share: %d", resp.StatusCode)
	}
	shares, err := f.db.FindShares(ctx, laeringsliv.ShareFilter{WorkplaceID: f.own.ID, ActiveOnly: true})
	must(t, err)
	if len(shares) != 1 || shares[0].Title != i.Title {
		t.Fatalf("shares %+v", shares)
	}

	// A leader of the foreign workplace (same institution) comments and adopts.
	leaderB := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Bjørn Åsen", Email: "bjorn@asen.kommune.no"}
	must(t, f.db.CreatePerson(ctx, leaderB))
	must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: leaderB.ID, Role: laeringsliv.RoleLeader, WorkplaceID: f.fgn.ID}))
	pb := &laeringsliv.Project{WorkplaceID: f.fgn.ID, Title: "Åsen-prosjektet"}
	must(t, f.db.CreateProject(ctx, pb))
	c := f.signInAs(t, leaderB)
	item := sharedURL(f.fgn.ID, shares[0].ID)
	resp, _ = f.do(t, c, http.MethodPost, item+"/comments", url.Values{"body": {"Hvordan fikk dere med helgevaktene?"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("comment: %d", resp.StatusCode)
	}
	resp, _ = f.do(t, c, http.MethodPost, item+"/adopt", url.Values{"project_id": {itoa(pb.ID)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("adopt: %d", resp.StatusCode)
	}
	adopted, err := f.db.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: f.fgn.ID})
	must(t, err)
	if len(adopted) != 1 || adopted[0].Title != i.Title || adopted[0].Status != laeringsliv.InnovationIdea {
		t.Fatalf("adopted %+v", adopted)
	}

	// The origin sees the comment from Åsen and where it spread, with no person's name.
	resp, body = f.do(t, leaderA, http.MethodGet, innovationURL(i), nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, f.fgn.Name) || strings.Contains(body, leaderB.Name) {
		t.Fatalf("origin's innovation page: %d, spread shown=%v, name leaked=%v", resp.StatusCode,
			strings.Contains(body, f.fgn.Name), strings.Contains(body, leaderB.Name))
	}
	resp, body = f.do(t, leaderA, http.MethodGet, sharedURL(f.own.ID, shares[0].ID), nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Hvordan fikk dere med helgevaktene?") ||
		strings.Contains(body, leaderB.Name) {
		t.Fatalf("origin's share page: %d\n%s", resp.StatusCode, body)
	}
	// The adopter's innovation names its origin.
	resp, body = f.do(t, c, http.MethodGet, innovationURL(adopted[0]), nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, f.own.Name) {
		t.Fatalf("adopter's innovation page: %d", resp.StatusCode)
	}
}

// TestShareQuestionAndChapter previews and shares an IPE question and a handbook chapter (from
// the handbook page's hook); a chapter of another programme's handbook cannot be shared.
func TestShareQuestionAndChapter(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	leader := f.signIn(t, laeringsliv.RoleLeader)
	base := "/workplaces/" + itoa(f.own.ID)

	ses := f.newIPESession(t, f.own)
	resp, body := f.do(t, leader, http.MethodGet, base+"/ipe", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "shares/new?kind=ipe_question&amp;ref="+itoa(ses.ID)) {
		t.Fatalf("the session list offers no sharing of the question (%d)", resp.StatusCode)
	}
	resp, body = f.do(t, leader, http.MethodGet, base+"/shares/new?kind=ipe_question&ref="+itoa(ses.ID), nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, ses.Question) {
		t.Fatalf("question preview: %d", resp.StatusCode)
	}
	q := laeringsliv.QuestionShare(f.own, ses, nil)
	resp, _ = f.do(t, leader, http.MethodPost, base+"/shares", url.Values{"kind": {"ipe_question"}, "ref": {itoa(ses.ID)}, "digest": {q.Digest()}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sharing the question: %d", resp.StatusCode)
	}

	h := &laeringsliv.Handbook{ProgrammeID: f.p1.ID, Title: "Håndbok"}
	must(t, f.db.CreateHandbook(ctx, h))
	c := &laeringsliv.HandbookChapter{HandbookID: h.ID, Title: "Slik startet vi", Body: "Vi møttes.\n{{innovation 1}}"}
	must(t, f.db.CreateChapter(ctx, c, f.people[laeringsliv.RoleTeacher].ID))
	resp, body = f.do(t, leader, http.MethodGet, "/programmes/"+itoa(f.p1.ID)+"/handbook", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, base+"/shares/new?kind=chapter&amp;ref="+itoa(c.ID)) {
		t.Fatalf("the handbook offers no sharing of the chapter (%d)", resp.StatusCode)
	}
	resp, body = f.do(t, leader, http.MethodGet, base+"/shares/new?kind=chapter&ref="+itoa(c.ID), nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Vi møttes.") || strings.Contains(body, "{{innovation") {
		t.Fatalf("chapter preview: %d", resp.StatusCode)
	}
	other := &laeringsliv.Handbook{ProgrammeID: f.p2.ID, Title: "Annen håndbok"}
	must(t, f.db.CreateHandbook(ctx, other))
	oc := &laeringsliv.HandbookChapter{HandbookID: other.ID, Title: "Ikke vårt", Body: "x"}
	must(t, f.db.CreateChapter(ctx, oc, f.people[laeringsliv.RoleTeacher].ID))
	if resp, _ := f.do(t, leader, http.MethodGet, base+"/shares/new?kind=chapter&ref="+itoa(oc.ID), nil); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("another programme's chapter: %d, want 404", resp.StatusCode)
	}
}
