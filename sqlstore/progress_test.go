package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestProgressEvents lists a gathering, an approval and a participant of the programme, and
// nothing of another programme.
func TestProgressEvents(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		s := newStudy(t, db)
		g := newGathering(t, db, s.wpA.ID, laeringsliv.GatheringStartUp, time.Date(2017, 9, 12, 7, 0, 0, 0, time.UTC))
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: s.kari.ID, Role: laeringsliv.RoleParticipant,
			ProgrammeID: s.prog.ID, WorkplaceID: s.wpA.ID}))
		d := &laeringsliv.Submission{RequirementID: s.ak1.ID, WorkplaceID: s.wpA.ID, AuthorID: s.kari.ID, MemberIDs: []int64{s.kari.ID}}
		must(t, db.SaveDraft(ctx, d))
		_, err := db.Submit(ctx, d.ID, s.kari.ID)
		must(t, err)
		_, err = db.Assess(ctx, &laeringsliv.Assessment{SubmissionID: d.ID, AssessorID: s.t1.ID, Verdict: laeringsliv.VerdictApproved})
		must(t, err)
		events, err := db.ProgressEvents(ctx, s.prog.ID)
		must(t, err)
		kinds := map[laeringsliv.ProgressEventKind]int{}
		for _, e := range events {
			kinds[e.Kind]++
			if e.Kind == laeringsliv.ProgressGathering && !e.At.Equal(g.Start()) {
				t.Errorf("gathering at %v", e.At)
			}
		}
		if kinds[laeringsliv.ProgressGathering] != 1 || kinds[laeringsliv.ProgressApproval] != 1 || kinds[laeringsliv.ProgressParticipant] != 1 {
			t.Fatalf("events %v", kinds)
		}
		other, err := db.ProgressEvents(ctx, s.other.ID)
		must(t, err)
		if len(other) != 0 {
			t.Fatalf("other programme %v", other)
		}
	})
}
