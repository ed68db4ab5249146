package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
)

// The common-time finder: for a meeting (a gathering, an IPE session, a reading workshop, a
// work-group meeting) the organiser gives a window — dates, earliest and latest time, length —
// and the finder proposes the fewest repetitions such that everyone at the workplace can come
// to one of them within their working hours, by the rota; those who are at work at none of
// the times are named, since they would have to come in their own time.

// finderSearchBudget bounds the exact search; beyond it the best proposal found is shown as
// such.
const finderSearchBudget = 200_000

// finderQuery is the finder's form, read from the query string so that a proposal can be
// bookmarked and shared.
type finderQuery struct {
	From, To         string // YYYY-MM-DD
	Earliest, Latest string // HH:MM
	Minutes          string
	Who              string // finderWhoAll, finderWhoRota or finderWhoGroup
	Group            string // the work group's ID, for finderWhoGroup
}

// Who the finder invites: everyone at the workplace, those with a shift in the window, or the
// members of one of the workplace's work groups.
const (
	finderWhoAll   = "all"
	finderWhoRota  = "rota"
	finderWhoGroup = "group"
)

// Values is the query as a URL query, for links and hidden fields.
func (q finderQuery) Values() url.Values {
	return url.Values{"from": {q.From}, "to": {q.To}, "earliest": {q.Earliest}, "latest": {q.Latest},
		"minutes": {q.Minutes}, "who": {q.Who}, "group": {q.Group}}
}

// finderWindow is a checked query.
type finderWindow struct {
	first, last        time.Time
	earliest, latest   time.Duration
	length             time.Duration
	groupID            int64     // the work group invited, or 0
	fromUTC, toUTC     time.Time // the span the rota is read for
	days               int
	earliestS, latestS string
}

// maxFinderDays is the longest window searched: a rota period is a few weeks.
const maxFinderDays = 42

// parseFinderQuery checks the finder's query; errors name the field in the user's language.
func parseFinderQuery(v url.Values) (finderQuery, finderWindow, []FieldErr) {
	q := finderQuery{From: strings.TrimSpace(v.Get("from")), To: strings.TrimSpace(v.Get("to")),
		Earliest: strings.TrimSpace(v.Get("earliest")), Latest: strings.TrimSpace(v.Get("latest")),
		Minutes: strings.TrimSpace(v.Get("minutes")), Who: finderWhoAll}
	if who := v.Get("who"); who == finderWhoRota || who == finderWhoGroup {
		q.Who = who
	}
	if q.Who == finderWhoGroup {
		q.Group = strings.TrimSpace(v.Get("group"))
	}
	for _, p := range []*string{&q.From, &q.To, &q.Earliest, &q.Latest, &q.Minutes, &q.Group} {
		if len(*p) > 20 {
			*p = (*p)[:20]
		}
	}
	var w finderWindow
	var errs []FieldErr
	first, ok1 := rota.ParseDate(q.From)
	last, ok2 := rota.ParseDate(q.To)
	switch {
	case !ok1:
		errs = append(errs, FieldErr{Field: "from", Key: "finder.error.date"})
	case !ok2:
		errs = append(errs, FieldErr{Field: "to", Key: "finder.error.date"})
	case last.Before(first):
		errs = append(errs, FieldErr{Field: "to", Key: "finder.error.order"})
	case last.Sub(first) > maxFinderDays*24*time.Hour:
		errs = append(errs, FieldErr{Field: "to", Key: "finder.error.too_long"})
	}
	earliest, ok3 := rota.ParseClock(q.Earliest)
	latest, ok4 := rota.ParseClock(q.Latest)
	switch {
	case !ok3:
		errs = append(errs, FieldErr{Field: "earliest", Key: "finder.error.time"})
	case !ok4:
		errs = append(errs, FieldErr{Field: "latest", Key: "finder.error.time"})
	case latest <= earliest:
		errs = append(errs, FieldErr{Field: "latest", Key: "finder.error.time_order"})
	}
	minutes, err := strconv.Atoi(q.Minutes)
	if err != nil || minutes < 15 || minutes > 480 {
		errs = append(errs, FieldErr{Field: "minutes", Key: "finder.error.minutes"})
	} else if ok3 && ok4 && time.Duration(minutes)*time.Minute > latest-earliest {
		errs = append(errs, FieldErr{Field: "minutes", Key: "finder.error.longer_than_window"})
	}
	var group int64
	if q.Who == finderWhoGroup {
		if group, err = strconv.ParseInt(q.Group, 10, 64); err != nil || group < 1 {
			errs = append(errs, FieldErr{Field: "group", Key: "workgroups.finder.error.group"})
		}
	}
	if len(errs) > 0 {
		return q, w, errs
	}
	w = finderWindow{groupID: group, first: first, last: last, earliest: earliest, latest: latest,
		length: time.Duration(minutes) * time.Minute, days: int(last.Sub(first).Hours()/24) + 1,
		earliestS: q.Earliest, latestS: q.Latest}
	w.fromUTC = time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, laeringsliv.Norway()).Add(-24 * time.Hour)
	w.toUTC = time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, laeringsliv.Norway()).Add(48 * time.Hour)
	return q, w, nil
}
