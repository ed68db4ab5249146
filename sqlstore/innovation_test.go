package sqlstore_test

import (
	"reflect"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func newProject(t *testing.T, db *sqlstore.DB, w *laeringsliv.Workplace, title string) *laeringsliv.Project {
	t.Helper()
	p := &laeringsliv.Project{WorkplaceID: w.ID, Title: title}
	must(t, db.CreateProject(ctx, p))
	return p
}

func TestInnovation(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		pa, pb := newProject(t, db, o.wpA, "Trygg kommunikasjon"), newProject(t, db, o.wpB, "Morgendagens omsorg")
		i := &laeringsliv.Innovation{WorkplaceID: o.wpA.ID, ProjectID: pa.ID, Title: "Fast møtetid",
			Status: laeringsliv.InnovationIdea, Size: laeringsliv.InnovationSmall, OwnerGroup: "Helg A",
			Links: []laeringsliv.SourceLink{{Kind: laeringsliv.SourceIPENote, RefID: 7}}}
		must(t, db.CreateInnovation(ctx, i, o.person.ID))
		if i.ID == 0 || i.InstitutionID != o.inst.ID || !recent(i.CreatedAt) {
			t.Fatalf("created %+v", i)
		}
		got, err := db.FindInnovation(ctx, i.ID)
		must(t, err)
		if !reflect.DeepEqual(got, i) {
			t.Fatalf("found %+v, want %+v", got, i)
		}

		i.Status, i.RevivesFailure = laeringsliv.InnovationTrying, true
		i.Links = append(i.Links, laeringsliv.SourceLink{Kind: laeringsliv.SourceEvaluation, RefID: 3})
		must(t, db.UpdateInnovation(ctx, i, o.person.ID))
		i.Title = "Fast møtetid for helgelaget" // same status: no new history row
		must(t, db.UpdateInnovation(ctx, i, o.person.ID))
		got, err = db.FindInnovation(ctx, i.ID)
		must(t, err)
		if got.Status != laeringsliv.InnovationTrying || !got.RevivesFailure || len(got.Links) != 2 || got.Title != i.Title {
			t.Fatalf("after update %+v", got)
		}
		hist, err := db.InnovationHistory(ctx, i.ID)
		must(t, err)
		if len(hist) != 2 || hist[0].Status != laeringsliv.InnovationIdea || hist[1].Status != laeringsliv.InnovationTrying ||
			hist[1].ChangedBy != o.person.ID {
			t.Fatalf("history %+v", hist)
		}

		// A project of another workplace is refused; so is a bad status.
		bad := *i
		bad.ID, bad.ProjectID = 0, pb.ID
		wantCode(t, db.CreateInnovation(ctx, &bad, 0), laeringsliv.EINVALID, "innovation.error.project_required")
		bad.ProjectID, bad.Status = pa.ID, "maybe"
		wantCode(t, db.CreateInnovation(ctx, &bad, 0), laeringsliv.EINVALID, "innovation.error.status_invalid")
		_, err = db.FindInnovation(ctx, i.ID+100)
		wantNotFound(t, err)

		list, err := db.FindInnovations(ctx, laeringsliv.InnovationFilter{ProgrammeID: o.prog.ID})
		must(t, err)
		if len(list) != 1 || len(list[0].Links) != 2 {
			t.Fatalf("FindInnovations = %+v", list)
		}
		list, err = db.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: o.wpB.ID})
		must(t, err)
		if len(list) != 0 {
			t.Fatalf("workplace B sees %+v", list)
		}
	})
}

func TestParticipationCounts(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		pa := newProject(t, db, o.wpA, "Trygg kommunikasjon")
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: o.person.ID,
			Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpA.ID}))
		for _, s := range laeringsliv.InnovationStatuses() {
			must(t, db.CreateInnovation(ctx, &laeringsliv.Innovation{WorkplaceID: o.wpA.ID, ProjectID: pa.ID,
				Title: string(s), Status: s, Size: laeringsliv.InnovationLarge}, 0))
		}
		rows, err := laeringsliv.ParticipationTable(ctx, db, laeringsliv.NoStudyCounts{}, o.prog.ID)
		must(t, err)
		want := []laeringsliv.ParticipationRow{
			{WorkplaceID: o.wpA.ID, Workplace: o.wpA.Name, FTEs: 17.5, Enrolled: 1, Innovations: 3},
			{WorkplaceID: o.wpB.ID, Workplace: o.wpB.Name, FTEs: 17.5},
			{Workplace: "Total", FTEs: 35, Enrolled: 1, Innovations: 3},
		}
		if len(rows) != len(want) {
			t.Fatalf("rows %+v", rows)
		}
		for k := range want {
			if *rows[k] != want[k] {
				t.Errorf("row %d = %+v, want %+v", k, *rows[k], want[k])
			}
		}
	})
}

func TestTimelineFieldBookPrequal(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		day := time.Date(2017, 3, 1, 9, 0, 0, 0, time.UTC)
		for k, kind := range []laeringsliv.TimelineKind{laeringsliv.TimelineAllHands, laeringsliv.TimelinePlan} {
			must(t, db.CreateTimelineEntry(ctx, &laeringsliv.TimelineEntry{WorkplaceID: o.wpA.ID, Kind: kind,
				Cycle: 1, OccurredAt: day.AddDate(0, 0, -k), Title: string(kind), CreatedBy: o.person.ID}))
		}
		tl, err := db.FindTimeline(ctx, o.wpA.ID)
		must(t, err)
		if len(tl) != 2 || tl[0].Kind != laeringsliv.TimelinePlan || !tl[1].OccurredAt.Equal(day) {
			t.Fatalf("timeline %+v", tl)
		}
		wantCode(t, db.CreateTimelineEntry(ctx, &laeringsliv.TimelineEntry{WorkplaceID: o.wpA.ID,
			Kind: laeringsliv.TimelinePlan, Title: "x"}), laeringsliv.EINVALID, "timeline.error.date_required")

		must(t, db.CreateFieldBookEntry(ctx, &laeringsliv.FieldBookEntry{WorkplaceID: o.wpA.ID,
			AuthorID: o.person.ID, ObservedAt: day, Body: "Stille på nattevakt."}))
		fb, err := db.FindFieldBook(ctx, o.wpA.ID)
		must(t, err)
		if len(fb) != 1 || fb[0].Body != "Stille på nattevakt." {
			t.Fatalf("field book %+v", fb)
		}
		if fb, _ := db.FindFieldBook(ctx, o.wpB.ID); len(fb) != 0 {
			t.Fatalf("workplace B field book %+v", fb)
		}

		for _, met := range []bool{false, true} {
			must(t, db.CreatePrequalSignOff(ctx, &laeringsliv.PrequalSignOff{WorkplaceID: o.wpA.ID,
				Criterion: laeringsliv.PrequalUnions, Met: met, SignedBy: o.person.ID}))
		}
		so, err := db.FindPrequalSignOffs(ctx, o.wpA.ID)
		must(t, err)
		if len(so) != 2 || so[0].Met || !so[1].Met || so[1].SignedBy != o.person.ID {
			t.Fatalf("sign-offs %+v", so)
		}

		_, err = db.FindParticipationModel(ctx, o.wpA.ID)
		wantNotFound(t, err)
		for _, k := range []laeringsliv.ParticipationKind{laeringsliv.ParticipationOneClass, laeringsliv.ParticipationShiftTeams} {
			must(t, db.SaveParticipationModel(ctx, &laeringsliv.ParticipationModel{WorkplaceID: o.wpA.ID,
				Kind: k, Reasons: "Helgene er rolige.", DecidedBy: o.person.ID}))
		}
		pm, err := db.FindParticipationModel(ctx, o.wpA.ID)
		must(t, err)
		if pm.Kind != laeringsliv.ParticipationShiftTeams || pm.InstitutionID != o.inst.ID {
			t.Fatalf("participation model %+v", pm)
		}
	})
}
