package web

import (
	"net/http"

	"laeringsliv"
	"laeringsliv/icalendar"
)

// The meetings the leaders placed on the rota also show where the workplace's members look
// for the programme's events: on the gatherings page and in the workplace's calendar file.
// Only the workplace's own members see them.

// programmeMeeting is a meeting as the gatherings page lists it.
type programmeMeeting struct {
	When, Kind, Title, Place string
	Cancelled                bool
}

// seesMeetings reports whether the signed-in person may see the workplace's meetings.
func (s *Server) seesMeetings(r *http.Request) bool {
	st := state(r)
	return s.svc.RotaTime != nil && st.actor.Can(laeringsliv.ActionViewMeetings, laeringsliv.WorkplaceResource(st.workplace))
}

// programmeMeetings lists the workplace's meetings that have not ended, cancelled ones marked.
func (s *Server) programmeMeetings(r *http.Request) ([]programmeMeeting, error) {
	st := state(r)
	list, err := s.svc.RotaTime.FindMeetings(r.Context(), laeringsliv.MeetingFilter{WorkplaceID: st.workplace.ID, From: s.cfg.Now()})
	if err != nil {
		return nil, err
	}
	out := make([]programmeMeeting, 0, len(list))
	for _, m := range list {
		out = append(out, programmeMeeting{When: formatClock(m.Start, st.lang) + "–" + clock(m.End),
			Kind: st.tr.T("rota_time.meeting." + string(m.Kind)), Title: m.Title, Place: m.Place, Cancelled: m.Cancelled})
	}
	return out, nil
}

// workplaceMeetingEvents are the workplace's meetings for its calendar file, cancelled ones
// kept as cancelled so that apps remove them.
func (s *Server) workplaceMeetingEvents(r *http.Request) ([]icalendar.Event, error) {
	if !s.seesMeetings(r) {
		return nil, nil
	}
	st := state(r)
	list, err := s.svc.RotaTime.FindMeetings(r.Context(), laeringsliv.MeetingFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		return nil, err
	}
	evs := make([]icalendar.Event, 0, len(list))
	for _, m := range list {
		evs = append(evs, s.meetingEvent(r, st.tr, m, "/workplaces/"+itoa(st.workplace.ID)+"/gatherings"))
	}
	return evs, nil
}
