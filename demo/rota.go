package demo

import (
	"context"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
)

// RotaSaver saves a workplace's rota period.
type RotaSaver interface {
	SaveRotaPeriod(ctx context.Context, p *rota.Period) error
}

// rotaStart is the Monday the demo's four-week rotas begin: the weeks around the
// implementation gathering, when finding time mattered most.
var rotaStart = time.Date(2018, time.January, 8, 0, 0, 0, 0, laeringsliv.Norway())

// teamShift is the shift of a team: its start after midnight and its length.
var teamShift = map[string]struct{ start, length time.Duration }{
	"Dag A":  {7*time.Hour + 30*time.Minute, 7*time.Hour + 30*time.Minute},
	"Dag B":  {7*time.Hour + 30*time.Minute, 7*time.Hour + 30*time.Minute},
	"Kveld":  {15 * time.Hour, 7*time.Hour + 30*time.Minute},
	"Natt":   {22*time.Hour + 15*time.Minute, 9*time.Hour + 30*time.Minute},
	"Helg 1": {7*time.Hour + 30*time.Minute, 7*time.Hour + 30*time.Minute},
	"Helg 2": {15 * time.Hour, 7*time.Hour + 30*time.Minute},
}

// seedRota gives each workplace a four-week rota made from its people's shift teams and
// position percentages: each works about as many shifts a week as the percentage says (five
// for a full position), on days spread through the week; the weekend teams work every other
// weekend; one in eleven takes a week's holiday. Everything is imported as it would be from a
// rota system, one period a workplace.
func seedRota(ctx context.Context, s Services, res *Result) error {
	s.Clock.Set(morning(2018, time.January, 5))
	for _, wp := range res.WorkplaceIDs {
		people, err := s.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: wp})
		if err != nil {
			return err
		}
		var shifts []rota.Shift
		row := 1
		for i, p := range people {
			shape, ok := teamShift[p.ShiftTeam]
			if !ok || p.PositionPct == 0 {
				continue // teachers and others outside the rota
			}
			for week := range 4 {
				for day := range 7 {
					if !worksDay(i, week, day, p.ShiftTeam, p.PositionPct) {
						continue
					}
					date := rotaStart.AddDate(0, 0, 7*week+day)
					code := string([]rune(p.ShiftTeam)[:1])
					start, length := date.Add(shape.start), shape.length
					if i%11 == 3 && week == 2 { // a week's holiday
						if day >= 5 {
							continue
						}
						code, start, length = "FERIE", date.Add(8*time.Hour), 7*time.Hour+30*time.Minute
					}
					row++
					shifts = append(shifts, rota.Shift{Row: row, Person: p.Email, PersonID: p.ID,
						Start: start, End: start.Add(length), Code: code})
				}
			}
		}
		if len(shifts) == 0 {
			continue
		}
		if err := s.Rota.SaveRotaPeriod(ctx, rota.NewPeriod(wp, shifts)); err != nil {
			return err
		}
	}
	return nil
}

// worksDay decides, deterministically, whether person i of a team works a day of a week.
func worksDay(i, week, day int, team string, pct int) bool {
	switch team {
	case "Helg 1":
		return week%2 == 0 && day >= 5
	case "Helg 2":
		return week%2 == 1 && day >= 5
	}
	n := max(1, (pct*5+50)/100) // shifts a week
	return (day+i+3*week)%7 < n
}
