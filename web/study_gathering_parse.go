package web

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
)

// A gathering's days and agenda are typed one per line, the way a teacher writes a programme:
//
//	12.09.2017 08:30-15:30
//	08:30-09:00 Velkommen
//
// Times are Norwegian local time and stored in UTC; agenda times fall on the first day.
var (
	dayLine    = regexp.MustCompile(`^(\S+)\s+(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})$`)
	agendaLine = regexp.MustCompile(`^(\d{1,2}[:.]\d{2})(?:\s*[-–]\s*(\d{1,2}[:.]\d{2}))?\s+(.+)$`)
)

// parseGatheringForm reads a gathering of a workplace from the teachers' form.
func parseGatheringForm(v url.Values, loc *time.Location, workplaceID int64) (*laeringsliv.Gathering, []FieldErr) {
	g := &laeringsliv.Gathering{WorkplaceID: workplaceID, Kind: laeringsliv.GatheringKind(text(v, "kind", 30)), Title: text(v, "title", 200),
		Place: text(v, "place", 200)}
	var errs []FieldErr
	for _, line := range lines(v.Get("days"), laeringsliv.MaxGatheringDays+1) {
		m := dayLine.FindStringSubmatch(line)
		if m == nil {
			errs = append(errs, FieldErr{"days", "gathering.error.day_line"})
			break
		}
		date, err := laeringsliv.ParseDate(m[1])
		from, ok1 := clockOn(date, m[2], loc)
		to, ok2 := clockOn(date, m[3], loc)
		if err != nil || !ok1 || !ok2 {
			errs = append(errs, FieldErr{"days", "gathering.error.day_line"})
			break
		}
		g.Days = append(g.Days, laeringsliv.GatheringDay{Start: from, End: to})
	}
	for _, line := range lines(v.Get("agenda"), 50) {
		m := agendaLine.FindStringSubmatch(line)
		if m == nil || len(g.Days) == 0 {
			errs = append(errs, FieldErr{"agenda", "gathering.error.agenda_line"})
			break
		}
		y, mo, d := g.Days[0].Start.In(loc).Date()
		day := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
		from, ok := clockOn(day, m[1], loc)
		item := laeringsliv.AgendaItem{Start: from, Title: strings.TrimSpace(m[3])}
		if m[2] != "" {
			var ok2 bool
			item.End, ok2 = clockOn(day, m[2], loc)
			ok = ok && ok2
		}
		if !ok {
			errs = append(errs, FieldErr{"agenda", "gathering.error.agenda_line"})
			break
		}
		g.Agenda = append(g.Agenda, item)
	}
	return g, appendValidation(errs, g.Validate())
}

// lines returns the non-empty trimmed lines of s, at most max of them.
func lines(s string, max int) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" && len(out) < max {
			out = append(out, l)
		}
	}
	return out
}

// clockOn returns the local time hh:mm on the date (midnight UTC as ParseDate gives), in UTC.
func clockOn(date time.Time, hm string, loc *time.Location) (time.Time, bool) {
	h, m, ok := strings.Cut(strings.Replace(hm, ".", ":", 1), ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh > 23 || mm > 59 {
		return time.Time{}, false
	}
	y, mo, d := date.Date()
	return time.Date(y, mo, d, hh, mm, 0, 0, loc).UTC(), true
}
