package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// approveAll gets every requirement of the study approved for Kari.
func approveAll(t *testing.T, db *sqlstore.DB, s *study) {
	t.Helper()
	for _, r := range []*laeringsliv.WorkRequirement{s.ak1, s.ak2} {
		sub := &laeringsliv.Submission{RequirementID: r.ID, WorkplaceID: s.wpA.ID, AuthorID: s.kari.ID, MemberIDs: []int64{s.kari.ID}}
		must(t, db.SaveDraft(ctx, sub))
		_, err := db.Submit(ctx, sub.ID, s.kari.ID)
		must(t, err)
		for _, tc := range []*laeringsliv.Person{s.t1, s.t2} {
			_, err = db.Assess(ctx, &laeringsliv.Assessment{SubmissionID: sub.ID, AssessorID: tc.ID, Verdict: laeringsliv.VerdictApproved})
			must(t, err)
		}
	}
}

func TestExamListAndPriorLearning(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		s := newStudy(t, db)
		for _, l := range []laeringsliv.Level{laeringsliv.LevelBachelor, laeringsliv.LevelMaster} {
			must(t, db.RegisterExam(ctx, &laeringsliv.ExamRegistration{WorkplaceID: s.wpA.ID, PersonID: s.kari.ID, Level: l}))
		}
		wantCode(t, db.RegisterExam(ctx, &laeringsliv.ExamRegistration{WorkplaceID: s.wpA.ID, PersonID: s.kari.ID, Level: laeringsliv.LevelMaster}),
			laeringsliv.ECONFLICT, "exam.error.registered")
		eligible := func(want ...bool) {
			t.Helper()
			rows, err := db.ExamList(ctx, s.inst.ID)
			must(t, err)
			if len(rows) != len(want) {
				t.Fatalf("rows %+v", rows)
			}
			for i, r := range rows {
				if r.Eligible != want[i] {
					t.Fatalf("row %d %+v: eligible %v, want %v", i, r, r.Eligible, want[i])
				}
			}
		}
		eligible(false, false)
		approveAll(t, db, s)
		eligible(false, false) // no admission basis yet

		app := &laeringsliv.PriorLearningApplication{WorkplaceID: s.wpA.ID, PersonID: s.kari.ID,
			Level: laeringsliv.LevelBachelor, CreatedBy: s.kari.ID, Documents: []laeringsliv.PriorLearningDocument{
				{Kind: laeringsliv.DocTradeCertificate, Title: "Fagbrev helsefagarbeider"},
				{Kind: laeringsliv.DocEmployment, Title: "Attest", Issuer: "Vikstrand kommune",
					From: date("2008-01-01"), To: date("2017-12-31"), PositionPct: 75, Tasks: "Stell og pleie", Relevant: true}}}
		must(t, db.CreatePriorLearning(ctx, app))
		if app.ProgrammeID != s.prog.ID || app.Documents[1].ID == 0 {
			t.Fatalf("application %+v", app)
		}
		more := &laeringsliv.PriorLearningDecision{ApplicationID: app.ID, Outcome: laeringsliv.DecisionMoreDocument,
			Rationale: "Attesten mangler stillingsprosent for 2008.", DecidedBy: s.t1.ID}
		must(t, db.DecidePriorLearning(ctx, more))
		if !more.Suggestion.Qualifies || more.Suggestion.FullTimeYears < 7 || len(more.DocumentIDs) != 2 {
			t.Fatalf("suggestion %+v", more)
		}
		must(t, db.AddPriorLearningDocument(ctx, &laeringsliv.PriorLearningDocument{ApplicationID: app.ID,
			Kind: laeringsliv.DocOther, Title: "Ny attest"}))
		eligible(false, false)
		must(t, db.DecidePriorLearning(ctx, &laeringsliv.PriorLearningDecision{ApplicationID: app.ID,
			Outcome: laeringsliv.DecisionApproved, Rationale: "Fagbrev og over fem års relevant arbeid.", DecidedBy: s.t1.ID}))
		eligible(true, false) // bachelor by prior learning; master needs more

		got, err := db.FindPriorLearning(ctx, app.ID)
		must(t, err)
		if len(got.Decisions) != 2 || !got.Approved() || len(got.Decisions[1].DocumentIDs) != 3 ||
			got.Decisions[0].DecidedBy != s.t1.ID || got.Decisions[0].Rationale != more.Rationale || !got.Documents[1].To.Equal(date("2017-12-31")) {
			t.Fatalf("history %+v", got)
		}

		// The rule the article asked for: passing the bachelor exam admits to master.
		regs, err := db.FindExamRegistrations(ctx, laeringsliv.ExamFilter{PersonID: s.kari.ID})
		must(t, err)
		must(t, db.SetExamResult(ctx, regs[0].ID, laeringsliv.ExamResultPassed))
		eligible(true, false)
		rules, err := db.AdmissionRules(ctx, s.prog.ID)
		must(t, err)
		if rules != laeringsliv.DefaultAdmissionRules(s.prog.ID) {
			t.Fatalf("default rules %+v", rules)
		}
		rules.BachelorExamQualifiesMaster = true
		must(t, db.SetAdmissionRules(ctx, rules))
		eligible(true, true)
		rows, err := db.ExamList(ctx, s.inst.ID)
		must(t, err)
		if rows[1].Basis != laeringsliv.BasisBachelorExam || rows[0].Basis != laeringsliv.BasisPriorLearning || rows[0].Approved != 2 {
			t.Fatalf("rows %+v", rows)
		}

		must(t, db.AddQualification(ctx, &laeringsliv.Qualification{PersonID: s.ola.ID, Kind: laeringsliv.QualBachelorDegree}))
		wantCode(t, db.AddQualification(ctx, &laeringsliv.Qualification{PersonID: s.ola.ID, Kind: laeringsliv.QualBachelorDegree}),
			laeringsliv.ECONFLICT, "exam.error.qualification_exists")
		qs, err := db.FindQualifications(ctx, s.ola.ID)
		must(t, err)
		if len(qs) != 1 {
			t.Fatalf("qualifications %+v", qs)
		}
		must(t, db.CancelExam(ctx, regs[1].ID))
		eligible(true)
	})
}

func date(s string) time.Time {
	t, err := laeringsliv.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}
