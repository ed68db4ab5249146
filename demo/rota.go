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

// commonDaySite is the workplace whose rota keeps a common day: Hjemmetjenesten i Fjellbu, a
// home-care service with day and evening teams and no nights, puts everyone on the Wednesday
// of the rota's first week (10 January 2018). So the finder, asked for the next gathering in
// that week between 08:00 and 22:00 for everyone on the rota, finds that two repetitions —
// one on the day shift, one on the evening shift — cover everyone within working hours.
const commonDaySite = 2

// commonDay is the day of the week (0 is Monday) and the week of the rota of the common day.
const commonDay, commonWeek = 2, 0

// fullTimeWeek is a full position's hours a week on a rota (35.5 in Norwegian rotas with
// nights and weekends, 37.5 on days only; the demo uses 37.5 throughout).
const fullTimeWeek = 37*time.Hour + 30*time.Minute

// seedRota gives each workplace a four-week rota made from its people's shift teams and
// position percentages: each works as many shifts in the four weeks as their percentage of
// a full position's hours gives (so a night worker, on longer shifts, works fewer), spread
// through the weeks; the weekend teams work every other weekend and make up the rest of
// their position on weekdays of the other week; one in eleven takes a week's holiday. One
// workplace keeps a common day (commonDaySite). Everything is imported as it would be from a
// rota system, one period a workplace. It returns the shifts saved, by workplace.
func seedRota(ctx context.Context, s Services, res *Result) (map[int64][]rota.Shift, error) {
	s.Clock.Set(morning(2018, time.January, 5))
	saved := map[int64][]rota.Shift{}
	for k, wp := range res.WorkplaceIDs {
		people, err := s.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: wp})
		if err != nil {
			return nil, err
		}
		var shifts []rota.Shift
		row := 1
		for i, p := range people {
			shape, ok := teamShift[p.ShiftTeam]
			if !ok || p.PositionPct == 0 {
				continue // teachers and others outside the rota
			}
			plan := shiftPlan{i: i, team: p.ShiftTeam, total: shiftsInRota(p.PositionPct, shape.length), common: k == commonDaySite}
			for week := range 4 {
				for day := range 7 {
					holiday := i%11 == 3 && week == 2 // a week's holiday, Monday to Friday
					if holiday && day >= 5 || !holiday && !plan.works(week, day) {
						continue
					}
					date := rotaStart.AddDate(0, 0, 7*week+day)
					code := string([]rune(p.ShiftTeam)[:1])
					start, length := date.Add(shape.start), shape.length
					if holiday {
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
			return nil, err
		}
		saved[wp] = shifts
	}
	return saved, nil
}

// shiftsInRota is how many shifts of a length fill a position over the four weeks.
func shiftsInRota(pct int, length time.Duration) int {
	hours := 4 * float64(pct) / 100 * fullTimeWeek.Hours()
	return max(1, int(hours/length.Hours()+0.5))
}

// shiftPlan decides, deterministically, which days person i of a team works.
type shiftPlan struct {
	i      int
	team   string
	total  int  // shifts in the four weeks
	common bool // the workplace keeps a common day
}

// perWeek spreads the total over the weeks as evenly as whole shifts allow.
func (p shiftPlan) perWeek(week int) int { return p.total*(week+1)/4 - p.total*week/4 }

func (p shiftPlan) works(week, day int) bool {
	common := p.common && week == commonWeek
	switch p.team {
	case "Helg 1", "Helg 2":
		on := week%2 == 0
		if p.team == "Helg 2" {
			on = !on
		}
		if on { // the weekend; on the common week, the common day instead of the Saturday
			return common && (day == commonDay || day == 6) || !common && day >= 5
		}
		rest, j := max(0, p.total-4), week/2 // the rest of the position, on weekdays of the off weeks
		extra := min(5, rest*(j+1)/2-rest*j/2)
		if common {
			return day >= commonDay && day < commonDay+extra
		}
		return day < extra
	}
	n := min(7, p.perWeek(week))
	if common {
		return (day+7-commonDay+p.i%max(1, n))%7 < n // a run of n days through the common day
	}
	return (day+p.i+3*week)%7 < n
}
