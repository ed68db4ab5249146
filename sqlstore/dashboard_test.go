package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// tick makes the store's clock move a second at each reading, so that "after the latest
// decision" is told apart within one test.
func tick(db *sqlstore.DB) {
	t := time.Date(2017, 9, 1, 8, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { t = t.Add(time.Second); return t }
}

// Open sessions of the named workplaces only, newest first, closed ones left out.
func TestDashboardOpenIPESessions(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		draft := newIPESession(t, db, o)
		running := newIPESession(t, db, o)
		advance(t, db, running)
		foreign := &laeringsliv.IPESession{WorkplaceID: o.wpB.ID, Kind: laeringsliv.IPEKindCapture, Question: "B?"}
		must(t, db.CreateIPESession(ctx, foreign, []string{"Alle"}, nil))
		list, err := db.OpenIPESessions(ctx, o.inst.ID, []int64{o.wpA.ID})
		must(t, err)
		if len(list) != 2 || list[0].ID != running.ID || list[0].Phase != laeringsliv.IPEPhaseCapture || list[1].ID != draft.ID {
			t.Fatalf("open sessions %+v", list)
		}
		if none, err := db.OpenIPESessions(ctx, o.inst.ID, nil); err != nil || len(none) != 0 {
			t.Fatalf("no workplaces: %v, %v", none, err)
		}
	})
}

// The next gathering per workplace is the first that has not ended, even while it runs.
func TestDashboardNextGatherings(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		now := time.Date(2017, 10, 2, 12, 0, 0, 0, time.UTC)
		gathering := func(wp int64, kind laeringsliv.GatheringKind, start time.Time) *laeringsliv.Gathering {
			g := &laeringsliv.Gathering{WorkplaceID: wp, Kind: kind, Title: string(kind), Place: "Kantina",
				Days: []laeringsliv.GatheringDay{{Start: start, End: start.Add(7 * time.Hour)}}}
			must(t, db.CreateGathering(ctx, g))
			return g
		}
		gathering(o.wpA.ID, laeringsliv.GatheringStartUp, now.AddDate(0, -1, 0))
		running := gathering(o.wpA.ID, laeringsliv.GatheringImplementation, now.Add(-2*time.Hour))
		gathering(o.wpA.ID, laeringsliv.GatheringEvaluation, now.AddDate(0, 2, 0))
		later := gathering(o.wpB.ID, laeringsliv.GatheringStartUp, now.AddDate(0, 1, 0))
		list, err := db.NextGatherings(ctx, o.inst.ID, []int64{o.wpA.ID, o.wpB.ID}, now)
		must(t, err)
		if len(list) != 2 || list[0].ID != running.ID || list[1].ID != later.ID || len(list[0].Days) != 1 || list[0].Place != "Kantina" {
			t.Fatalf("next gatherings %+v", list)
		}
		list, err = db.NextGatherings(ctx, o.inst.ID, []int64{o.wpB.ID}, now.AddDate(1, 0, 0))
		must(t, err)
		if len(list) != 0 {
			t.Fatalf("after the last gathering: %+v", list)
		}
	})
}

// A participant's latest version per requirement, group submissions included; a teacher's
// queue counts what waits for their own verdict.
func TestDashboardSubmissions(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		s := newStudy(t, db)
		d := &laeringsliv.Submission{RequirementID: s.ak1.ID, WorkplaceID: s.wpA.ID, AuthorID: s.kari.ID,
			MemberIDs: []int64{s.kari.ID}, Text: "Logg"}
		must(t, db.SaveDraft(ctx, d))
		_, err := db.Submit(ctx, d.ID, s.kari.ID)
		must(t, err)
		_, err = db.Assess(ctx, &laeringsliv.Assessment{SubmissionID: d.ID, AssessorID: s.t1.ID,
			Verdict: laeringsliv.VerdictNotApproved, Feedback: "Mer teori."})
		must(t, err)
		g := &laeringsliv.Submission{RequirementID: s.ak2.ID, WorkplaceID: s.wpA.ID, AuthorID: s.ola.ID,
			MemberIDs: []int64{s.kari.ID, s.ola.ID}, Text: "Status"}
		must(t, db.SaveDraft(ctx, g))
		_, err = db.Submit(ctx, g.ID, s.ola.ID)
		must(t, err)

		latest, err := db.LatestSubmissions(ctx, s.kari.ID)
		must(t, err)
		if len(latest) != 2 || latest[0].RequirementID != s.ak1.ID || latest[0].Status != laeringsliv.StatusNotApproved ||
			latest[1].Status != laeringsliv.StatusSubmitted || latest[0].Text != "" {
			t.Fatalf("latest %+v", latest)
		}
		v2, err := db.Resubmit(ctx, d.ID, s.kari.ID)
		must(t, err)
		latest, err = db.LatestSubmissions(ctx, s.kari.ID)
		must(t, err)
		if len(latest) != 2 || latest[0].ID != v2.ID || latest[0].Status != laeringsliv.StatusDraft {
			t.Fatalf("after resubmitting %+v", latest)
		}

		queue := func(teacher int64, want int) {
			t.Helper()
			got, err := db.AssessmentQueue(ctx, teacher, []int64{s.wpA.ID, s.wpB.ID})
			must(t, err)
			if got[s.wpA.ID] != want || len(got) > 1 {
				t.Errorf("teacher %d: queue %v, want %d at A", teacher, got, want)
			}
		}
		queue(s.t1.ID, 1)
		queue(s.t2.ID, 1)
		_, err = db.Assess(ctx, &laeringsliv.Assessment{SubmissionID: g.ID, AssessorID: s.t1.ID, Verdict: laeringsliv.VerdictApproved})
		must(t, err)
		queue(s.t1.ID, 0) // done their part; the second assessor still owes a verdict
		queue(s.t2.ID, 1)
		if got, _ := db.AssessmentQueue(ctx, s.t2.ID, []int64{s.wpB.ID}); len(got) != 0 {
			t.Errorf("another workplace's queue: %v", got)
		}
	})
}

// Applications wait for a decision until one is made, and again once a document is added.
func TestDashboardOpenPriorLearnings(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		tick(db)
		s := newStudy(t, db)
		app := &laeringsliv.PriorLearningApplication{WorkplaceID: s.wpA.ID, PersonID: s.kari.ID,
			Level: laeringsliv.LevelBachelor, CreatedBy: s.kari.ID,
			Documents: []laeringsliv.PriorLearningDocument{{Kind: laeringsliv.DocTradeCertificate, Title: "Fagbrev"}}}
		must(t, db.CreatePriorLearning(ctx, app))
		open := func(want int) {
			t.Helper()
			got, err := db.OpenPriorLearnings(ctx, []int64{s.prog.ID, s.other.ID})
			must(t, err)
			if got[s.prog.ID] != want || len(got) > 1 {
				t.Errorf("open %v, want %d", got, want)
			}
		}
		open(1)
		must(t, db.DecidePriorLearning(ctx, &laeringsliv.PriorLearningDecision{ApplicationID: app.ID,
			Outcome: laeringsliv.DecisionMoreDocument, Rationale: "Mangler attest.", DecidedBy: s.t1.ID}))
		open(0)
		must(t, db.AddPriorLearningDocument(ctx, &laeringsliv.PriorLearningDocument{ApplicationID: app.ID,
			Kind: laeringsliv.DocOther, Title: "Attest"}))
		open(1)
		if got, _ := db.OpenPriorLearnings(ctx, []int64{s.other.ID}); len(got) != 0 {
			t.Errorf("another programme: %v", got)
		}
	})
}

// The shifts of one person that overlap a day.
func TestDashboardPersonShifts(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: o.person.ID, Role: laeringsliv.RoleParticipant,
			WorkplaceID: o.wpA.ID}))
		importRota(t, db, o.wpA.ID, "email,date,start,end,code\nkari@example.no,2026-03-02,07:30,15:00,D\nkari@example.no,2026-03-03,15:00,22:30,A\n")
		day := time.Date(2026, 3, 2, 0, 0, 0, 0, laeringsliv.Norway())
		shifts, err := db.PersonShifts(ctx, o.person.ID, day, day.AddDate(0, 0, 1))
		must(t, err)
		if len(shifts) != 1 || shifts[0].Code != "D" {
			t.Fatalf("shifts %+v", shifts)
		}
	})
}
