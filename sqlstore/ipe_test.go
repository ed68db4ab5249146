package sqlstore_test

import (
	"fmt"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func newIPESession(t *testing.T, db *sqlstore.DB, o *org) *laeringsliv.IPESession {
	t.Helper()
	s := &laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: laeringsliv.IPEKindCapture,
		Question: "Hva er vi fornøyd med, og hva kan vi gjøre bedre?", CreatedBy: o.person.ID}
	must(t, db.CreateIPESession(ctx, s, []string{"Gruppe 1", "Gruppe 2"}, [][]int64{{o.person.ID}}))
	return s
}

func advance(t *testing.T, db *sqlstore.DB, s *laeringsliv.IPESession) {
	t.Helper()
	got, err := db.SetIPEPhase(ctx, s.ID, s.Phase)
	must(t, err)
	*s = *got
}

// A scripted session: join, k-threshold, notes, draw, reflect, vote, redact, keep an idea,
// and the event log a reconnecting client reads.
func TestIPESession(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		s := newIPESession(t, db, o)
		if s.K != 3 || s.VoteBudget != 3 || s.Phase != laeringsliv.IPEPhaseDraft || len(s.JoinCode) != 6 {
			t.Fatalf("created %+v", s)
		}
		got, err := db.FindIPESessionByCode(ctx, strings.ToLower(s.JoinCode[:3]+"-"+s.JoinCode[3:]))
		must(t, err)
		if got.ID != s.ID {
			t.Fatalf("by code: %d", got.ID)
		}
		_, err = db.FindIPESessionByCode(ctx, "OOOOOO")
		wantNotFound(t, err)

		// A person placed in a group in advance is sent there by the page that shows it; the
		// participant row does not say who they are.
		groups, err := db.FindIPEGroups(ctx, s.ID)
		must(t, err)
		kari, kariToken, err := db.JoinIPE(ctx, s.ID, groups[0].ID)
		must(t, err)
		kari.Token = kariToken
		if kari.GroupID != groups[0].ID {
			t.Fatalf("pre-placed person in group %d, want %d", kari.GroupID, groups[0].ID)
		}
		var anon []*laeringsliv.IPEParticipant
		for range 3 {
			p, token, err := db.JoinIPE(ctx, s.ID, 0)
			must(t, err)
			p.Token = token
			found, err := db.FindIPEParticipant(ctx, laeringsliv.HashToken(token))
			must(t, err)
			if found.ID != p.ID {
				t.Fatal("token does not find participant")
			}
			anon = append(anon, p)
		}
		if anon[0].GroupID != groups[1].ID {
			t.Fatalf("anonymous joiner went to group %d, want the emptier %d", anon[0].GroupID, groups[1].ID)
		}

		_, err = db.AddIPENote(ctx, kari, "for tidlig")
		wantCode(t, err, laeringsliv.EINVALID, "ipe.error.not_capturing")
		advance(t, db, s)
		_, err = db.AddIPENote(ctx, kari, "   ")
		wantCode(t, err, laeringsliv.EINVALID, "ipe.error.note_empty")
		_, err = db.AddIPENote(ctx, kari, strings.Repeat("x", 501))
		wantCode(t, err, laeringsliv.EINVALID, "ipe.error.note_too_long")

		// k-threshold: two writers (one of them twice) do not open the hat.
		for i, p := range []*laeringsliv.IPEParticipant{kari, kari, anon[0]} {
			_, err := db.AddIPENote(ctx, p, fmt.Sprintf("Notat %d", i))
			must(t, err)
		}
		hat, err := db.FindIPEHat(ctx, s.ID)
		must(t, err)
		if hat != (laeringsliv.IPEHat{Notes: 3, Writers: 2, Participants: 4}) {
			t.Fatalf("hat %+v", hat)
		}
		_, err = db.SetIPEPhase(ctx, s.ID, s.Phase)
		wantCode(t, err, laeringsliv.EINVALID, "ipe.error.hat_closed")
		_, err = db.AddIPEOralNote(ctx, s.ID, "Sagt høyt")
		must(t, err)
		_, err = db.AddIPENote(ctx, anon[1], "<script>alert(1)</script>")
		must(t, err)
		hat, _ = db.FindIPEHat(ctx, s.ID)
		if !hat.Open || hat.Notes != 5 || hat.Writers != 3 {
			t.Fatalf("hat %+v, want open", hat)
		}
		_, err = db.SetIPEPhase(ctx, s.ID, laeringsliv.IPEPhaseDraft)
		wantCode(t, err, laeringsliv.ECONFLICT, "ipe.error.phase_changed")
		advance(t, db, s) // draw

		seen := map[string]bool{}
		for range 5 {
			d, err := db.DrawIPENote(ctx, s.ID, kari.GroupID)
			must(t, err)
			if seen[d.NoteID] || !laeringsliv.ValidNoteID(d.NoteID) {
				t.Fatalf("drew %q twice or malformed", d.NoteID)
			}
			seen[d.NoteID] = true
		}
		_, err = db.DrawIPENote(ctx, s.ID, kari.GroupID)
		wantCode(t, err, laeringsliv.EINVALID, "ipe.error.hat_empty")

		notes, err := db.FindIPENotes(ctx, s.ID)
		must(t, err)
		target := notes[0]
		must(t, db.RedactIPENote(ctx, s.ID, target.ID, "[…] trenger hjelp"))
		must(t, db.ReflectIPE(ctx, s.ID, kari.GroupID, target.ID, "Skriveren vil ha ro"))
		wantNotFound(t, db.ReflectIPE(ctx, s.ID, groups[1].ID, target.ID, "ikke vår"))

		_, err = db.DrawIPENote(ctx, s.ID, kari.GroupID)
		wantCode(t, err, laeringsliv.EINVALID, "ipe.error.hat_empty")
		wantCode(t, db.VoteIPE(ctx, kari, target.ID), laeringsliv.EINVALID, "ipe.error.not_voting")
		advance(t, db, s) // vote
		for range 3 {
			must(t, db.VoteIPE(ctx, kari, target.ID))
		}
		wantCode(t, db.VoteIPE(ctx, kari, target.ID), laeringsliv.EINVALID, "ipe.error.budget_spent")
		wantNotFound(t, db.VoteIPE(ctx, anon[0], target.ID)) // another group's note
		advance(t, db, s)                                    // plenum

		draws, err := db.FindIPEDraws(ctx, s.ID)
		must(t, err)
		if len(draws) != 5 || draws[0].NoteID != target.ID || draws[0].Votes != 3 ||
			draws[0].Text != "[…] trenger hjelp" || draws[0].Reflection != "Skriveren vil ha ro" {
			t.Fatalf("draws[0] = %+v", draws[0])
		}

		must(t, db.CreateProject(ctx, &laeringsliv.Project{WorkplaceID: o.wpA.ID, Title: "Felles prosjekt"}))
		kept, err := db.KeepIPEIdea(ctx, s.ID, target.ID)
		must(t, err)
		if kept.Description != "[…] trenger hjelp" || kept.WorkplaceID != o.wpA.ID || kept.SessionID() != s.ID {
			t.Fatalf("kept %+v", kept)
		}
		idea := legacyIdea(t, db, o.wpA, s.ID, "[…] trenger hjelp")

		events, err := db.FindIPEEvents(ctx, s.ID, 0, 0)
		must(t, err)
		for i, e := range events {
			if e.Seq != int64(i+1) {
				t.Fatalf("event %d has seq %d", i, e.Seq)
			}
		}
		rest, err := db.FindIPEEvents(ctx, s.ID, 3, 0)
		must(t, err)
		if len(rest) != len(events)-3 || rest[0].Seq != 4 {
			t.Fatalf("after 3: %d events from %d", len(rest), rest[0].Seq)
		}

		eval := &laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: laeringsliv.IPEKindEvaluateIdea,
			EvaluatesSessionID: s.ID, EvaluatesIdeaID: idea, Question: "Virket det?"}
		must(t, db.CreateIPESession(ctx, eval, []string{"Alle"}, nil))
		foreign := &laeringsliv.IPESession{WorkplaceID: o.wpB.ID, Kind: laeringsliv.IPEKindEvaluateIdea,
			EvaluatesIdeaID: idea, Question: "Andres idé?"}
		wantCode(t, db.CreateIPESession(ctx, foreign, []string{"Alle"}, nil), laeringsliv.EINVALID, "ipe.error.evaluates_required")
		list, err := db.FindIPESessions(ctx, o.wpA.ID)
		must(t, err)
		if len(list) != 2 || list[0].EvaluatesIdeaID != idea {
			t.Fatalf("sessions %+v", list)
		}
	})
}

func TestIPESessionValidate(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		for _, tc := range []struct {
			s   laeringsliv.IPESession
			key string
		}{
			{laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: "x", Question: "q"}, "ipe.error.kind_invalid"},
			{laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: "capture"}, "ipe.error.question_required"},
			{laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: "capture", Question: "q", K: 2}, "ipe.error.k_invalid"},
			{laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: "capture", Question: "q", VoteBudget: 21}, "ipe.error.budget_invalid"},
			{laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: "evaluate_idea", Question: "q"}, "ipe.error.evaluates_required"},
		} {
			wantCode(t, db.CreateIPESession(ctx, &tc.s, []string{"G"}, nil), laeringsliv.EINVALID, tc.key)
		}
	})
}
