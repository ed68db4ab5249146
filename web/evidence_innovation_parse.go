package web

import (
	"net/url"

	"strconv"
	"strings"
	"time"

	"laeringsliv"
)

// Form parsers of the innovation work. Each reads only the fields a user may set;
// the handler fills in the workplace, the author and the time.

// dateField parses a date as an <input type="date"> sends it (2006-01-02), at noon Norwegian
// time so that the day stays the same in every time zone a reader may have.
func dateField(v url.Values, key string) (time.Time, bool) {
	d, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(v.Get(key)), laeringsliv.Norway())
	if err != nil || d.Year() < 1990 || d.Year() > 2100 {
		return time.Time{}, false
	}
	return d.Add(12 * time.Hour), true
}

// idField parses a positive id; ok is false otherwise.
func idField(v url.Values, key string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimSpace(v.Get(key)), 10, 64)
	return id, err == nil && id > 0
}

// parseInnovationForm reads a new innovation. projects are the ids of the workplace's shared
// project and sub-projects: any other is refused here, before the store sees it. Ideas kept
// from IPE sessions are innovations already, so a new one links to nothing.
func parseInnovationForm(v url.Values, i *laeringsliv.Innovation, projects []int64) []FieldErr {
	var errs []FieldErr
	i.Title = text(v, "title", 200)
	i.Description = text(v, "description", 10000)
	i.OwnerGroup = text(v, "owner_group", 100)
	i.Size = laeringsliv.InnovationSize(text(v, "size", 20))
	i.Status = laeringsliv.InnovationStatus(text(v, "status", 20))
	if i.Status == "" {
		i.Status = laeringsliv.InnovationIdea
	}
	i.RevivesFailure = v.Get("revives_failure") == "on"
	id, ok := idField(v, "project_id")
	i.ProjectID = 0
	for _, p := range projects {
		if ok && p == id {
			i.ProjectID = id
		}
	}
	if i.ProjectID == 0 {
		errs = append(errs, FieldErr{"project_id", "innovation.error.project_required"})
	}
	i.Links = nil
	return appendValidation(errs, i.Validate())
}

// parseStatusForm reads the new status of an innovation.
func parseStatusForm(v url.Values) (laeringsliv.InnovationStatus, []FieldErr) {
	s := laeringsliv.InnovationStatus(text(v, "status", 20))
	if !s.Valid() {
		return s, []FieldErr{{"status", "innovation.error.status_invalid"}}
	}
	return s, nil
}

// parseTimelineForm reads a timeline entry. An empty cycle means the entry belongs to none.
func parseTimelineForm(v url.Values, e *laeringsliv.TimelineEntry) []FieldErr {
	var errs []FieldErr
	e.Kind = laeringsliv.TimelineKind(text(v, "kind", 20))
	e.Title = text(v, "title", 200)
	e.Body = text(v, "body", 10000)
	var ok bool
	if e.OccurredAt, ok = dateField(v, "occurred_at"); !ok {
		errs = append(errs, FieldErr{"occurred_at", "timeline.error.date_required"})
	}
	e.Cycle = 0
	if strings.TrimSpace(v.Get("cycle")) != "" {
		if e.Cycle, ok = intField(v, "cycle"); !ok {
			e.Cycle = -1
		}
	}
	return appendValidation(errs, e.Validate())
}

// parseFieldBookForm reads a field-book entry.
func parseFieldBookForm(v url.Values, e *laeringsliv.FieldBookEntry) []FieldErr {
	var errs []FieldErr
	e.Body = text(v, "body", 20000)
	var ok bool
	if e.ObservedAt, ok = dateField(v, "observed_at"); !ok {
		errs = append(errs, FieldErr{"observed_at", "timeline.error.date_required"})
	}
	return appendValidation(errs, e.Validate())
}

// parsePrequalForm reads a sign-off. Met must be answered either way: a missing answer is not
// taken as "not met", since that would record a judgement nobody made.
func parsePrequalForm(v url.Values, s *laeringsliv.PrequalSignOff) []FieldErr {
	var errs []FieldErr
	s.Criterion = laeringsliv.PrequalCriterion(text(v, "criterion", 20))
	s.Note = text(v, "note", 2000)
	switch v.Get("met") {
	case "yes":
		s.Met = true
	case "no":
		s.Met = false
	default:
		errs = append(errs, FieldErr{"met", "prequal.error.met_required"})
	}
	return appendValidation(errs, s.Validate())
}

// parseParticipationForm reads a workplace's participation model and the reasons for it.
func parseParticipationForm(v url.Values, m *laeringsliv.ParticipationModel) []FieldErr {
	m.Kind = laeringsliv.ParticipationKind(text(v, "kind", 30))
	m.Reasons = text(v, "reasons", 5000)
	return appendValidation(nil, m.Validate())
}
