package sqlstore_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
	"laeringsliv/textmerge"
)

func TestSyllabus(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		a := newText(t, db, o.prog.ID, "Å lese sammen", laeringsliv.LanguageNorwegian, 12)
		newText(t, db, o.prog.ID, "Being a learning workplace", laeringsliv.LanguageEnglish, 30)
		newText(t, db, o.other.ID, "Andet program", laeringsliv.LanguageDanish, 5)
		list, err := db.FindSyllabusTexts(ctx, o.prog.ID)
		must(t, err)
		if len(list) != 2 || laeringsliv.TotalPages(list) != 42 || list[0].Title != "Being a learning workplace" {
			t.Fatalf("syllabus %+v", list)
		}
		a.Summary, a.Pages = "Kort fortalt: vi lærer av hverandre.", 14
		a.FileKey, a.FileName, a.FileSize = "0123456789abcdef0123456789abcdef", "kapittel 3.pdf", 123456
		must(t, db.UpdateSyllabusText(ctx, a))
		got, err := db.FindSyllabusText(ctx, a.ID)
		must(t, err)
		if *got != *a || got.InstitutionID != o.inst.ID {
			t.Fatalf("found %+v, want %+v", got, a)
		}
		bad := *a
		bad.URL = "javascript:alert(1)"
		if err := db.UpdateSyllabusText(ctx, &bad); laeringsliv.ErrorKey(err) != "reading.error.url_invalid" {
			t.Errorf("javascript link: %v", err)
		}
		if _, err := db.FindSyllabusText(ctx, 9999); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Errorf("missing text: %v", err)
		}
	})
}

func newText(t *testing.T, db *sqlstore.DB, progID int64, title string, lang laeringsliv.Language, pages int) *laeringsliv.SyllabusText {
	t.Helper()
	s := &laeringsliv.SyllabusText{ProgrammeID: progID, Title: title, Authors: "Forfatter, A.", Year: 2015,
		Language: lang, Pages: pages, URL: "https://example.org/t"}
	must(t, db.CreateSyllabusText(ctx, s))
	return s
}

// workshopFixture is a workshop of eight participants in two groups in workplace A.
type workshopFixture struct {
	o      *org
	ws     *laeringsliv.Workshop
	groups []*laeringsliv.ReadingGroup
	people []*laeringsliv.Person
}

func newWorkshop(t *testing.T, db *sqlstore.DB) *workshopFixture {
	t.Helper()
	f := &workshopFixture{o: newOrg(t, db)}
	t1 := newText(t, db, f.o.prog.ID, "Tekst 1", laeringsliv.LanguageDanish, 10)
	t2 := newText(t, db, f.o.prog.ID, "Tekst 2", laeringsliv.LanguageEnglish, 10)
	for i := range 8 {
		p := newPerson(t, db, f.o.inst.ID, fmt.Sprint("Deltaker ", i), fmt.Sprintf("d%d@example.no", i))
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: p.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: f.o.wpA.ID}))
		f.people = append(f.people, p)
	}
	ids := func(ps []*laeringsliv.Person) []int64 {
		var out []int64
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	f.groups = []*laeringsliv.ReadingGroup{
		{Number: 1, TextID: t1.ID, MemberIDs: ids(f.people[:4])},
		{Number: 2, TextID: t2.ID, MemberIDs: ids(f.people[4:])},
	}
	f.ws = &laeringsliv.Workshop{WorkplaceID: f.o.wpA.ID, Title: "Leseverksted 1", Grouping: laeringsliv.GroupingRandom}
	must(t, db.CreateWorkshop(ctx, f.ws, f.groups))
	return f
}

func TestWorkshop(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := newWorkshop(t, db)
		if f.ws.Phase != laeringsliv.PhasePrepare || f.ws.ProgrammeID != f.o.prog.ID || f.ws.GatheringID != 0 {
			t.Fatalf("workshop %+v", f.ws)
		}
		got, err := db.FindReadingGroups(ctx, f.ws.ID)
		must(t, err)
		if len(got) != 2 || fmt.Sprint(got[1].MemberIDs) != fmt.Sprint(f.groups[1].MemberIDs) || got[0].TextID != f.groups[0].TextID {
			t.Fatalf("groups %+v", got)
		}
		list, err := db.FindWorkshops(ctx, laeringsliv.WorkshopFilter{WorkplaceID: f.o.wpA.ID})
		must(t, err)
		if len(list) != 1 || *list[0] != *f.ws {
			t.Fatalf("workshops %+v, want %+v", list, f.ws)
		}
		if l, _ := db.FindWorkshops(ctx, laeringsliv.WorkshopFilter{WorkplaceID: f.o.wpB.ID}); len(l) != 0 {
			t.Errorf("workplace B sees %d workshops", len(l))
		}

		// By hand: move the last of group 2 to group 1.
		moved := f.people[7].ID
		must(t, db.MoveMember(ctx, f.ws.ID, moved, got[0].ID))
		got, _ = db.FindReadingGroups(ctx, f.ws.ID)
		if !got[0].Has(moved) || got[1].Has(moved) || len(got[0].MemberIDs) != 5 {
			t.Errorf("after move: %+v %+v", got[0], got[1])
		}
		must(t, db.SetGroupText(ctx, got[0].ID, f.groups[1].TextID))

		// Refusals: a non-participant, a person twice, a text of another programme.
		outsider := newPerson(t, db, f.o.inst.ID, "Utenfor", "ute@example.no")
		bad := []*laeringsliv.ReadingGroup{{Number: 1, MemberIDs: []int64{outsider.ID}}}
		w2 := &laeringsliv.Workshop{WorkplaceID: f.o.wpA.ID, Title: "X", Grouping: laeringsliv.GroupingRandom}
		if err := db.CreateWorkshop(ctx, w2, bad); laeringsliv.ErrorKey(err) != "reading.error.member_not_participant" {
			t.Errorf("outsider: %v", err)
		}
		twice := []*laeringsliv.ReadingGroup{{Number: 1, MemberIDs: []int64{moved}}, {Number: 2, MemberIDs: []int64{moved}}}
		if err := db.CreateWorkshop(ctx, w2, twice); laeringsliv.ErrorKey(err) != "reading.error.member_twice" {
			t.Errorf("twice: %v", err)
		}
		foreign := newText(t, db, f.o.other.ID, "Annet program", laeringsliv.LanguageOther, 3)
		if err := db.SetGroupText(ctx, got[0].ID, foreign.ID); laeringsliv.ErrorKey(err) != "reading.error.text_other_programme" {
			t.Errorf("foreign text: %v", err)
		}
	})
}

func TestAnswersFollowPhase(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := newWorkshop(t, db)
		a := &laeringsliv.Answer{WorkshopID: f.ws.ID, PersonID: f.people[0].ID, Interesting: "Utkast"}
		must(t, db.SaveAnswer(ctx, a))
		a.Interesting, a.Connects = "Ferdig", "Det minner om vaktskiftet"
		must(t, db.SaveAnswer(ctx, a))
		must(t, db.SetWorkshopPhase(ctx, f.ws.ID, laeringsliv.PhaseShare))
		if err := db.SaveAnswer(ctx, a); laeringsliv.ErrorKey(err) != "reading.error.answers_closed" {
			t.Errorf("after share: %v", err)
		}
		list, err := db.FindAnswers(ctx, f.ws.ID)
		must(t, err)
		if len(list) != 1 || list[0].Interesting != "Ferdig" || list[0].Connects != a.Connects {
			t.Fatalf("answers %+v", list)
		}
		ws, _ := db.FindWorkshop(ctx, f.ws.ID)
		if ws.Phase != laeringsliv.PhaseShare || !ws.PhaseAt.After(f.ws.CreatedAt.Add(-1)) {
			t.Errorf("phase %+v", ws)
		}
	})
}

// TestEditPresentationConcurrently: members edit the shared text at the same moment, each
// against the version they saw; every edit survives.
func TestEditPresentationConcurrently(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := newWorkshop(t, db)
		g := f.groups[0]
		if _, err := db.EditPresentation(ctx, g.ID, f.people[0].ID, textmerge.Edit{Text: "x"}); laeringsliv.ErrorKey(err) != "reading.error.presentation_closed" {
			t.Fatalf("before agree: %v", err)
		}
		must(t, db.SetWorkshopPhase(ctx, f.ws.ID, laeringsliv.PhaseAgree))
		first, err := db.EditPresentation(ctx, g.ID, f.people[0].ID, textmerge.Edit{Base: 0, Text: "Vi fant: ."})
		must(t, err)
		var wg sync.WaitGroup
		for i := range 4 {
			wg.Go(func() {
				_, err := db.EditPresentation(ctx, g.ID, f.people[i].ID,
					textmerge.Edit{Base: first.Version, Start: 9, End: 9, Text: fmt.Sprintf("[%d]", i)})
				if err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		got, _ := db.FindReadingGroups(ctx, f.ws.ID)
		for i := range 4 {
			if !strings.Contains(got[0].Presentation, fmt.Sprintf("[%d]", i)) {
				t.Errorf("edit %d lost: %q", i, got[0].Presentation)
			}
		}
		if got[0].Version != 5 || !strings.HasPrefix(got[0].Presentation, "Vi fant: [") || !strings.HasSuffix(got[0].Presentation, "].") {
			t.Errorf("presentation %q version %d", got[0].Presentation, got[0].Version)
		}
		for _, e := range []textmerge.Edit{{Base: 99}, {Base: -1}, {Base: 5, Start: 3, End: 1}, {Base: 0, End: 500}} {
			if _, err := db.EditPresentation(ctx, g.ID, f.people[0].ID, e); laeringsliv.ErrorKey(err) != "reading.error.edit_invalid" {
				t.Errorf("edit %+v: %v", e, err)
			}
		}
	})
}

// TestPlaceOnAgenda: a workshop held at a gathering is linked from a point of its agenda; one
// held at no gathering, or a point that does not exist, is refused.
func TestPlaceOnAgenda(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := newWorkshop(t, db)
		when := time.Date(2017, 9, 12, 7, 0, 0, 0, time.UTC)
		g := newGathering(t, db, f.o.wpA.ID, laeringsliv.GatheringStartUp, when,
			laeringsliv.AgendaItem{Start: when, Title: "Velkommen"},
			laeringsliv.AgendaItem{Start: when.Add(time.Hour), Title: "Leseverksted"})
		wantCode(t, db.PlaceOnAgenda(ctx, f.ws.ID, 1), laeringsliv.EINVALID, "reading.error.gathering_invalid")
		held := &laeringsliv.Workshop{WorkplaceID: f.o.wpA.ID, GatheringID: g.ID, Title: "Leseverksted 2", Grouping: laeringsliv.GroupingRandom}
		must(t, db.CreateWorkshop(ctx, held, nil))
		must(t, db.PlaceOnAgenda(ctx, held.ID, 1))
		got, err := db.FindGathering(ctx, g.ID)
		must(t, err)
		if got.Agenda[0].ReadingWorkshopID != 0 || got.Agenda[1].ReadingWorkshopID != held.ID {
			t.Fatalf("agenda %+v", got.Agenda)
		}
		if err := db.PlaceOnAgenda(ctx, held.ID, 7); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Errorf("point 7: %v", err)
		}
	})
}

// TestGroupPhoto: a group's photo needs an alt text, replaces the earlier one (whose key comes
// back for deletion) and is refused once the workshop is closed.
func TestGroupPhoto(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := newWorkshop(t, db)
		g := f.groups[0].ID
		_, err := db.SetGroupPhoto(ctx, g, "k1", "image/png", " ")
		wantCode(t, err, laeringsliv.EINVALID, "reading.error.photo_alt_required")
		old, err := db.SetGroupPhoto(ctx, g, "k1", "image/png", "Flippover med tre ideer")
		must(t, err)
		if old != "" {
			t.Errorf("first photo replaced %q", old)
		}
		old, err = db.SetGroupPhoto(ctx, g, "k2", "image/jpeg", "Flippover, andre versjon")
		must(t, err)
		groups, err := db.FindReadingGroups(ctx, f.ws.ID)
		must(t, err)
		if old != "k1" || groups[0].PhotoKey != "k2" || groups[0].PhotoType != "image/jpeg" || groups[0].PhotoAlt != "Flippover, andre versjon" {
			t.Fatalf("old %q, group %+v", old, groups[0])
		}
		must(t, db.SetWorkshopPhase(ctx, f.ws.ID, laeringsliv.PhaseClosed))
		_, err = db.SetGroupPhoto(ctx, g, "k3", "image/png", "Sent")
		wantCode(t, err, laeringsliv.ECONFLICT, "reading.error.presentation_closed")
	})
}
