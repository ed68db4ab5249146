package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestTimelineReadsGatheringsAndWorkshops puts a workplace's gatherings and reading workshops
// on its timeline from their own tables, in date order with the typed entries, and shows a
// gathering that a typed entry already names only once.
func TestTimelineReadsGatheringsAndWorkshops(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := newWorkshop(t, db) // a reading workshop in workplace A, created now
		wp := f.o.wpA.ID
		day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 8, 0, 0, 0, time.UTC) }
		gathering := func(title string, start time.Time) *laeringsliv.Gathering {
			g := &laeringsliv.Gathering{WorkplaceID: wp, Kind: laeringsliv.GatheringStartUp, Title: title,
				Days: []laeringsliv.GatheringDay{{Start: start, End: start.Add(7 * time.Hour)}}}
			must(t, db.CreateGathering(ctx, g))
			return g
		}
		g1 := gathering("Oppstartsamling", day(2017, 9, 12))
		g2 := gathering("Samling 2", day(2018, 2, 6))
		must(t, db.CreateTimelineEntry(ctx, &laeringsliv.TimelineEntry{WorkplaceID: wp, Kind: laeringsliv.TimelineGathering,
			OccurredAt: day(2017, 9, 12), Title: "Oppstartsamling (notert)", RefID: g1.ID}))
		must(t, db.CreateTimelineEntry(ctx, &laeringsliv.TimelineEntry{WorkplaceID: wp, Kind: laeringsliv.TimelineAllHands,
			OccurredAt: day(2017, 6, 1), Title: "Allmøte"}))
		tl, err := db.FindTimeline(ctx, wp)
		must(t, err)
		var got []string
		for _, e := range tl {
			got = append(got, string(e.Kind)+":"+e.Title)
		}
		want := []string{"all_hands:Allmøte", "gathering:Oppstartsamling (notert)", "gathering:Samling 2",
			"reading_workshop:Leseverksted 1"}
		if len(got) != len(want) {
			t.Fatalf("timeline %q, want %q", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("timeline %q, want %q", got, want)
			}
		}
		if tl[2].RefID != g2.ID || tl[2].ID != 0 || tl[3].RefID != f.ws.ID || !tl[2].OccurredAt.Equal(day(2018, 2, 6)) {
			t.Errorf("derived entries %+v %+v", tl[2], tl[3])
		}
		if other, _ := db.FindTimeline(ctx, f.o.wpB.ID); len(other) != 0 {
			t.Errorf("workplace B timeline %+v", other)
		}
	})
}
