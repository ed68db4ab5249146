package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
	"laeringsliv/timefind"
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
}

// finderWindow is a checked query.
type finderWindow struct {
	first, last        time.Time
	earliest, latest   time.Duration
	length             time.Duration
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
		Minutes: strings.TrimSpace(v.Get("minutes"))}
	for _, p := range []*string{&q.From, &q.To, &q.Earliest, &q.Latest, &q.Minutes} {
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
	if len(errs) > 0 {
		return q, w, errs
	}
	w = finderWindow{first: first, last: last, earliest: earliest, latest: latest,
		length: time.Duration(minutes) * time.Minute, days: int(last.Sub(first).Hours()/24) + 1,
		earliestS: q.Earliest, latestS: q.Latest}
	w.fromUTC = time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, laeringsliv.Norway()).Add(-24 * time.Hour)
	w.toUTC = time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, laeringsliv.Norway()).Add(48 * time.Hour)
	return q, w, nil
}

// FinderPage is the finder's page.
type FinderPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Query     finderQuery
	Searched  bool
	Slots     []finderSlot
	OwnTime   []string // people at work at none of the times
	Exact     bool
	Invited   int
	NoRota    bool // nobody has a shift in the window
}

type finderSlot struct {
	When      string
	Attendees []string
	Off       int // invitees not at work then
}

func (s *Server) finderPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.Rota == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	p := FinderPage{Page: s.base(w, r, st.tr.T("finder.title")), Workplace: st.workplace,
		Query: finderQuery{Earliest: "08:00", Latest: "15:30", Minutes: "45"}}
	if r.URL.Query().Get("from") == "" {
		// The first week of the active rota, as a start.
		if periods, err := s.svc.Rota.FindRotaPeriods(r.Context(), st.workplace.ID); err == nil {
			for _, pr := range periods {
				if pr.Status == rota.StatusActive {
					p.Query.From = pr.From.Format("2006-01-02")
					p.Query.To = pr.From.AddDate(0, 0, min(6, int(pr.To.Sub(pr.From).Hours()/24))).Format("2006-01-02")
					break
				}
			}
		}
		s.render(w, r, http.StatusOK, "rota_finder", p)
		return
	}
	q, win, errs := parseFinderQuery(r.URL.Query())
	p.Query = q
	if len(errs) > 0 {
		p.Errors = errs
		s.render(w, r, http.StatusUnprocessableEntity, "rota_finder", p)
		return
	}
	people, err := s.svc.People.FindPersons(r.Context(), laeringsliv.PersonFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	list, err := s.svc.Rota.WorkplaceShifts(r.Context(), st.workplace.ID, win.fromUTC, win.toUTC)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	work := map[int64][]timefind.Interval{}
	for _, sh := range list {
		if !sh.IsLeave() {
			work[sh.PersonID] = append(work[sh.PersonID], timefind.Interval{Start: sh.Start, End: sh.End})
		}
	}
	names := map[int64]string{}
	var invitees []timefind.Person
	for _, person := range people {
		names[person.ID] = person.Name
		invitees = append(invitees, timefind.Person{ID: person.ID, Work: work[person.ID]})
	}
	res := timefind.Find(invitees, timefind.Window{First: win.first, Last: win.last, Earliest: win.earliest,
		Latest: win.latest, Length: win.length, Step: 15 * time.Minute, Loc: laeringsliv.Norway()}, finderSearchBudget)
	p.Searched, p.Exact, p.Invited, p.NoRota = true, res.Exact, len(invitees), len(list) == 0
	for _, sl := range res.Slots {
		fs := finderSlot{When: formatClock(sl.Start, st.lang) + "–" + clock(sl.End),
			Off: len(invitees) - len(sl.Attendees)}
		for _, id := range sl.Attendees {
			fs.Attendees = append(fs.Attendees, names[id])
		}
		slices.Sort(fs.Attendees)
		p.Slots = append(p.Slots, fs)
	}
	for _, id := range res.OwnTime {
		p.OwnTime = append(p.OwnTime, names[id])
	}
	slices.Sort(p.OwnTime)
	s.render(w, r, http.StatusOK, "rota_finder", p)
}
