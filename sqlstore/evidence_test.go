package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func newGathering(t *testing.T, db *sqlstore.DB, wp int64, kind laeringsliv.GatheringKind, start time.Time, agenda ...laeringsliv.AgendaItem) *laeringsliv.Gathering {
	t.Helper()
	g := &laeringsliv.Gathering{WorkplaceID: wp, Kind: kind, Title: string(kind),
		Days: []laeringsliv.GatheringDay{{Start: start, End: start.Add(7 * time.Hour)}}, Agenda: agenda}
	must(t, db.CreateGathering(ctx, g))
	return g
}

// submitted writes and submits a submission of one person.
func submitted(t *testing.T, db *sqlstore.DB, r *laeringsliv.WorkRequirement, wp, person int64) {
	t.Helper()
	d := &laeringsliv.Submission{RequirementID: r.ID, WorkplaceID: wp, AuthorID: person, MemberIDs: []int64{person}, Text: "tekst"}
	must(t, db.SaveDraft(ctx, d))
	_, err := db.Submit(ctx, d.ID, person)
	must(t, err)
}

// TestEvidenceCounts builds a small programme's material and checks where each item lands:
// AK1 at the gathering it is due at, AK2 (due at a date) at the last gathering begun by then,
// IPE sessions at the gathering that names them or lists them on its agenda, drafts nowhere.
func TestEvidenceCounts(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		s := newStudy(t, db)
		start := newGathering(t, db, s.wpA.ID, laeringsliv.GatheringStartUp, time.Date(2017, 9, 12, 7, 0, 0, 0, time.UTC))
		evalSess := &laeringsliv.IPESession{WorkplaceID: s.wpA.ID, Kind: laeringsliv.IPEKindEvaluateGathering,
			GatheringID: start.ID, Question: "Hvordan var samlingen?"}
		must(t, db.CreateIPESession(ctx, evalSess, []string{"Gruppe 1"}, nil))
		capture := &laeringsliv.IPESession{WorkplaceID: s.wpA.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva kan bli bedre?"}
		must(t, db.CreateIPESession(ctx, capture, []string{"Gruppe 1"}, nil))
		when := time.Date(2018, 1, 16, 7, 0, 0, 0, time.UTC)
		impl := newGathering(t, db, s.wpA.ID, laeringsliv.GatheringImplementation, when,
			laeringsliv.AgendaItem{Start: when, Title: "Lapp i hatt", IPESessionID: capture.ID})
		_, err := db.SetIPEPhase(ctx, capture.ID, laeringsliv.IPEPhaseDraft)
		must(t, err)
		p, pToken, err := db.JoinIPE(ctx, capture.ID, 0)
		must(t, err)
		p.Token = pToken
		for _, n := range []string{"Lengre overlapp", "Dagtavle"} {
			_, err := db.AddIPENote(ctx, p, n)
			must(t, err)
		}
		stray := &laeringsliv.IPESession{WorkplaceID: s.wpA.ID, Kind: laeringsliv.IPEKindEvaluateGathering, Question: "Uten samling"}
		must(t, db.CreateIPESession(ctx, stray, []string{"Gruppe 1"}, nil))

		submitted(t, db, s.ak1, s.wpA.ID, s.kari.ID)
		submitted(t, db, s.ak1, s.wpA.ID, s.ola.ID)
		submitted(t, db, s.ak2, s.wpA.ID, s.kari.ID)
		draft := &laeringsliv.Submission{RequirementID: s.ak2.ID, WorkplaceID: s.wpA.ID, AuthorID: s.ola.ID, MemberIDs: []int64{s.ola.ID}}
		must(t, db.SaveDraft(ctx, draft))
		submitted(t, db, s.ak1, s.wpB.ID, s.t1.ID) // wpB has no gatherings

		rows, err := db.EvidenceCounts(ctx, s.prog.ID)
		must(t, err)
		type got struct {
			wp, g                                int64
			logs, notes, pres, vids, evals, exam int
		}
		var list []got
		for _, r := range rows {
			list = append(list, got{r.WorkplaceID, r.GatheringID, r.ReflectionLogs, r.IPENotes, r.Presentations, r.Videos, r.Evaluations, r.ExamPapers})
		}
		want := []got{
			{s.wpA.ID, start.ID, 0, 0, 1, 0, 1, 0},
			{s.wpA.ID, impl.ID, 2, 2, 0, 0, 0, 0},
			{s.wpA.ID, 0, 0, 0, 0, 0, 1, 0},
			{s.wpB.ID, 0, 1, 0, 0, 0, 0, 0},
		}
		if len(list) != len(want) {
			t.Fatalf("rows %+v, want %+v", list, want)
		}
		for i := range want {
			if list[i] != want[i] {
				t.Errorf("row %d = %+v, want %+v", i, list[i], want[i])
			}
		}
		if rows[0].Workplace != s.wpA.Name || rows[1].Kind != laeringsliv.GatheringImplementation || !rows[0].Start.Equal(start.Start()) {
			t.Errorf("names %+v", rows[0])
		}
		other, err := db.EvidenceCounts(ctx, s.other.ID)
		must(t, err)
		if len(other) != 0 {
			t.Errorf("other programme %+v", other)
		}
	})
}
