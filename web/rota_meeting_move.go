package web

import (
	"context"
	"net/http"
	"time"

	"laeringsliv"
	"laeringsliv/timefind"
)

// The organiser moves a meeting made from the finder: a new day, time and length, or a new
// title and place. Before saving, the page shows who of the invitees is at work at the new
// time and who would come in their own time, as the finder does for each repetition; the
// meeting then goes out again under the same identity with its change counted, so that
// calendar apps update their copy instead of adding a second one.

// MeetingMovePage is the move form with what the new time means for the invitees.
type MeetingMovePage struct {
	Page
	Workplace *laeringsliv.Workplace
	Meeting   meetingRow
	Form      moveForm
	Checked   bool // the new time was checked and can be saved
	Signature string
	Slot      *finderSlot
	Held      []string // invitees no time can take off their shift without going below the minimum
	NoRota    bool
}

// workplaceMeeting finds a meeting of the request's workplace that can still be changed.
func (s *Server) workplaceMeeting(r *http.Request) (*laeringsliv.Meeting, error) {
	st := state(r)
	id, err := pathID(r.PathValue("meeting"))
	if err != nil {
		return nil, err
	}
	list, err := s.svc.RotaTime.FindMeetings(r.Context(), laeringsliv.MeetingFilter{ID: id, WorkplaceID: st.workplace.ID})
	if err != nil {
		return nil, err
	}
	if len(list) == 1 && !list[0].Cancelled {
		return list[0], nil
	}
	return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
}

func (s *Server) movePageOf(w http.ResponseWriter, r *http.Request, m *laeringsliv.Meeting) *MeetingMovePage {
	st := state(r)
	return &MeetingMovePage{Page: s.base(w, r, st.tr.T("meetings.move.title")), Workplace: st.workplace,
		Meeting: meetingRow{ID: m.ID, When: formatClock(m.Start, st.lang) + "–" + clock(m.End),
			Kind: st.tr.T("rota_time.meeting." + string(m.Kind)), Title: m.Title, Place: m.Place, Invited: len(m.Invitees),
			Sequence: m.Sequence}}
}

func (s *Server) moveMeetingPage(w http.ResponseWriter, r *http.Request) {
	if s.svc.RotaTime == nil || s.svc.Rota == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	m, err := s.workplaceMeeting(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := s.movePageOf(w, r, m)
	start := m.Start.In(laeringsliv.Norway())
	p.Form = moveForm{Date: start.Format("2006-01-02"), Start: start.Format("15:04"),
		Minutes: itoa(int64(m.End.Sub(m.Start) / time.Minute)), Title: m.Title, Place: m.Place}
	s.render(w, r, http.StatusOK, "rota_meeting_move", p)
}

// moveMeeting checks the new time first; only a form sent again for the time checked saves.
func (s *Server) moveMeeting(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.RotaTime == nil || s.svc.Rota == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	m, err := s.workplaceMeeting(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := s.movePageOf(w, r, m)
	form, start, end, errs := parseMoveForm(v, s.cfg.Now())
	p.Form = form
	if len(errs) > 0 {
		p.Errors = errs
		s.render(w, r, http.StatusUnprocessableEntity, "rota_meeting_move", p)
		return
	}
	res, names, noShifts, err := s.checkMove(r.Context(), st.workplace, m, start, end)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Checked, p.NoRota, p.Signature = true, noShifts, moveSignature(start, end.Sub(start))
	p.Held = sortedNames(names, res.Held)
	if len(res.Slots) > 0 {
		sl := slotView(st, res.Slots[0], names)
		p.Slot = &sl
	}
	if v.Get("checked") != p.Signature {
		s.render(w, r, http.StatusOK, "rota_meeting_move", p)
		return
	}
	mv := laeringsliv.MeetingMove{WorkplaceID: st.workplace.ID, ID: m.ID, Title: form.Title, Place: form.Place,
		Start: start, End: end, OwnMinutes: ownMinutes(m, res)}
	if err := s.svc.RotaTime.MoveMeeting(r.Context(), mv); laeringsliv.ErrorCode(err) == laeringsliv.EINVALID {
		p.Errors = []FieldErr{{Field: fieldOfErr(err), Key: laeringsliv.ErrorKey(err)}}
		s.render(w, r, http.StatusUnprocessableEntity, "rota_meeting_move", p)
		return
	} else if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.meeting_moved")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/rota/finder#meetings", http.StatusSeeOther)
}

// checkMove runs the finder on the one new time for the meeting's invitees, the rest of the
// workplace staying at work, and returns its result with the names to show.
func (s *Server) checkMove(ctx context.Context, wp *laeringsliv.Workplace, m *laeringsliv.Meeting, start, end time.Time) (timefind.Result, map[int64]string, bool, error) {
	people, err := s.svc.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: wp.ID})
	if err != nil {
		return timefind.Result{}, nil, false, err
	}
	list, err := s.svc.Rota.WorkplaceShifts(ctx, wp.ID, start.Add(-24*time.Hour), end.Add(24*time.Hour))
	if err != nil {
		return timefind.Result{}, nil, false, err
	}
	minimum, err := s.svc.RotaTime.FindRotaStaffing(ctx, wp.ID)
	if err != nil {
		return timefind.Result{}, nil, false, err
	}
	work := map[int64][]timefind.Interval{}
	for _, sh := range list {
		if !sh.IsLeave() {
			work[sh.PersonID] = append(work[sh.PersonID], timefind.Interval{Start: sh.Start, End: sh.End, Kind: sh.Kind()})
		}
	}
	invited := map[int64]bool{}
	for _, in := range m.Invitees {
		invited[in.PersonID] = true
	}
	names := map[int64]string{}
	var invitees, others []timefind.Person
	for _, person := range people {
		names[person.ID] = person.Name
		tp := timefind.Person{ID: person.ID, Work: work[person.ID]}
		if invited[person.ID] {
			invitees = append(invitees, tp)
		} else {
			others = append(others, tp)
		}
	}
	local := start.In(laeringsliv.Norway())
	day := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, laeringsliv.Norway())
	offset := time.Duration(local.Hour())*time.Hour + time.Duration(local.Minute())*time.Minute
	length := end.Sub(start)
	res := timefind.FindWith(invitees, timefind.Window{First: day, Last: day, Earliest: offset, Latest: offset + length,
		Length: length, Step: length, Loc: laeringsliv.Norway()}, timefind.Options{Minimum: minimum, Others: others})
	return res, names, len(list) == 0, nil
}

// ownMinutes is the own time each invitee needs at the new time; an invitee held at work
// needs none.
func ownMinutes(m *laeringsliv.Meeting, res timefind.Result) map[int64]int {
	out := map[int64]int{}
	for _, in := range m.Invitees {
		out[in.PersonID] = 0
	}
	for _, sl := range res.Slots {
		for _, o := range sl.OwnTime {
			out[o.ID] = o.Minutes
		}
	}
	return out
}
