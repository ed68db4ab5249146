package demo_test

import (
	"context"
	"math"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/rota"
	"laeringsliv/sqlstore/sqltest"
	"laeringsliv/timefind"
)

// Each person's worked hours in the four-week rota match their position percentage (within
// half a shift), and the positions of the people on each workplace's rota, with its leader's,
// add up to the FTEs Table 2 reports for it: the enrolled and the contributors, colleagues
// not enrolled in the study part.
// At Hjemmetjenesten i Fjellbu, the finder covers everyone on the rota within working hours
// with two repetitions on the rota's first Wednesday.
func TestSeedRotaHoursAndFinder(t *testing.T) {
	db := sqltest.OpenSQLite(t)
	ctx := context.Background()
	res, err := demo.Seed(ctx, demo.Services{Org: db, People: db, Members: db, Auth: db, Rota: db}, hash)
	if err != nil {
		t.Fatal(err)
	}
	for _, wp := range res.WorkplaceIDs {
		w, err := db.FindWorkplace(ctx, wp)
		must(t, err)
		periods, err := db.FindRotaPeriods(ctx, wp)
		must(t, err)
		shifts, err := db.WorkplaceShifts(ctx, wp, periods[0].From.AddDate(0, 0, -1), periods[0].To.AddDate(0, 0, 2))
		must(t, err)
		people, err := db.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: wp})
		must(t, err)
		worked, longest, leave := map[int64]time.Duration{}, map[int64]time.Duration{}, map[int64]bool{}
		for _, s := range shifts {
			if s.IsLeave() {
				leave[s.PersonID] = true
				continue
			}
			worked[s.PersonID] += s.Duration()
			longest[s.PersonID] = max(longest[s.PersonID], s.Duration())
		}
		ftes := 0.0
		for _, p := range people {
			if worked[p.ID] == 0 {
				continue
			}
			ftes += float64(p.PositionPct) / 100
			want := time.Duration(float64(4*37*time.Hour+4*30*time.Minute) * float64(p.PositionPct) / 100)
			if diff := worked[p.ID] - want; !leave[p.ID] && (diff > longest[p.ID]/2 || -diff > longest[p.ID]/2) {
				t.Errorf("%s: %s at %d %% works %v in four weeks, want about %v", w.Name, p.ShiftTeam, p.PositionPct, worked[p.ID], want)
			}
		}
		ftes += 1 // the leader, in a full position off the rota
		t.Logf("%s: the rota's positions and the leader's add up to %.2f FTEs of the %.0f in Table 2", w.Name, ftes, w.FTEs)
		if math.Abs(ftes-w.FTEs) > 0.001 {
			t.Errorf("%s: %.2f FTEs on the rota and the leader's, Table 2 has %.0f", w.Name, ftes, w.FTEs)
		}
		if w.Name == "Hjemmetjenesten i Fjellbu" {
			checkTwoRepetitions(t, shifts, periods[0].From)
		}
	}
}

// checkTwoRepetitions runs the finder over the rota's first week, 08:00–22:00, 45 minutes,
// for everyone with a shift that week.
func checkTwoRepetitions(t *testing.T, shifts []rota.Shift, first time.Time) {
	t.Helper()
	loc := laeringsliv.Norway()
	monday := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc)
	work := map[int64][]timefind.Interval{}
	for _, s := range shifts {
		if !s.IsLeave() && s.Start.Before(monday.AddDate(0, 0, 7)) && s.End.After(monday) {
			work[s.PersonID] = append(work[s.PersonID], timefind.Interval{Start: s.Start, End: s.End, Kind: s.Kind()})
		}
	}
	var people []timefind.Person
	for id, w := range work {
		people = append(people, timefind.Person{ID: id, Work: w})
	}
	res := timefind.Find(people, timefind.Window{First: monday, Last: monday.AddDate(0, 0, 6), Earliest: 8 * time.Hour,
		Latest: 22 * time.Hour, Length: 45 * time.Minute, Step: 15 * time.Minute, Loc: loc}, 200_000)
	if len(res.Slots) != 2 || !res.Exact || len(res.OwnTime) != 0 || len(res.Held) != 0 {
		t.Fatalf("Fjellbu's first week: %d repetitions (exact %v), %d in own time", len(res.Slots), res.Exact, len(res.OwnTime))
	}
	t.Logf("Fjellbu: %d on the rota covered by %s and %s", len(people), res.Slots[0].Start.In(loc).Format("Mon 02.01 15:04"),
		res.Slots[1].Start.In(loc).Format("Mon 02.01 15:04"))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
