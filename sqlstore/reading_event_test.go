package sqlstore_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
	"laeringsliv/textmerge"
)

// TestWorkshopEventLog: phase changes and applied edits land in the workshop's log with a
// gap-free sequence, and replaying a group's edits in version order gives its text even when
// members edit at the same moment.
func TestWorkshopEventLog(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := newWorkshop(t, db)
		g := f.groups[0]
		must(t, db.SetWorkshopPhase(ctx, f.ws.ID, laeringsliv.PhaseAgree))
		var wg sync.WaitGroup
		for i := range 4 {
			wg.Go(func() {
				if _, err := db.EditPresentation(ctx, g.ID, f.people[i].ID, textmerge.Edit{Text: fmt.Sprintf("[%d]", i)}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		events, err := db.FindWorkshopEvents(ctx, f.ws.ID, 0, 0)
		must(t, err)
		if len(events) != 5 || events[0].Kind != laeringsliv.ReadingEventPhase || string(events[0].Data) != `{"phase":"agree"}` {
			t.Fatalf("events %+v", events)
		}
		text := ""
		for i, e := range events {
			if e.Seq != int64(i+1) {
				t.Errorf("event %d has seq %d", i, e.Seq)
			}
			if e.Kind != laeringsliv.ReadingEventEdit {
				continue
			}
			var ed struct {
				Group, Version int64
				Start, End     int
				Text           string
			}
			must(t, json.Unmarshal(e.Data, &ed))
			if ed.Group != g.ID || ed.Version != int64(i) {
				t.Errorf("edit event %s", e.Data)
			}
			text, err = textmerge.Apply(text, textmerge.Span{Start: ed.Start, End: ed.End, Text: ed.Text})
			must(t, err)
		}
		got, _ := db.FindReadingGroups(ctx, f.ws.ID)
		if text != got[0].Presentation {
			t.Errorf("replayed %q, stored %q", text, got[0].Presentation)
		}
		rest, _ := db.FindWorkshopEvents(ctx, f.ws.ID, 3, 0)
		ws, _ := db.FindWorkshop(ctx, f.ws.ID)
		if len(rest) != 2 || rest[0].Seq != 4 || ws.EventSeq != 5 {
			t.Errorf("after 3: %d events; workshop at %d", len(rest), ws.EventSeq)
		}
	})
}

// TestAnswerGrace: a save written in the individual step is accepted for AnswerGrace after
// the share step starts, and tells the group's screens; later, or claiming no open phase, it
// is refused.
func TestAnswerGrace(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		now := time.Now()
		db.Now = func() time.Time { return now }
		f := newWorkshop(t, db)
		must(t, db.SetWorkshopPhase(ctx, f.ws.ID, laeringsliv.PhaseIndividual))
		must(t, db.SetWorkshopPhase(ctx, f.ws.ID, laeringsliv.PhaseShare))
		a := &laeringsliv.Answer{WorkshopID: f.ws.ID, PersonID: f.people[0].ID, Interesting: "siste ord"}
		if err := db.SaveAnswer(ctx, a); laeringsliv.ErrorKey(err) != "reading.error.answers_closed" {
			t.Errorf("no phase given: %v", err)
		}
		a.WrittenIn = laeringsliv.PhaseIndividual
		now = now.Add(laeringsliv.AnswerGrace - time.Second)
		must(t, db.SaveAnswer(ctx, a))
		events, _ := db.FindWorkshopEvents(ctx, f.ws.ID, 2, 0)
		if len(events) != 1 || events[0].Kind != laeringsliv.ReadingEventAnswer ||
			string(events[0].Data) != fmt.Sprintf(`{"group":%d}`, f.groups[0].ID) {
			t.Errorf("events %+v", events)
		}
		now = now.Add(2 * time.Second)
		if err := db.SaveAnswer(ctx, a); laeringsliv.ErrorKey(err) != "reading.error.answers_closed" {
			t.Errorf("after grace: %v", err)
		}
		a.WrittenIn = laeringsliv.PhaseShare
		now = now.Add(-5 * time.Second)
		if err := db.SaveAnswer(ctx, a); laeringsliv.ErrorKey(err) != "reading.error.answers_closed" {
			t.Errorf("written in share: %v", err)
		}
	})
}
