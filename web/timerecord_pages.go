package web

import (
	"net/http"
	"time"

	"laeringsliv"
)

// A participant's own time: a quick entry for the phone (date, minutes, what, working hours
// or own time) and the list of their entries, each of which they may change or delete.
// Nobody else reaches the entries: the policy decides on the record's owner, and a record of
// someone else answers as if it did not exist.

// TimePage is a participant's time records with the entry form; Editing is set when the form
// changes a stored record.
type TimePage struct {
	Page
	Workplace  *laeringsliv.Workplace
	Form       timeForm
	Editing    int64
	Activities []laeringsliv.TimeActivity
	Records    []timeRow
	Summary    string // hours in all, from working time and own time, in words
	Today      string // the date field's default and maximum
}

type timeRow struct {
	ID       int64
	Day      time.Time
	Minutes  int
	Activity laeringsliv.TimeActivity
	Note     string
	OwnTime  bool
}

func timePath(wp *laeringsliv.Workplace) string { return "/workplaces/" + itoa(wp.ID) + "/time" }

// today is the date in Norway, at midnight UTC as records keep days.
func (s *Server) today() time.Time {
	now := s.cfg.Now().In(laeringsliv.Norway())
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

func (s *Server) timePage(w http.ResponseWriter, r *http.Request) {
	s.showTime(w, r, http.StatusOK, timeForm{Day: s.today().Format("2006-01-02"), Source: sourceWork,
		Activity: string(laeringsliv.TimeStudy)}, 0, nil)
}

func (s *Server) showTime(w http.ResponseWriter, r *http.Request, status int, form timeForm, editing int64, errs []FieldErr) {
	st := state(r)
	if s.svc.TimeRecords == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	list, err := s.svc.TimeRecords.FindTimeRecords(r.Context(), st.actor.Person.ID, st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := TimePage{Page: s.base(w, r, st.tr.T("timerecord.title")), Workplace: st.workplace, Form: form, Editing: editing,
		Activities: laeringsliv.TimeActivities(), Today: s.today().Format("2006-01-02")}
	var work, own int
	for _, rec := range list {
		p.Records = append(p.Records, timeRow{rec.ID, rec.Day, rec.Minutes, rec.Activity, rec.Note, rec.OwnTime})
		if rec.OwnTime {
			own += rec.Minutes
		} else {
			work += rec.Minutes
		}
	}
	p.Summary = st.tr.T("timerecord.sum", map[string]any{"Work": st.number(hours(work)), "Own": st.number(hours(own))})
	p.Errors = errs
	s.render(w, r, status, "timerecord", p)
}

// hours turns minutes into hours with one decimal.
func hours(min int) float64 { return float64((min*10+30)/60) / 10 }

func (s *Server) createTimeRecord(w http.ResponseWriter, r *http.Request) {
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	st := state(r)
	form, rec, errs := parseTimeForm(v, s.today())
	if len(errs) > 0 {
		s.showTime(w, r, http.StatusUnprocessableEntity, form, 0, errs)
		return
	}
	rec.WorkplaceID, rec.PersonID = st.workplace.ID, st.actor.Person.ID
	if err := s.svc.TimeRecords.CreateTimeRecord(r.Context(), rec); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, timePath(st.workplace), http.StatusSeeOther)
}

// ownTimeRecord loads the record of the path if it is the signed-in participant's own in
// this workplace; anyone else's answers not found.
func (s *Server) ownTimeRecord(r *http.Request) (*laeringsliv.TimeRecord, error) {
	st := state(r)
	id, err := pathID(r.PathValue("record"))
	if err != nil {
		return nil, err
	}
	if s.svc.TimeRecords == nil {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	rec, err := s.svc.TimeRecords.FindTimeRecord(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if rec.WorkplaceID != st.workplace.ID || !st.actor.Can(laeringsliv.ActionRecordTime, rec.Resource(st.workplace)) {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return rec, nil
}

func (s *Server) editTimePage(w http.ResponseWriter, r *http.Request) {
	rec, err := s.ownTimeRecord(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.showTime(w, r, http.StatusOK, formOf(rec), rec.ID, nil)
}

func (s *Server) updateTimeRecord(w http.ResponseWriter, r *http.Request) {
	rec, err := s.ownTimeRecord(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	form, changed, errs := parseTimeForm(v, s.today())
	if len(errs) > 0 {
		s.showTime(w, r, http.StatusUnprocessableEntity, form, rec.ID, errs)
		return
	}
	changed.ID, changed.WorkplaceID, changed.PersonID = rec.ID, rec.WorkplaceID, rec.PersonID
	if err := s.svc.TimeRecords.UpdateTimeRecord(r.Context(), changed); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, timePath(state(r).workplace), http.StatusSeeOther)
}

func (s *Server) deleteTimeRecord(w http.ResponseWriter, r *http.Request) {
	rec, err := s.ownTimeRecord(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if _, err := readForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	if err := s.svc.TimeRecords.DeleteTimeRecord(r.Context(), rec.ID); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "timerecord.deleted")
	http.Redirect(w, r, timePath(state(r).workplace), http.StatusSeeOther)
}
