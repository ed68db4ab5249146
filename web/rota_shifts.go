package web

import (
	"net/http"
	"sort"
	"strings"
	"time"

	"laeringsliv"
	"laeringsliv/icalendar"
	"laeringsliv/rota"
	"laeringsliv/rotafeed"
)

// One person's shifts beside the programme's events: the workplace's gatherings and the
// meetings they are invited to, day by day for four weeks. The person sees their own, and the
// workplace's leaders see anyone's (policy.go, ActionViewShifts). The person may also
// subscribe their own rota by an iCalendar address here.

// shiftWeeks is how far the page looks ahead.
const shiftWeeks = 4

// ShiftsPage is a person's shifts and events.
type ShiftsPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Person    *laeringsliv.Person
	Own       bool // the reader is the person
	Wishes    bool // the reader may keep their wishes about colleagues for group formation
	From, To  string
	Prev      string // the query of the four weeks before, and after
	Next      string
	Days      []shiftDay
	Feed      *feedView // the person's subscription; nil when not the reader's own or none
	FeedURL   string
}

type shiftDay struct {
	Date  string
	Items []shiftItem
}

type shiftItem struct {
	When, What string
	Kind       string // "shift", "gathering" or "meeting"
	Note       string
	at         time.Time
}

type feedView struct {
	URL, Fetched, Checked, Error string
	Shifts                       int
}

func (s *Server) shiftsPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.Rota == nil || s.svc.RotaTime == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	person, err := s.workplacePerson(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	from := s.shiftsFrom(r, person.ID)
	to := from.AddDate(0, 0, 7*shiftWeeks)
	p := &ShiftsPage{Page: s.base(w, r, st.tr.T("rota_time.shifts_title")), Workplace: st.workplace, Person: person,
		Own: person.ID == st.actor.Person.ID, From: from.Format("2006-01-02"), To: to.AddDate(0, 0, -1).Format("2006-01-02"),
		Prev: from.AddDate(0, 0, -7*shiftWeeks).Format("2006-01-02"), Next: to.Format("2006-01-02")}
	items, err := s.shiftItems(r, person.ID, from, to)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Days = byDay(items, st.lang)
	p.Wishes = p.Own && s.svc.Wishes != nil && st.actor.Can(laeringsliv.ActionKeepWishes, ownResource(st.workplace, person.ID))
	if p.Own {
		if p.Feed, err = s.feedView(r, person.ID); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "rota_shifts", p)
}

// workplacePerson is the person in the path, who must belong to the path's workplace.
func (s *Server) workplacePerson(r *http.Request) (*laeringsliv.Person, error) {
	st := state(r)
	id, err := pathID(r.PathValue("person"))
	if err != nil {
		return nil, err
	}
	ms, err := s.svc.Members.FindMemberships(r.Context(), laeringsliv.MembershipFilter{PersonID: id, WorkplaceID: st.workplace.ID})
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return s.svc.People.FindPerson(r.Context(), id)
}

// shiftsFrom is the first day shown: ?from, or this week's Monday, or — when the person has
// no shift in the weeks ahead — the first day of the workplace's active rota.
func (s *Server) shiftsFrom(r *http.Request, personID int64) time.Time {
	loc := laeringsliv.Norway()
	if d, err := time.ParseInLocation("2006-01-02", r.URL.Query().Get("from"), loc); err == nil && d.Year() > 2000 && d.Year() < 2200 {
		return d
	}
	now := s.cfg.Now().In(loc)
	monday := time.Date(now.Year(), now.Month(), now.Day()-(int(now.Weekday())+6)%7, 0, 0, 0, 0, loc)
	st := state(r)
	shifts, err := s.svc.Rota.WorkplaceShifts(r.Context(), st.workplace.ID, monday, monday.AddDate(0, 0, 7*shiftWeeks))
	if err != nil || hasPerson(shifts, personID) {
		return monday
	}
	periods, err := s.svc.Rota.FindRotaPeriods(r.Context(), st.workplace.ID)
	if err != nil {
		return monday
	}
	for _, pr := range periods {
		if pr.Status == rota.StatusActive {
			return time.Date(pr.From.Year(), pr.From.Month(), pr.From.Day(), 0, 0, 0, 0, loc)
		}
	}
	return monday
}

func hasPerson(list []rota.Shift, id int64) bool {
	for _, x := range list {
		if x.PersonID == id {
			return true
		}
	}
	return false
}

// shiftItems are the person's shifts at the workplace, its gatherings and the person's
// meetings there, between from and to.
func (s *Server) shiftItems(r *http.Request, personID int64, from, to time.Time) ([]shiftItem, error) {
	st := state(r)
	ctx := r.Context()
	var items []shiftItem
	shifts, err := s.svc.Rota.WorkplaceShifts(ctx, st.workplace.ID, from, to)
	if err != nil {
		return nil, err
	}
	for _, sh := range shifts {
		if sh.PersonID != personID {
			continue
		}
		note := ""
		if k := sh.Kind(); k != "" {
			note = st.tr.T("rota_time.kind." + k)
		} else {
			note = st.tr.T("rota_time.leave")
		}
		items = append(items, shiftItem{When: clock(sh.Start) + "–" + clock(sh.End), What: sh.Code, Kind: "shift", Note: note, at: sh.Start})
	}
	gs, err := s.svc.Study.FindGatherings(ctx, st.workplace.ID)
	if err != nil {
		return nil, err
	}
	for _, g := range gs {
		for _, d := range g.Days {
			if d.End.After(from) && d.Start.Before(to) {
				items = append(items, shiftItem{When: clock(d.Start) + "–" + clock(d.End), What: g.Title, Kind: "gathering",
					Note: g.Place, at: d.Start})
			}
		}
	}
	ms, err := s.svc.RotaTime.FindMeetings(ctx, laeringsliv.MeetingFilter{PersonID: personID, WorkplaceID: st.workplace.ID, From: from})
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if m.Cancelled || !m.Start.Before(to) {
			continue
		}
		items = append(items, shiftItem{When: clock(m.Start) + "–" + clock(m.End), What: m.Title, Kind: "meeting",
			Note: st.tr.T("rota_time.meeting." + string(m.Kind)), at: m.Start})
	}
	return items, nil
}

// byDay groups items by their day in Norway, in order.
func byDay(items []shiftItem, lang string) []shiftDay {
	sort.SliceStable(items, func(i, j int) bool { return items[i].at.Before(items[j].at) })
	var days []shiftDay
	for _, it := range items {
		d := formatDate(it.at.In(laeringsliv.Norway()), lang)
		if len(days) == 0 || days[len(days)-1].Date != d {
			days = append(days, shiftDay{Date: d})
		}
		days[len(days)-1].Items = append(days[len(days)-1].Items, it)
	}
	return days
}

func (s *Server) feedView(r *http.Request, personID int64) (*feedView, error) {
	st := state(r)
	f, err := s.svc.RotaTime.FindRotaFeed(r.Context(), personID)
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	v := &feedView{URL: f.URL, Shifts: f.Shifts}
	if !f.FetchedAt.IsZero() {
		v.Fetched = formatClock(f.FetchedAt, st.lang)
	}
	if !f.CheckedAt.IsZero() {
		v.Checked = formatClock(f.CheckedAt, st.lang)
	}
	if f.ErrorCode != "" {
		v.Error = st.tr.T("rota_time.feed.error." + f.ErrorCode)
	}
	return v, nil
}

func shiftsPath(st *reqState, personID int64) string {
	return "/workplaces/" + itoa(st.workplace.ID) + "/people/" + itoa(personID) + "/shifts"
}

func (s *Server) saveRotaFeed(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.RotaTime == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	person, err := s.workplacePerson(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	url := strings.TrimSpace(v.Get("url"))
	if strings.HasPrefix(strings.ToLower(url), "webcal://") { // phones' name for an http(s) feed
		url = "https://" + url[len("webcal://"):]
	}
	if err := rotafeed.CheckURL(url); err != nil {
		s.renderError(w, r, laeringsliv.FieldError("url", "rota_time.feed.error.address"))
		return
	}
	if err := s.svc.RotaTime.SaveRotaFeed(r.Context(), person.ID, url); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.rota_feed_saved")
	http.Redirect(w, r, shiftsPath(st, person.ID), http.StatusSeeOther)
}

func (s *Server) deleteRotaFeed(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.RotaTime == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	person, err := s.workplacePerson(r)
	if err == nil {
		err = s.svc.RotaTime.DeleteRotaFeed(r.Context(), person.ID)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.rota_feed_deleted")
	http.Redirect(w, r, shiftsPath(st, person.ID), http.StatusSeeOther)
}

// meetingEvents are the calendar entries of the meetings a person is invited to, including
// cancelled ones (so that apps remove them) with their sequence.
func (s *Server) meetingEvents(r *http.Request, personID int64) ([]icalendar.Event, error) {
	if s.svc.RotaTime == nil {
		return nil, nil
	}
	tr := state(r).tr
	ms, err := s.svc.RotaTime.FindMeetings(r.Context(), laeringsliv.MeetingFilter{PersonID: personID})
	if err != nil {
		return nil, err
	}
	var evs []icalendar.Event
	for _, m := range ms {
		evs = append(evs, s.meetingEvent(r, tr, m, "/workplaces/"+itoa(m.WorkplaceID)+"/people/"+itoa(personID)+"/shifts"))
	}
	return evs, nil
}

// meetingEvent is a meeting's calendar entry. Its UID is the same in every feed, and its
// sequence counts moves and the cancellation, so that apps replace their copy.
func (s *Server) meetingEvent(r *http.Request, tr *translator, m *laeringsliv.Meeting, path string) icalendar.Event {
	host, _, _ := strings.Cut(r.Host, ":")
	return icalendar.Event{UID: "meeting-" + itoa(m.ID) + "@" + host, Start: m.Start, End: m.End,
		Summary: m.Title + " (" + tr.T("rota_time.meeting."+string(m.Kind)) + ")", Location: m.Place,
		URL: s.absoluteURL(r, path), Sequence: m.Sequence, Cancelled: m.Cancelled}
}
