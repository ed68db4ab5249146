package web

import (
	"net/http"
	"strings"
	"time"

	"laeringsliv"
	"laeringsliv/icalendar"
)

// GatheringsPage lists a workplace's gatherings with their days and agenda; the printable
// programme uses the same data with a plain layout.
type GatheringsPage struct {
	Page
	Workplace  *laeringsliv.Workplace
	Gatherings []GatheringView
	FeedURL    string // the personal calendar address just made, shown once
	HasFeed    bool
	CanPlan    bool
	// ShowMeetings is set for the workplace's own members, who see Meetings: those placed on
	// the rota that have not ended.
	ShowMeetings bool
	Meetings     []programmeMeeting
}

func (s *Server) gatheringsPage(w http.ResponseWriter, r *http.Request) {
	s.renderGatherings(w, r, "study_gatherings")
}

func (s *Server) gatheringsPrint(w http.ResponseWriter, r *http.Request) {
	s.renderGatherings(w, r, "study_gatherings_print")
}

func (s *Server) renderGatherings(w http.ResponseWriter, r *http.Request, page string) {
	st := state(r)
	gs, err := s.svc.Study.FindGatherings(r.Context(), st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	has, err := s.svc.Calendar.HasCalendarToken(r.Context(), st.actor.Person.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := GatheringsPage{Page: s.base(w, r, st.tr.T("gathering.title")+": "+st.workplace.Name),
		Workplace: st.workplace, Gatherings: gatheringViews(gs, st.tr), HasFeed: has,
		CanPlan: st.actor.Can(laeringsliv.ActionPlanGatherings, laeringsliv.WorkplaceResource(st.workplace))}
	if p.ShowMeetings = s.seesMeetings(r); p.ShowMeetings {
		if p.Meetings, err = s.programmeMeetings(r); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if c, err := r.Cookie(feedCookie); err == nil && strings.HasPrefix(c.Value, "/calendar/") {
		p.FeedURL = s.absoluteURL(r, c.Value) // shown once after it was made
		clearCookie(w, feedCookie)
	}
	s.render(w, r, http.StatusOK, page, p)
}

// feedCookie carries a new feed address to the page that shows it once.
const feedCookie = "__Host-feed"

// workplaceCalendar serves the workplace's gatherings as an iCalendar file, for those signed in,
// with the meetings placed on the rota for the workplace's own members.
func (s *Server) workplaceCalendar(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	gs, err := s.svc.Study.FindGatherings(r.Context(), st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	meetings, err := s.workplaceMeetingEvents(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.writeCalendar(w, r, st.tr.T("gathering.title")+": "+st.workplace.Name, gs, st.workplace, meetings...)
}

// personalCalendar serves the gatherings of every workplace where the token's owner is a
// member. The address is the only credential, so an unknown token is simply not found.
func (s *Server) personalCalendar(w http.ResponseWriter, r *http.Request) {
	token := strings.TrimSuffix(r.PathValue("token"), ".ics")
	if len(token) < 20 || len(token) > 100 {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	ctx := r.Context()
	pid, err := s.svc.Calendar.CalendarPerson(ctx, laeringsliv.HashToken(token))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	ms, err := s.svc.Members.FindMemberships(ctx, laeringsliv.MembershipFilter{PersonID: pid})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var all []*laeringsliv.Gathering
	for _, m := range ms {
		if m.WorkplaceID == 0 {
			continue
		}
		gs, err := s.svc.Study.FindGatherings(ctx, m.WorkplaceID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		all = append(all, gs...)
	}
	meetings, err := s.meetingEvents(r, pid)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.writeCalendar(w, r, state(r).tr.T("gathering.my_calendar"), all, nil, meetings...)
}

// writeCalendar writes one event per gathering day.
func (s *Server) writeCalendar(w http.ResponseWriter, r *http.Request, name string, gs []*laeringsliv.Gathering, wp *laeringsliv.Workplace, extra ...icalendar.Event) {
	tr := state(r).tr
	host := r.Host
	if i := strings.IndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	cal := &icalendar.Calendar{ProdID: "-//Læringslivet//NO", Name: name}
	for _, g := range gs {
		var agenda []string
		for _, a := range g.Agenda {
			agenda = append(agenda, a.Start.In(laeringsliv.Norway()).Format("15:04")+" "+a.Title)
		}
		for i, d := range g.Days {
			cal.Events = append(cal.Events, icalendar.Event{
				UID:   "gathering-" + itoa(g.ID) + "-day-" + itoa(int64(i)) + "@" + host,
				Start: d.Start, End: d.End, Summary: g.Title + " (" + tr.T("gathering.kind."+string(g.Kind)) + ")",
				Location: g.Place, Description: strings.Join(agenda, "\n"),
				URL: s.absoluteURL(r, "/workplaces/"+itoa(g.WorkplaceID)+"/gatherings"),
			})
		}
	}
	cal.Events = append(cal.Events, extra...)
	w.Header().Set("Content-Type", icalendar.ContentType)
	w.Header().Set("Cache-Control", "private, max-age=300")
	if wp != nil {
		w.Header().Set("Content-Disposition", `attachment; filename="gatherings-`+itoa(wp.ID)+`.ics"`)
	}
	if err := cal.Write(w, s.cfg.Now()); err != nil {
		s.cfg.Logger.WarnContext(r.Context(), "write calendar", "err", err)
	}
}

// createCalendarLink makes a new secret feed address for the signed-in person (revoking the
// old one) and shows it once on the gatherings page it came from.
func (s *Server) createCalendarLink(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if _, err := readForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	token := laeringsliv.NewToken()
	if err := s.svc.Calendar.SetCalendarToken(r.Context(), st.actor.Person.ID, laeringsliv.HashToken(token)); err != nil {
		s.serverError(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: feedCookie, Value: "/calendar/" + token + ".ics", Path: "/", MaxAge: 60,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	setFlash(w, "flash.calendar_created")
	http.Redirect(w, r, backTo(r), http.StatusSeeOther)
}

// revokeCalendarLink ends the person's feed address.
func (s *Server) revokeCalendarLink(w http.ResponseWriter, r *http.Request) {
	if _, err := readForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	if err := s.svc.Calendar.RevokeCalendarToken(r.Context(), state(r).actor.Person.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	setFlash(w, "flash.calendar_revoked")
	http.Redirect(w, r, backTo(r), http.StatusSeeOther)
}

// backTo returns the local page named by the form's "back" field, or the dashboard.
func backTo(r *http.Request) string {
	return safeNext(r.PostFormValue("back"))
}

// GatheringView is a gathering with its times written out in Norwegian local time.
type GatheringView struct {
	*laeringsliv.Gathering
	DayTimes   []DayTime
	AgendaRows []AgendaRow
	// KindLabel names the kind beside the title, unless the title already says it
	// ("Oppstartsamling (oppstartsamling)" says it twice).
	KindLabel string
}

// DayTime is one day of a gathering: its date and its opening and closing time.
type DayTime struct {
	Date     time.Time
	From, To string
}

// AgendaRow is one agenda point with its time span.
type AgendaRow struct {
	Time, Title string
	// IPE and Workshop link the IPE session and the reading workshop held in this point; empty
	// when none.
	IPE, Workshop string
}

func gatheringViews(gs []*laeringsliv.Gathering, tr *translator) []GatheringView {
	clock := func(t time.Time) string { return t.In(laeringsliv.Norway()).Format("15:04") }
	out := make([]GatheringView, len(gs))
	for i, g := range gs {
		v := GatheringView{Gathering: g}
		if kind := tr.T("gathering.kind." + string(g.Kind)); !strings.EqualFold(strings.TrimSpace(g.Title), kind) {
			v.KindLabel = kind
		}
		for _, d := range g.Days {
			v.DayTimes = append(v.DayTimes, DayTime{Date: d.Start, From: clock(d.Start), To: clock(d.End)})
		}
		for _, a := range g.Agenda {
			span := clock(a.Start)
			if !a.End.IsZero() {
				span += "–" + clock(a.End)
			}
			row := AgendaRow{Time: span, Title: a.Title}
			wp := "/workplaces/" + itoa(g.WorkplaceID)
			if a.IPESessionID != 0 {
				row.IPE = wp + "/ipe/" + itoa(a.IPESessionID) + "/screen"
			}
			if a.ReadingWorkshopID != 0 {
				row.Workshop = wp + "/reading/" + itoa(a.ReadingWorkshopID)
			}
			v.AgendaRows = append(v.AgendaRows, row)
		}
		out[i] = v
	}
	return out
}
