package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
	"laeringsliv/sqlstore/sqltest"
)

// dashWorld fills the fixture with something to do in both workplaces: a running session, a
// gathering, work requirements and a returned submission, a submission to assess and a
// prior-learning application. Everything in the foreign workplace is named "Fremmed".
type dashWorld struct {
	*fixture
	session             *laeringsliv.IPESession
	gathering           *laeringsliv.Gathering
	ak1, ak2, ak3       *laeringsliv.WorkRequirement
	participantReturned *laeringsliv.Submission
	gatheringDay        time.Time
}

func newDashWorld(t *testing.T) *dashWorld {
	ctx := context.Background()
	f := newFixture(t, sqltest.OpenSQLite(t))
	w := &dashWorld{fixture: f}
	teacher, part := f.people[laeringsliv.RoleTeacher], f.people[laeringsliv.RoleParticipant]

	w.session = w.runningSession(t, f.own, "Hva kan vi gjøre bedre på morgenen?", teacher.ID)
	w.runningSession(t, f.fgn, "Fremmed økt", 0)

	nor := laeringsliv.Norway()
	now := time.Now().In(nor)
	w.gatheringDay = time.Date(now.Year(), now.Month(), now.Day()+3, 9, 0, 0, 0, nor)
	w.gathering = w.newGathering(t, f.own, "Implementeringssamling", "Kantina", w.gatheringDay)
	w.newGathering(t, f.fgn, "Fremmed samling", "Et annet sted", w.gatheringDay)

	w.ak1 = w.requirement(t, f.p1, "AK1", "Refleksjonslogg", now.AddDate(0, 1, 0))
	w.ak2 = w.requirement(t, f.p1, "AK2", "Statuspresentasjon", now.AddDate(0, -1, 0))
	w.ak3 = w.requirement(t, f.p1, "AK3", "Innovasjonsarbeidet", time.Time{})
	w.requirement(t, f.p2, "FR1", "Fremmed arbeidskrav", now.AddDate(0, 1, 0))
	// The participant's AK2 came back not approved; AK3 is handed in and waits.
	w.participantReturned = w.handIn(t, w.ak2, f.own, part)
	_, err := f.db.Assess(ctx, &laeringsliv.Assessment{SubmissionID: w.participantReturned.ID, AssessorID: teacher.ID,
		Verdict: laeringsliv.VerdictNotApproved, Feedback: "Mer teori."})
	must(t, err)
	w.handIn(t, w.ak3, f.own, part)
	// Somebody else's AK1 waits for the teacher (and counts once, with the AK3 above: two).
	f.newSubmission(t, w.ak1, f.own)
	f.newSubmission(t, w.requirement(t, f.p2, "FR2", "Fremmed", now), f.fgn)

	for _, wp := range []*laeringsliv.Workplace{f.own, f.fgn} {
		must(t, f.db.CreatePriorLearning(ctx, &laeringsliv.PriorLearningApplication{WorkplaceID: wp.ID, PersonID: part.ID,
			Level: laeringsliv.LevelBachelor, CreatedBy: part.ID,
			Documents: []laeringsliv.PriorLearningDocument{{Kind: laeringsliv.DocTradeCertificate, Title: "Fagbrev"}}}))
	}
	w.shift(t, part, w.gatheringDay.Format("2006-01-02"))
	return w
}

func (w *dashWorld) runningSession(t *testing.T, wp *laeringsliv.Workplace, q string, by int64) *laeringsliv.IPESession {
	s := &laeringsliv.IPESession{WorkplaceID: wp.ID, Kind: laeringsliv.IPEKindCapture, Question: q, CreatedBy: by}
	must(t, w.db.CreateIPESession(context.Background(), s, []string{"Alle"}, nil))
	s, err := w.db.SetIPEPhase(context.Background(), s.ID, laeringsliv.IPEPhaseDraft)
	must(t, err)
	return s
}

func (w *dashWorld) newGathering(t *testing.T, wp *laeringsliv.Workplace, title, place string, start time.Time) *laeringsliv.Gathering {
	g := &laeringsliv.Gathering{WorkplaceID: wp.ID, Kind: laeringsliv.GatheringImplementation, Title: title, Place: place,
		Days: []laeringsliv.GatheringDay{{Start: start, End: start.Add(6 * time.Hour)}}}
	must(t, w.db.CreateGathering(context.Background(), g))
	return g
}

func (w *dashWorld) requirement(t *testing.T, p *laeringsliv.Programme, code, title string, due time.Time) *laeringsliv.WorkRequirement {
	r := &laeringsliv.WorkRequirement{ProgrammeID: p.ID, Code: code, Title: title, Mode: laeringsliv.ModeIndividual,
		DueAt: due, Assessors: 1}
	if due.IsZero() {
		r.DueGathering = laeringsliv.GatheringImplementation
	}
	must(t, w.db.CreateRequirement(context.Background(), r))
	return r
}

func (w *dashWorld) handIn(t *testing.T, r *laeringsliv.WorkRequirement, wp *laeringsliv.Workplace, p *laeringsliv.Person) *laeringsliv.Submission {
	ctx := context.Background()
	sub := &laeringsliv.Submission{RequirementID: r.ID, WorkplaceID: wp.ID, AuthorID: p.ID, MemberIDs: []int64{p.ID}, Text: "Tekst"}
	must(t, w.db.SaveDraft(ctx, sub))
	_, err := w.db.Submit(ctx, sub.ID, p.ID)
	must(t, err)
	return sub
}

// shift puts the person on a day shift in the own workplace's rota.
func (w *dashWorld) shift(t *testing.T, p *laeringsliv.Person, day string) {
	shifts, problems := rota.Parse([]byte("email,date,start,end,code\n"+p.Email+","+day+",07:30,15:00,D\n"), rota.Columns{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	shifts[0].PersonID = p.ID
	must(t, w.db.SaveRotaPeriod(context.Background(), rota.NewPeriod(w.own.ID, shifts)))
}

// Each role's dashboard names the next actions of its own workplace and programme, in plain
// sentences each with one link the role may follow, and nothing of the foreign workplace.
func TestDashboardPerRole(t *testing.T) {
	w := newDashWorld(t)
	own, p1 := itoa(w.own.ID), itoa(w.p1.ID)
	console := ipePath(w.session)
	join := "/ipe?code=" + w.session.JoinCode
	gatherings := "/workplaces/" + own + "/gatherings"
	when := w.gatheringDay.Format("02.01.2006") + " kl. 09:00"
	write := func(r *laeringsliv.WorkRequirement) string {
		return "/workplaces/" + own + "/requirements/" + itoa(r.ID)
	}
	cases := []struct {
		role      laeringsliv.Role
		want, not []string
	}{
		{laeringsliv.RoleParticipant, []string{
			"Økta «Hva kan vi gjøre bedre på morgenen?» pågår nå på Solsiden bofellesskap. Steg: Idéfangst.", `href="` + join + `">Bli med`,
			"Implementeringssamling, Solsiden bofellesskap: " + when + ", sted: Kantina.", `href="` + gatherings + `"`,
			"Vakten din den dagen: 07:30–15:00 (D).",
			"AK2 «Statuspresentasjon» ble ikke godkjent og kan leveres på nytt.", `href="` + write(w.ak2) + `">Se tilbakemeldingen`,
			"AK1 «Refleksjonslogg» er ikke levert.", `href="` + write(w.ak1) + `">Skriv og lever`,
			"Fristen var " + time.Now().AddDate(0, -1, 0).In(laeringsliv.Norway()).Format("02.01.2006"),
		}, []string{console + `"`, "AK3", "/assessment", "/admissions", "Ingenting venter"}},
		{laeringsliv.RoleLeader, []string{
			`href="` + console + `">Led økta`, "Implementeringssamling, Solsiden bofellesskap: " + when,
		}, []string{join, "Arbeidskrav å levere", "/assessment", "/admissions", "Vakten din"}},
		{laeringsliv.RoleUnionRep, []string{
			`href="` + join + `">Bli med`, `href="` + gatherings + `"`,
		}, []string{console + `"`, "Arbeidskrav å levere", "/assessment", "/admissions"}},
		{laeringsliv.RoleTeacher, []string{
			`href="` + console + `">Led økta`, `href="` + gatherings + `"`,
			"2 innleveringer fra Solsiden bofellesskap venter på vurderingen din.", `href="/workplaces/` + own + `/assessment">Vurder`,
		}, []string{join, "Arbeidskrav å levere", "/admissions"}},
		{laeringsliv.RoleAdmissions, []string{
			"1 søknad om realkompetansevurdering i MDI venter på vedtak.", `href="/programmes/` + p1 + `/admissions">Behandle søknadene`,
		}, []string{"/ipe", gatherings, "Arbeidskrav å levere", "/assessment"}},
		{laeringsliv.RoleAdmin, []string{
			"Ingenting venter på deg akkurat nå.", `href="/workplaces/` + itoa(w.fgn.ID) + `"`, `href="/workplaces/` + own + `"`,
		}, []string{"/ipe", gatherings, "/assessment", "/admissions"}},
	}
	for _, tc := range cases {
		t.Run(string(tc.role), func(t *testing.T) {
			c := w.signIn(t, tc.role)
			resp, body := w.do(t, c, http.MethodGet, "/", nil)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			for _, s := range tc.want {
				if !strings.Contains(body, s) {
					t.Errorf("missing %q", s)
				}
			}
			for _, s := range append(tc.not, "Fremmed") {
				if strings.Contains(body, s) {
					t.Errorf("shows %q", s)
				}
			}
			for _, m := range hrefs.FindAllStringSubmatch(body, -1) {
				link := strings.ReplaceAll(m[1], "&amp;", "&")
				if strings.HasPrefix(link, "/lang/") {
					continue
				}
				if lr, _ := w.do(t, c, http.MethodGet, link, nil); lr.StatusCode == http.StatusForbidden {
					t.Errorf("link %s answers 403", link)
				}
			}
		})
	}
}

// A requirement due at a gathering the workplace has not planned says so; an empty section
// is left out, and a session ready to start shows only to those who run it.
func TestDashboardDraftsAndUnplannedGathering(t *testing.T) {
	w := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	part := w.people[laeringsliv.RoleParticipant]
	must(t, w.db.CreateRequirement(ctx, &laeringsliv.WorkRequirement{ProgrammeID: w.p1.ID, Code: "AK1", Title: "Logg",
		Mode: laeringsliv.ModeIndividual, DueGathering: laeringsliv.GatheringStartUp, Assessors: 1}))
	draft := &laeringsliv.IPESession{WorkplaceID: w.own.ID, Kind: laeringsliv.IPEKindCapture, Question: "Utkast?", CreatedBy: part.ID}
	must(t, w.db.CreateIPESession(ctx, draft, []string{"Alle"}, nil))

	_, body := w.do(t, w.signIn(t, laeringsliv.RoleParticipant), http.MethodGet, "/", nil)
	for _, s := range []string{"Frist: oppstartsamling, som ikke har fått dato ennå.",
		"Økta «Utkast?» på Solsiden bofellesskap er klar, men ikke startet.", `href="` + ipePath(draft) + `">Led økta`} {
		if !strings.Contains(body, s) {
			t.Errorf("participant: missing %q", s)
		}
	}
	if strings.Contains(body, "Neste samling") || strings.Contains(body, "Ingenting venter") {
		t.Error("participant: an empty section or the nothing-to-do notice is shown")
	}
	_, body = w.do(t, w.signIn(t, laeringsliv.RoleUnionRep), http.MethodGet, "/", nil)
	if strings.Contains(body, "Utkast?") || !strings.Contains(body, "Ingenting venter på deg akkurat nå.") {
		t.Error("union representative: sees a draft session, or is not told that nothing waits")
	}
}

// The dashboard speaks Nynorsk and English too, plural forms included.
func TestDashboardLanguages(t *testing.T) {
	w := newDashWorld(t)
	c := w.signIn(t, laeringsliv.RoleTeacher)
	for lang, want := range map[string]string{
		"nn": "2 innleveringar frå Solsiden bofellesskap ventar på vurderinga di.",
		"en": "2 submissions from Solsiden bofellesskap are waiting for your assessment.",
	} {
		w.do(t, c, http.MethodGet, "/lang/"+lang+"?next=/", nil)
		if _, body := w.do(t, c, http.MethodGet, "/", nil); !strings.Contains(body, want) {
			t.Errorf("%s: missing %q", lang, want)
		}
	}
}

// In the middle of a gathering of several days, the day that counts is the next one.
func TestDashboardNextDay(t *testing.T) {
	day := time.Date(2017, 10, 2, 7, 0, 0, 0, time.UTC)
	g := &laeringsliv.Gathering{Days: []laeringsliv.GatheringDay{
		{Start: day, End: day.Add(7 * time.Hour)}, {Start: day.AddDate(0, 0, 1), End: day.AddDate(0, 0, 1).Add(7 * time.Hour)}}}
	for _, tc := range []struct {
		now  time.Time
		want time.Time
	}{
		{day.Add(-time.Hour), day},
		{day.Add(time.Hour), day},
		{day.Add(12 * time.Hour), day.AddDate(0, 0, 1)},
		{day.AddDate(0, 0, 3), day}, // over: the start, though the store offers none such
	} {
		if got := nextDay(g, tc.now); !got.Equal(tc.want) {
			t.Errorf("at %v: %v, want %v", tc.now, got, tc.want)
		}
	}
}
