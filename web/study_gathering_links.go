package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
)

// LinkOption is an IPE session or a reading workshop of the workplace that an agenda point may
// link to.
type LinkOption struct {
	ID    int64
	Label string
}

// parseAgendaLinks links the IPE session chosen in ipe_session to the agenda point starting at
// ipe_at, and the workshop chosen in workshop to the point at workshop_at. The choice must be
// one of the workplace's (ipe, workshops) and the time the start of a point of g's agenda.
func parseAgendaLinks(v url.Values, g *laeringsliv.Gathering, loc *time.Location, ipe, workshops []LinkOption) []FieldErr {
	var errs []FieldErr
	link := func(field, atField string, opts []LinkOption, set func(*laeringsliv.AgendaItem, int64)) {
		raw := strings.TrimSpace(v.Get(field))
		if raw == "" {
			return
		}
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || !hasOption(opts, id) {
			errs = append(errs, FieldErr{field, "gathering.error.link_invalid"})
			return
		}
		i := agendaAt(g, text(v, atField, 10), loc)
		if i < 0 {
			errs = append(errs, FieldErr{atField, "gathering.error.link_time"})
			return
		}
		set(&g.Agenda[i], id)
	}
	link("ipe_session", "ipe_at", ipe, func(a *laeringsliv.AgendaItem, id int64) { a.IPESessionID = id })
	link("workshop", "workshop_at", workshops, func(a *laeringsliv.AgendaItem, id int64) { a.ReadingWorkshopID = id })
	return errs
}

func hasOption(opts []LinkOption, id int64) bool {
	for _, o := range opts {
		if o.ID == id {
			return true
		}
	}
	return false
}

// agendaAt returns the index of the agenda point that starts at the clock time hm (08:30 or
// 8.30) in Norway, or -1.
func agendaAt(g *laeringsliv.Gathering, hm string, loc *time.Location) int {
	for i, a := range g.Agenda {
		want, ok := clockOn(time.Date(a.Start.In(loc).Year(), a.Start.In(loc).Month(), a.Start.In(loc).Day(), 0, 0, 0, 0, time.UTC), hm, loc)
		if ok && want.Equal(a.Start) {
			return i
		}
	}
	return -1
}
