package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"laeringsliv"
)

// The article found that time was found differently at each workplace: some participants had
// to use their free time, others scaled the innovation work down to fit working hours. The
// demo's time records show that: each workplace has its own share of entries made in own
// time, and within it people differ.

// ownTimeShare is, per workplace in Table 2's order, the chance that an entry was in own
// time: the shared homes leaned on free time, the home-care service kept to working hours.
var ownTimeShare = []float64{0.45, 0.30, 0.10, 0.55}

// timeNotes are what participants wrote, by activity.
var timeNotes = map[laeringsliv.TimeActivity][]string{
	laeringsliv.TimeStudy: {"Leste pensum", "Skrev på arbeidskravet", "Refleksjonslogg", "Leste artikkel til leseverkstedet",
		"Forberedte samlingen", ""},
	laeringsliv.TimeInnovation: {"Møte i arbeidsgruppa", "Prøvde ut ny rutine på vakt", "Samtale med kolleger om ideen",
		"Skrev oppsummering til personalmøtet", ""},
}

// seedTimeRecords gives every participant a few entries a month from September 2017 to March
// 2018, more in the months of gatherings, each made on the evening of its day.
func seedTimeRecords(ctx context.Context, s Services, res *Result) error {
	first := time.Date(2017, time.September, 1, 0, 0, 0, 0, time.UTC)
	for k, wp := range res.WorkplaceIDs {
		parts, err := workplaceParticipants(ctx, s, wp)
		if err != nil {
			return err
		}
		rng := rand.New(rand.NewPCG(seed, uint64(k)+77))
		for _, p := range parts {
			// A person's own leaning: some never use their free time, some often do.
			lean := min(1, max(0, ownTimeShare[k]+(rng.Float64()-0.5)*0.4))
			for month := range 7 {
				start := first.AddDate(0, month, 0)
				for range 1 + rng.IntN(3) {
					if err := addTimeRecord(ctx, s, rng, wp, p.ID, start.AddDate(0, 0, rng.IntN(28)), lean); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func addTimeRecord(ctx context.Context, s Services, rng *rand.Rand, wp, person int64, day time.Time, lean float64) error {
	act := laeringsliv.TimeStudy
	if rng.IntN(5) < 2 {
		act = laeringsliv.TimeInnovation
	}
	notes := timeNotes[act]
	r := &laeringsliv.TimeRecord{WorkplaceID: wp, PersonID: person, Day: day, Minutes: 15 * (1 + rng.IntN(8)),
		Activity: act, Note: notes[rng.IntN(len(notes))], OwnTime: rng.Float64() < lean}
	s.Clock.Set(time.Date(day.Year(), day.Month(), day.Day(), 20, 30, 0, 0, laeringsliv.Norway()))
	return s.TimeRecords.CreateTimeRecord(ctx, r)
}
