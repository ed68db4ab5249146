package sqlstore_test

import (
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// legacyIdea stores a row of the former idea list, as kept before ideas moved into the
// innovation registry, and returns its id.
func legacyIdea(t *testing.T, db *sqlstore.DB, wp *laeringsliv.Workplace, sessionID int64, text string) int64 {
	t.Helper()
	write, _ := db.Pools()
	var id int64
	err := write.QueryRowContext(ctx, `INSERT INTO ideas (institution_id, workplace_id, source_session_id, text,
		created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`, wp.InstitutionID, wp.ID, sessionID, text,
		time.Date(2017, 9, 12, 10, 0, 0, 0, time.UTC).UnixMilli()).Scan(&id)
	must(t, err)
	return id
}

// A kept note becomes an innovation at the first status in the workplace's shared project,
// linked to its session, with nobody as its creator or on its history; kept twice, it is
// still one innovation.
func TestKeepIPEIdea(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		s := newIPESession(t, db, o)
		_, err := db.SetIPEPhase(ctx, s.ID, laeringsliv.IPEPhaseDraft)
		must(t, err)
		long := "Lengre overlapp mellom kveldsvakten og nattevakten, så vi rekker å snakke om beboerne som sov dårlig\nog mer"
		note, err := db.AddIPEOralNote(ctx, s.ID, long)
		must(t, err)

		_, err = db.KeepIPEIdea(ctx, s.ID, note.ID)
		wantCode(t, err, laeringsliv.EINVALID, "ideas.error.no_project")

		shared := &laeringsliv.Project{WorkplaceID: o.wpA.ID, Title: "Felles prosjekt"}
		must(t, db.CreateProject(ctx, shared))
		must(t, db.CreateProject(ctx, &laeringsliv.Project{WorkplaceID: o.wpA.ID, ParentID: shared.ID, Title: "Delprosjekt"}))
		_, err = db.KeepIPEIdea(ctx, s.ID, "nnnnnnnnnnnnnnnnnnnnnnnnnn")
		wantNotFound(t, err)

		kept, err := db.KeepIPEIdea(ctx, s.ID, note.ID)
		must(t, err)
		got, err := db.FindInnovation(ctx, kept.ID)
		must(t, err)
		if got.Status != laeringsliv.InnovationIdea || got.ProjectID != shared.ID || got.CreatedBy != 0 ||
			got.Description != long || got.SessionID() != s.ID || len(got.Links) != 1 {
			t.Fatalf("kept idea %+v", got)
		}
		if !strings.HasSuffix(got.Title, "…") || strings.Contains(got.Title, "\n") || len([]rune(got.Title)) > 81 {
			t.Errorf("title %q", got.Title)
		}
		history, err := db.InnovationHistory(ctx, kept.ID)
		must(t, err)
		if len(history) != 1 || history[0].ChangedBy != 0 || history[0].Status != laeringsliv.InnovationIdea {
			t.Fatalf("history %+v", history[0])
		}
		again, err := db.KeepIPEIdea(ctx, s.ID, note.ID)
		must(t, err)
		if again.ID != kept.ID {
			t.Errorf("keeping the note twice stored a second innovation %d beside %d", again.ID, kept.ID)
		}
	})
}

// Migration 00120 moves the ideas kept before it into the registry: one innovation per idea,
// none for an idea an innovation already came from (that one gets the session link), and
// none for an idea of a workplace without a project. Running it again moves nothing twice.
func TestMigrateIdeasIntoRegistry(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		s := newIPESession(t, db, o)
		shared := &laeringsliv.Project{WorkplaceID: o.wpA.ID, Title: "Felles prosjekt"}
		must(t, db.CreateProject(ctx, shared))
		other := &laeringsliv.IPESession{WorkplaceID: o.wpB.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva nå?"}
		must(t, db.CreateIPESession(ctx, other, []string{"Alle"}, nil))
		must(t, db.MigrateDownTo(ctx, 110))

		plain := legacyIdea(t, db, o.wpA, s.ID, "Faste møtepunkter for å dele det som fungerer")
		linked := legacyIdea(t, db, o.wpA, s.ID, "Lengre overlapp")
		orphan := legacyIdea(t, db, o.wpB, other.ID, "Ingen prosjekt her")
		done := &laeringsliv.Innovation{WorkplaceID: o.wpA.ID, ProjectID: shared.ID, Title: "Overlapp på 30 minutter",
			Status: laeringsliv.InnovationTrying, Size: laeringsliv.InnovationSmall,
			Links: []laeringsliv.SourceLink{{Kind: laeringsliv.SourceIdea, RefID: linked}}}
		must(t, db.CreateInnovation(ctx, done, o.person.ID))

		for range 2 {
			must(t, db.Migrate(ctx))
			must(t, db.MigrateDownTo(ctx, 110))
		}
		must(t, db.Migrate(ctx))

		list, err := db.FindInnovations(ctx, laeringsliv.InnovationFilter{InstitutionID: o.inst.ID})
		must(t, err)
		if len(list) != 2 {
			t.Fatalf("%d innovations, want 2: %+v", len(list), list)
		}
		moved, kept := list[1], list[0]
		if moved.IdeaID() != plain || moved.SessionID() != s.ID || moved.Status != laeringsliv.InnovationIdea ||
			moved.CreatedBy != 0 || moved.ProjectID != shared.ID || moved.Description != "Faste møtepunkter for å dele det som fungerer" ||
			moved.Title != "Faste møtepunkter for å dele det som fungerer" || len(moved.Links) != 2 {
			t.Errorf("moved idea %+v", moved)
		}
		if kept.ID != done.ID || kept.IdeaID() != linked || kept.SessionID() != s.ID || len(kept.Links) != 2 {
			t.Errorf("innovation from an idea %+v", kept)
		}
		history, err := db.InnovationHistory(ctx, moved.ID)
		must(t, err)
		if len(history) != 1 || history[0].ChangedBy != 0 || history[0].ChangedAt.Year() != 2017 {
			t.Errorf("history %+v", history)
		}
		for _, i := range list {
			if i.IdeaID() == orphan {
				t.Errorf("an idea of a workplace without a project moved: %+v", i)
			}
		}
	})
}
