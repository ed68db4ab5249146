package demo_test

import (
	"context"
	"testing"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore"
)

// checkStudy checks that the demo's study programme gives the article's Table 2.
func checkStudy(t *testing.T, db *sqlstore.DB, res *demo.Result) {
	t.Helper()
	ctx := context.Background()
	reqs, err := db.FindRequirements(ctx, res.ProgrammeID)
	if err != nil || len(reqs) != 3 || reqs[0].Code != "AK1" || reqs[2].Assessors != 2 {
		t.Fatalf("requirements %v, %v", reqs, err)
	}
	rows, err := db.ExamList(ctx, res.InstitutionID)
	if err != nil {
		t.Fatal(err)
	}
	bachelor, master := map[int64]int{}, map[int64]int{}
	prior := 0
	for _, r := range rows {
		if !r.Eligible {
			t.Errorf("%s (%s) is registered but not eligible: %+v", r.Person, r.Level, r)
		}
		if r.Level == laeringsliv.LevelBachelor {
			bachelor[r.WorkplaceID]++
		} else {
			master[r.WorkplaceID]++
			if r.Basis == laeringsliv.BasisPriorLearning {
				prior++
			}
		}
	}
	wantApproved, wantB, wantM := []int{15, 14, 15, 19}, []int{4, 9, 10, 14}, []int{0, 3, 5, 7}
	for i, wid := range res.WorkplaceIDs {
		if got := approvedIn(t, db, wid); got != wantApproved[i] {
			t.Errorf("workplace %d: %d approved, want %d", i, got, wantApproved[i])
		}
		if bachelor[wid] != wantB[i] || master[wid] != wantM[i] {
			t.Errorf("workplace %d: exams %d/%d, want %d/%d", i, bachelor[wid], master[wid], wantB[i], wantM[i])
		}
		gs, err := db.FindGatherings(ctx, wid)
		if err != nil || len(gs) < 3 {
			t.Fatalf("workplace %d: gatherings %d, %v", i, len(gs), err)
		}
		// The start-up gathering's agenda links the workplace's IPE session and workshop.
		var ipe, ws int64
		for _, a := range gs[0].Agenda {
			ipe, ws = max(ipe, a.IPESessionID), max(ws, a.ReadingWorkshopID)
		}
		if s, err := db.FindIPESession(ctx, ipe); err != nil || s.WorkplaceID != wid {
			t.Errorf("workplace %d: agenda links IPE session %d: %v", i, ipe, err)
		}
		if w, err := db.FindWorkshop(ctx, ws); err != nil || w.WorkplaceID != wid || w.GatheringID != gs[0].ID {
			t.Errorf("workplace %d: agenda links workshop %d: %v", i, ws, err)
		}
	}
	if prior != 3 {
		t.Errorf("%d admitted to the master exam on prior learning, want 3", prior)
	}
	apps, err := db.FindPriorLearnings(ctx, laeringsliv.PriorLearningFilter{InstitutionID: res.InstitutionID})
	if err != nil {
		t.Fatal(err)
	}
	outcomes := map[laeringsliv.DecisionOutcome]int{}
	for _, a := range apps {
		outcomes[a.Latest().Outcome]++
	}
	if outcomes[laeringsliv.DecisionRejected] == 0 || outcomes[laeringsliv.DecisionMoreDocument] == 0 {
		t.Errorf("decisions %v: want every outcome shown", outcomes)
	}
}

// approvedIn counts the participants of a workplace with every requirement approved.
func approvedIn(t *testing.T, db *sqlstore.DB, wid int64) int {
	t.Helper()
	subs, err := db.FindSubmissions(context.Background(), laeringsliv.SubmissionFilter{WorkplaceID: wid})
	if err != nil {
		t.Fatal(err)
	}
	done := map[int64]map[int64]bool{}
	for _, s := range subs {
		if s.Status != laeringsliv.StatusApproved {
			continue
		}
		for _, m := range s.MemberIDs {
			if done[m] == nil {
				done[m] = map[int64]bool{}
			}
			done[m][s.RequirementID] = true
		}
	}
	n := 0
	for _, reqs := range done {
		if len(reqs) == 3 {
			n++
		}
	}
	return n
}
