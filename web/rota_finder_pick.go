package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"laeringsliv"
	"laeringsliv/rota"
)

// The organiser picks the proposal on the page: each repetition becomes a meeting with the
// people placed at it invited, and their calendar feeds show it. The proposal is computed
// again from the same query; if the rota changed meanwhile and the times with it, the new
// proposal is shown instead of saving one the organiser has not seen.

// meetingForm is what the organiser says of the meeting.
type meetingForm struct {
	Kind, Title, Place string
}

// meetingRow is a meeting made, as listed on the finder's page.
type meetingRow struct {
	ID        int64
	When      string
	Kind      string // translated
	Title     string
	Place     string
	Invited   int
	Sequence  int
	Cancelled bool
}

func (s *Server) meetingRows(r *http.Request, f laeringsliv.MeetingFilter) ([]meetingRow, error) {
	st := state(r)
	list, err := s.svc.RotaTime.FindMeetings(r.Context(), f)
	if err != nil {
		return nil, err
	}
	var rows []meetingRow
	for _, m := range list {
		rows = append(rows, meetingRow{ID: m.ID, When: formatClock(m.Start, st.lang) + "–" + clock(m.End),
			Kind: st.tr.T("rota_time.meeting." + string(m.Kind)), Title: m.Title, Place: m.Place, Invited: len(m.Invitees),
			Sequence: m.Sequence, Cancelled: m.Cancelled})
	}
	return rows, nil
}

// parseMeetingForm reads and checks the organiser's fields.
func parseMeetingForm(v url.Values) (meetingForm, []FieldErr) {
	f := meetingForm{Kind: text(v, "kind", 20), Title: text(v, "title", 201), Place: text(v, "place", 201)}
	var errs []FieldErr
	if !laeringsliv.MeetingKind(f.Kind).Valid() {
		errs = append(errs, FieldErr{Field: "kind", Key: "meeting.error.kind"})
	}
	if f.Title == "" || len(f.Title) > 200 {
		errs = append(errs, FieldErr{Field: "title", Key: "error.title_required"})
	}
	if len(f.Place) > 200 {
		errs = append(errs, FieldErr{Field: "place", Key: "meeting.error.place_too_long"})
	}
	return f, errs
}

func (s *Server) finderPick(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.Rota == nil || s.svc.RotaTime == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p, err := s.finderBase(w, r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	form, formErrs := parseMeetingForm(v)
	p.Pick = form
	prop := s.proposeOnPage(w, r, p, v)
	if prop == nil {
		return
	}
	if prop.signature() != v.Get("signature") {
		formErrs = append(formErrs, FieldErr{Field: "signature", Key: "rota_time.error.changed"})
	}
	if len(prop.res.Slots) == 0 {
		formErrs = append(formErrs, FieldErr{Field: "signature", Key: "meeting.error.invitees"})
	}
	if len(formErrs) > 0 {
		p.Errors = formErrs
		s.render(w, r, http.StatusUnprocessableEntity, "rota_finder", p)
		return
	}
	if err := s.svc.RotaTime.CreateMeetings(r.Context(), meetingsOf(st, form, prop)); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.meetings_made")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/rota/finder#meetings", http.StatusSeeOther)
}

// meetingsOf makes one meeting of each repetition, inviting those placed at it.
func meetingsOf(st *reqState, form meetingForm, prop *proposal) []*laeringsliv.Meeting {
	var ms []*laeringsliv.Meeting
	for _, sl := range prop.res.Slots {
		m := &laeringsliv.Meeting{WorkplaceID: st.workplace.ID, Kind: laeringsliv.MeetingKind(form.Kind), Title: form.Title,
			Place: form.Place, Start: sl.Start, End: sl.End, CreatedBy: st.actor.Person.ID}
		for _, id := range sl.Attendees {
			m.Invitees = append(m.Invitees, laeringsliv.MeetingInvitee{PersonID: id})
		}
		for _, o := range sl.OwnTime {
			m.Invitees = append(m.Invitees, laeringsliv.MeetingInvitee{PersonID: o.ID, OwnMinutes: o.Minutes})
		}
		ms = append(ms, m)
	}
	return ms
}

func (s *Server) cancelMeeting(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.RotaTime == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	id, err := pathID(r.PathValue("meeting"))
	if err == nil {
		err = s.svc.RotaTime.CancelMeeting(r.Context(), st.workplace.ID, id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.meeting_cancelled")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/rota/finder#meetings", http.StatusSeeOther)
}

// maxStaffing bounds a minimum: more than any workplace keeps on one shift.
const maxStaffing = 500

// parseStaffing reads the minimum per kind of shift; empty means none.
func parseStaffing(v url.Values) (map[string]int, []FieldErr) {
	out := map[string]int{}
	var errs []FieldErr
	for _, k := range rota.Kinds() {
		raw := strings.TrimSpace(v.Get("min_" + k))
		if raw == "" {
			continue
		}
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 || n > maxStaffing {
			errs = append(errs, FieldErr{Field: "min_" + k, Key: "rota_time.error.minimum"})
			continue
		}
		out[k] = n
	}
	return out, errs
}

func (s *Server) saveStaffing(w http.ResponseWriter, r *http.Request) {
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
	minimum, errs := parseStaffing(v)
	if len(errs) > 0 {
		p, err := s.finderBase(w, r)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		p.Errors = errs
		s.render(w, r, http.StatusUnprocessableEntity, "rota_finder", p)
		return
	}
	if err := s.svc.RotaTime.SaveRotaStaffing(r.Context(), st.workplace.ID, minimum); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.staffing_saved")
	http.Redirect(w, r, "/workplaces/"+itoa(st.workplace.ID)+"/rota/finder", http.StatusSeeOther)
}
