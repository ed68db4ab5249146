package web

import (
	"net/http"
	"time"

	"laeringsliv"
)

// TimelinePage is a workplace's action-research timeline, oldest first, with the form that
// adds an entry for those who keep it.
type TimelinePage struct {
	Page
	Workplace *laeringsliv.Workplace
	Entries   []*laeringsliv.TimelineEntry
	CanRecord bool
	Kinds     []laeringsliv.TimelineKind
	Entry     *laeringsliv.TimelineEntry // the form's values
	Date      string                     // the form's date as <input type="date"> wants it
}

func (s *Server) timelinePage(w http.ResponseWriter, r *http.Request) {
	s.renderTimeline(w, r, http.StatusOK, &laeringsliv.TimelineEntry{Kind: laeringsliv.TimelineMeeting}, nil)
}

func (s *Server) renderTimeline(w http.ResponseWriter, r *http.Request, status int, e *laeringsliv.TimelineEntry, errs []FieldErr) {
	st := state(r)
	entries, err := s.svc.Timelines.FindTimeline(r.Context(), st.workplace.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := TimelinePage{Page: s.base(w, r, st.tr.T("timeline.title", st.workplace)), Workplace: st.workplace,
		Entries: entries, Kinds: laeringsliv.TimelineKinds(), Entry: e, Date: isoDate(e.OccurredAt),
		CanRecord: st.actor.Can(laeringsliv.ActionRecordTimeline, laeringsliv.WorkplaceResource(st.workplace))}
	p.Errors = errs
	s.render(w, r, status, "evidence_timeline", p)
}

func (s *Server) createTimelineEntry(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	e := &laeringsliv.TimelineEntry{InstitutionID: st.workplace.InstitutionID, WorkplaceID: st.workplace.ID,
		CreatedBy: st.actor.Person.ID}
	if errs := parseTimelineForm(v, e); len(errs) > 0 {
		s.renderTimeline(w, r, http.StatusUnprocessableEntity, e, errs)
		return
	}
	if err := s.svc.Timelines.CreateTimelineEntry(r.Context(), e); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workplaceURL(st.workplace)+"/timeline", http.StatusSeeOther)
}

// FieldBookPage is a researcher's field book for a workplace: the form, then the entries,
// newest first.
type FieldBookPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Entries   []FieldBookRow
	Entry     *laeringsliv.FieldBookEntry
	Date      string
}

// FieldBookRow is an entry with its author's name.
type FieldBookRow struct {
	Entry  *laeringsliv.FieldBookEntry
	Author string
}

func (s *Server) fieldBookPage(w http.ResponseWriter, r *http.Request) {
	s.renderFieldBook(w, r, http.StatusOK, &laeringsliv.FieldBookEntry{ObservedAt: s.cfg.Now()}, nil)
}

func (s *Server) renderFieldBook(w http.ResponseWriter, r *http.Request, status int, e *laeringsliv.FieldBookEntry, errs []FieldErr) {
	ctx, st := r.Context(), state(r)
	entries, err := s.svc.Timelines.FindFieldBook(ctx, st.workplace.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := FieldBookPage{Page: s.base(w, r, st.tr.T("fieldbook.title", st.workplace)), Workplace: st.workplace, Entry: e,
		Date: isoDate(e.ObservedAt)}
	p.Errors = errs
	names := map[int64]string{}
	for _, e := range entries {
		if _, ok := names[e.AuthorID]; !ok {
			names[e.AuthorID] = ""
			if person, err := s.svc.People.FindPerson(ctx, e.AuthorID); err == nil {
				names[e.AuthorID] = person.Name
			}
		}
		p.Entries = append(p.Entries, FieldBookRow{Entry: e, Author: names[e.AuthorID]})
	}
	s.render(w, r, status, "evidence_fieldbook", p)
}

func (s *Server) createFieldBookEntry(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	e := &laeringsliv.FieldBookEntry{InstitutionID: st.workplace.InstitutionID, WorkplaceID: st.workplace.ID,
		AuthorID: st.actor.Person.ID}
	if errs := parseFieldBookForm(v, e); len(errs) > 0 {
		s.renderFieldBook(w, r, http.StatusUnprocessableEntity, e, errs)
		return
	}
	if err := s.svc.Timelines.CreateFieldBookEntry(r.Context(), e); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workplaceURL(st.workplace)+"/fieldbook", http.StatusSeeOther)
}

// isoDate writes t as an <input type="date"> value in Norwegian time; empty for the zero time.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(laeringsliv.Norway()).Format("2006-01-02")
}
