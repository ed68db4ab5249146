package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestGatherings(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		day := time.Date(2017, 9, 12, 7, 0, 0, 0, time.UTC)
		g := &laeringsliv.Gathering{WorkplaceID: o.wpA.ID, Kind: laeringsliv.GatheringStartUp,
			Title: "Oppstartsamling", Place: "Møterommet, 2. etg.",
			Days: []laeringsliv.GatheringDay{{Start: day, End: day.Add(7 * time.Hour)}, {Start: day.Add(24 * time.Hour), End: day.Add(31 * time.Hour)}},
			Agenda: []laeringsliv.AgendaItem{{Start: day, Title: "Lapp i hatt", IPESessionID: 0},
				{Start: day.Add(2 * time.Hour), End: day.Add(3 * time.Hour), Title: "Leseverksted", ReadingWorkshopID: 0}}}
		must(t, db.CreateGathering(ctx, g))
		if g.InstitutionID != o.inst.ID || g.ID == 0 {
			t.Fatalf("gathering %+v", g)
		}
		later := *g
		later.ID, later.Kind, later.Days = 0, laeringsliv.GatheringEvaluation, []laeringsliv.GatheringDay{{Start: day.AddDate(0, 3, 0), End: day.AddDate(0, 3, 0).Add(time.Hour)}}
		must(t, db.CreateGathering(ctx, &later))
		list, err := db.FindGatherings(ctx, o.wpA.ID)
		must(t, err)
		if len(list) != 2 || list[0].ID != g.ID || len(list[0].Days) != 2 || len(list[0].Agenda) != 2 ||
			list[0].Place != g.Place || !list[0].Agenda[1].End.Equal(g.Agenda[1].End) || !list[0].Agenda[0].End.IsZero() {
			t.Fatalf("gatherings %+v", list)
		}
		if other, _ := db.FindGatherings(ctx, o.wpB.ID); len(other) != 0 {
			t.Fatal("another workplace sees the gathering")
		}
		_, err = db.FindGathering(ctx, 9999)
		wantNotFound(t, err)
		wantCode(t, db.CreateGathering(ctx, &laeringsliv.Gathering{WorkplaceID: o.wpA.ID, Kind: "x"}), laeringsliv.EINVALID, "gathering.error.kind_invalid")
	})
}

// study is an org with AK1 (individual) and AK2 (group, joint assessment), two participants
// and two teachers.
type study struct {
	*org
	ak1, ak2          *laeringsliv.WorkRequirement
	kari, ola, t1, t2 *laeringsliv.Person
}

func newStudy(t *testing.T, db *sqlstore.DB) *study {
	o := newOrg(t, db)
	s := &study{org: o, kari: o.person}
	s.ola = newPerson(t, db, o.inst.ID, "Ola Nordmann", "ola@example.no")
	s.t1 = newPerson(t, db, o.inst.ID, "Lærer En", "t1@example.no")
	s.t2 = newPerson(t, db, o.inst.ID, "Lærer To", "t2@example.no")
	s.ak1 = &laeringsliv.WorkRequirement{ProgrammeID: o.prog.ID, Code: "AK1", Title: "Refleksjonslogg",
		Mode: laeringsliv.ModeIndividual, DueGathering: laeringsliv.GatheringImplementation, Assessors: 1, Position: 1}
	must(t, db.CreateRequirement(ctx, s.ak1))
	s.ak2 = &laeringsliv.WorkRequirement{ProgrammeID: o.prog.ID, Code: "AK2", Title: "Presentasjon",
		Mode: laeringsliv.ModeGroup, DueAt: time.Date(2018, 1, 15, 12, 0, 0, 0, time.UTC),
		FileKinds: []laeringsliv.FileKind{laeringsliv.FilePDF, laeringsliv.FileOffice}, MaxBytes: 50 << 20, Assessors: 2, Position: 2}
	must(t, db.CreateRequirement(ctx, s.ak2))
	return s
}

func TestRequirements(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		s := newStudy(t, db)
		list, err := db.FindRequirements(ctx, s.prog.ID)
		must(t, err)
		if len(list) != 2 || list[0].Code != "AK1" || len(list[1].FileKinds) != 2 || !list[1].DueAt.Equal(s.ak2.DueAt) || list[1].InstitutionID != s.inst.ID {
			t.Fatalf("requirements %+v", list)
		}
		dup := *s.ak1
		dup.ID = 0
		wantCode(t, db.CreateRequirement(ctx, &dup), laeringsliv.ECONFLICT, "requirement.error.code_taken")
		s.ak1.Title = "Individuell refleksjonslogg"
		must(t, db.UpdateRequirement(ctx, s.ak1))
		got, err := db.FindRequirement(ctx, s.ak1.ID)
		must(t, err)
		if got.Title != s.ak1.Title {
			t.Fatalf("update lost: %+v", got)
		}
	})
}

func TestSubmissionsAndJointAssessment(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		s := newStudy(t, db)
		// Individual draft, saved as typed, then submitted and not approved, then resubmitted.
		d := &laeringsliv.Submission{RequirementID: s.ak1.ID, WorkplaceID: s.wpA.ID, AuthorID: s.kari.ID,
			MemberIDs: []int64{s.kari.ID}, Text: "Første utkast"}
		must(t, db.SaveDraft(ctx, d))
		d.Text = "Andre utkast med æøå"
		must(t, db.SaveDraft(ctx, d))
		again := &laeringsliv.Submission{RequirementID: s.ak1.ID, WorkplaceID: s.wpA.ID, AuthorID: s.kari.ID, MemberIDs: []int64{s.kari.ID}}
		wantCode(t, db.SaveDraft(ctx, again), laeringsliv.ECONFLICT, "submission.error.exists")
		_, err := db.Assess(ctx, &laeringsliv.Assessment{SubmissionID: d.ID, AssessorID: s.t1.ID, Verdict: laeringsliv.VerdictApproved})
		wantCode(t, err, laeringsliv.ECONFLICT, "assessment.error.not_submitted")
		_, err = db.Submit(ctx, d.ID, s.ola.ID)
		wantCode(t, err, laeringsliv.EFORBIDDEN, "submission.error.not_member")
		sub, err := db.Submit(ctx, d.ID, s.kari.ID)
		must(t, err)
		if sub.Status != laeringsliv.StatusSubmitted || sub.Text != "Andre utkast med æøå" || sub.SubmittedAt.IsZero() {
			t.Fatalf("submitted %+v", sub)
		}
		d.Text = "for sent"
		wantCode(t, db.SaveDraft(ctx, d), laeringsliv.ECONFLICT, "submission.error.not_draft")
		sub, err = db.Assess(ctx, &laeringsliv.Assessment{SubmissionID: d.ID, AssessorID: s.t1.ID,
			Verdict: laeringsliv.VerdictNotApproved, Feedback: "Bruk mer teori."})
		must(t, err)
		if sub.Status != laeringsliv.StatusNotApproved {
			t.Fatalf("status %s", sub.Status)
		}
		v2, err := db.Resubmit(ctx, d.ID, s.kari.ID)
		must(t, err)
		if v2.Version != 2 || v2.Text != "Andre utkast med æøå" || v2.Status != laeringsliv.StatusDraft {
			t.Fatalf("version 2 %+v", v2)
		}
		_, err = db.Submit(ctx, v2.ID, s.kari.ID)
		must(t, err)
		_, err = db.Assess(ctx, &laeringsliv.Assessment{SubmissionID: v2.ID, AssessorID: s.t1.ID, Verdict: laeringsliv.VerdictApproved, Feedback: "Bra."})
		must(t, err)
		hist, err := db.FindSubmissions(ctx, laeringsliv.SubmissionFilter{PersonID: s.kari.ID, RequirementID: s.ak1.ID})
		must(t, err)
		if len(hist) != 2 || hist[0].Version != 2 || hist[0].Status != laeringsliv.StatusApproved || hist[1].Status != laeringsliv.StatusNotApproved {
			t.Fatalf("history %+v", hist)
		}

		// Group submission: Ola submits for both; two teachers must agree.
		g := &laeringsliv.Submission{RequirementID: s.ak2.ID, WorkplaceID: s.wpA.ID, AuthorID: s.ola.ID,
			MemberIDs: []int64{s.kari.ID, s.ola.ID}, Text: "Status"}
		must(t, db.SaveDraft(ctx, g))
		f := &laeringsliv.SubmissionFile{SubmissionID: g.ID, Key: "ab/cdef", Name: "lysbilder.pdf", Kind: laeringsliv.FilePDF, ContentType: "application/pdf", Size: 1234}
		must(t, db.AddSubmissionFile(ctx, f))
		_, err = db.Submit(ctx, g.ID, s.ola.ID)
		must(t, err)
		sub, err = db.Assess(ctx, &laeringsliv.Assessment{SubmissionID: g.ID, AssessorID: s.t1.ID, Verdict: laeringsliv.VerdictApproved})
		must(t, err)
		if sub.Status != laeringsliv.StatusSubmitted {
			t.Fatalf("one of two teachers approved: %s", sub.Status)
		}
		sub, err = db.Assess(ctx, &laeringsliv.Assessment{SubmissionID: g.ID, AssessorID: s.t2.ID, Verdict: laeringsliv.VerdictApproved})
		must(t, err)
		if sub.Status != laeringsliv.StatusApproved || len(sub.Files) != 1 || sub.Files[0].Name != "lysbilder.pdf" {
			t.Fatalf("joint approval %+v", sub)
		}
		seen, err := db.FindSubmissions(ctx, laeringsliv.SubmissionFilter{PersonID: s.kari.ID, RequirementID: s.ak2.ID})
		must(t, err)
		if len(seen) != 1 || seen[0].ID != g.ID {
			t.Fatalf("Kari does not see the group's submission: %+v", seen)
		}
		as, err := db.FindAssessments(ctx, g.ID)
		must(t, err)
		if len(as) != 2 {
			t.Fatalf("assessments %d", len(as))
		}
	})
}

func TestCalendarTokens(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		_, err := db.CalendarPerson(ctx, "h1")
		wantNotFound(t, err)
		must(t, db.SetCalendarToken(ctx, o.person.ID, "h1"))
		if id, err := db.CalendarPerson(ctx, "h1"); err != nil || id != o.person.ID {
			t.Fatalf("CalendarPerson = %d, %v", id, err)
		}
		must(t, db.SetCalendarToken(ctx, o.person.ID, "h2"))
		_, err = db.CalendarPerson(ctx, "h1")
		wantNotFound(t, err) // the old address is revoked
		if ok, err := db.HasCalendarToken(ctx, o.person.ID); !ok || err != nil {
			t.Fatalf("HasCalendarToken = %v, %v", ok, err)
		}
		must(t, db.RevokeCalendarToken(ctx, o.person.ID))
		_, err = db.CalendarPerson(ctx, "h2")
		wantNotFound(t, err)
	})
}
