package laeringsliv

import (
	"fmt"
	"time"
)

// cohort makes a workplace's frame with the parts o takes; texts is the syllabus's length,
// against which workshops' text references are checked.
func (tw *TemplateWorkplace) cohort(path string, o CohortOptions, texts int) (*CohortWorkplace, error) {
	w := &CohortWorkplace{Workplace: Workplace{ProgrammeID: unsaved, Name: tw.Name,
		Municipality: tw.Municipality, ServiceKind: tw.ServiceKind, FTEs: tw.FTEs}}
	if err := w.Workplace.Validate(); err != nil {
		return nil, at(path, err)
	}
	w.Workplace.ProgrammeID = 0
	if len(tw.Gatherings) > maxTemplateItems || len(tw.Workshops) > maxTemplateItems || len(tw.IPEQuestions) > maxTemplateItems {
		return nil, FieldError(path, "cohort.error.too_many")
	}
	for i := range tw.Gatherings {
		g, err := tw.Gatherings[i].gathering(fmt.Sprintf("%s.gatherings[%d]", path, i), o.ShiftDays)
		if err != nil {
			return nil, err
		}
		if o.Parts.Gatherings {
			w.Gatherings = append(w.Gatherings, g)
		}
	}
	gatherings := len(w.Gatherings)
	for i, tws := range tw.Workshops {
		ws, err := tws.workshop(fmt.Sprintf("%s.reading_workshops[%d]", path, i), len(tw.Gatherings), texts)
		if err != nil {
			return nil, err
		}
		if o.Parts.Reading {
			ws.Gathering = refOrNone(ws.Gathering, gatherings)
			if !o.Parts.Syllabus {
				clear(ws.Texts)
			}
			w.Workshops = append(w.Workshops, ws)
		}
	}
	for i, tq := range tw.IPEQuestions {
		q, err := tq.session(fmt.Sprintf("%s.ipe_questions[%d]", path, i), len(tw.Gatherings))
		if err != nil {
			return nil, err
		}
		if o.Parts.IPE {
			q.Gathering = refOrNone(q.Gathering, gatherings)
			w.Sessions = append(w.Sessions, q)
		}
	}
	return w, nil
}

// refOrNone keeps a reference to a gathering that is taken, else none.
func refOrNone(ref, taken int) int {
	if ref > taken {
		return 0
	}
	return ref
}

func (tg *TemplateGathering) gathering(path string, shift int) (*CohortGathering, error) {
	g := &CohortGathering{Gathering: Gathering{WorkplaceID: unsaved, Kind: tg.Kind, Title: tg.Title, Place: tg.Place}}
	if len(tg.Days) == 0 {
		return nil, FieldError(path+".days", "cohort.error.missing")
	}
	if len(tg.Days) > MaxGatheringDays || len(tg.Agenda) > maxTemplateItems {
		return nil, FieldError(path, "cohort.error.too_many")
	}
	first, err := parseTemplateTime(tg.Days[0].Start, path+".days[0].start")
	if err != nil {
		return nil, err
	}
	g.Was = first
	shift += offWeekend(first, shift)
	for i, d := range tg.Days {
		span, err := parseSpan(d, fmt.Sprintf("%s.days[%d]", path, i), true)
		if err != nil {
			return nil, err
		}
		g.Days = append(g.Days, GatheringDay{Start: shiftTime(span[0], shift), End: shiftTime(span[1], shift)})
	}
	for i, a := range tg.Agenda {
		span, err := parseSpan(TemplateSpan{Start: a.Start, End: a.End}, fmt.Sprintf("%s.agenda[%d]", path, i), false)
		if err != nil {
			return nil, err
		}
		g.Agenda = append(g.Agenda, AgendaItem{Start: shiftTime(span[0], shift), End: shiftTime(span[1], shift), Title: a.Title})
	}
	if err := g.Validate(); err != nil {
		return nil, at(path, err)
	}
	g.WorkplaceID = 0
	return g, nil
}

// parseSpan reads a span whose end, when given (or required), comes after its start.
func parseSpan(s TemplateSpan, path string, endRequired bool) ([2]time.Time, error) {
	var span [2]time.Time
	var err error
	if span[0], err = parseTemplateTime(s.Start, path+".start"); err != nil {
		return span, err
	}
	if s.End == "" && !endRequired {
		return span, nil
	}
	if span[1], err = parseTemplateTime(s.End, path+".end"); err != nil {
		return span, err
	}
	if span[1].Before(span[0]) || (endRequired && !span[1].After(span[0])) {
		return span, FieldError(path+".end", "cohort.error.date_range")
	}
	return span, nil
}

func (tw *TemplateWorkshop) workshop(path string, gatherings, texts int) (*CohortWorkshop, error) {
	ws := &CohortWorkshop{Workshop: Workshop{WorkplaceID: unsaved, Title: tw.Title, Grouping: tw.Grouping, Phase: PhasePrepare}}
	if err := ws.Validate(); err != nil {
		return nil, at(path, err)
	}
	ws.WorkplaceID = 0
	if tw.Gathering < 0 || tw.Gathering > gatherings {
		return nil, FieldError(path+".gathering", "cohort.error.reference")
	}
	if len(tw.Texts) > maxTemplateItems {
		return nil, FieldError(path+".group_texts", "cohort.error.too_many")
	}
	for i, t := range tw.Texts {
		if t < 0 || t > texts {
			return nil, FieldError(fmt.Sprintf("%s.group_texts[%d]", path, i), "cohort.error.reference")
		}
	}
	ws.Gathering, ws.Texts = tw.Gathering, append([]int(nil), tw.Texts...)
	return ws, nil
}

func (tq *TemplateIPE) session(path string, gatherings int) (*CohortIPE, error) {
	q := &CohortIPE{IPESession: IPESession{WorkplaceID: unsaved, Kind: tq.Kind, Question: tq.Question,
		Grouping: tq.Grouping, K: tq.K, VoteBudget: tq.VoteBudget, PhaseMinutes: tq.PhaseMinutes}}
	if tq.Kind == IPEKindEvaluateIdea {
		// An evaluation of an innovation needs the innovation, which a new programme lacks.
		return nil, FieldError(path+".kind", "ipe.error.kind_invalid")
	}
	if err := q.Validate(); err != nil {
		return nil, at(path, err)
	}
	q.WorkplaceID = 0
	if tq.Gathering < 0 || tq.Gathering > gatherings {
		return nil, FieldError(path+".gathering", "cohort.error.reference")
	}
	if len(tq.Groups) == 0 {
		return nil, FieldError(path+".groups", "cohort.error.missing")
	}
	if len(tq.Groups) > maxTemplateItems {
		return nil, FieldError(path+".groups", "cohort.error.too_many")
	}
	for i, g := range tq.Groups {
		if !validTitle(g) {
			return nil, FieldError(fmt.Sprintf("%s.groups[%d]", path, i), "cohort.error.missing")
		}
	}
	q.Gathering, q.Groups = tq.Gathering, append([]string(nil), tq.Groups...)
	return q, nil
}
