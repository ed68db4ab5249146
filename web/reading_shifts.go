package web

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"laeringsliv"
	"laeringsliv/grouping"
	"laeringsliv/rota"
)

// Reading groups by shared shifts: the groups are proposed from the rota, each with the hours
// its members share on shift over the coming weeks; the organiser may note colleagues' wishes
// to be together or apart, move people between groups and recount, and saves when satisfied.
// Nothing is stored until then: the proposal travels in the form.

// groupWeeks is how far ahead of today shared shifts are counted.
const groupWeeks = 12

// ShiftGroupsPage is the proposal of groups by shared shifts.
type ShiftGroupsPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Action    string           // where the form posts
	Carry     []carriedField   // the create form's fields, carried through
	From, To  time.Time        // the weeks of the rota counted
	Groups    []shiftGroupView // in number order
	Numbers   []groupOption    // the groups, for the move selects
	People    []personOption   // for the wishes' selects, by name
	Wishes    []wishRow        // as typed
	Kept      int              // wishes kept by the groups shown
	WishCount int              // wishes given
	Total     float64          // shared hours of all groups
	Intro     string           // the weeks counted, in words
	Summary   string           // the total and the wishes kept, in words
}

type groupOption struct {
	Number int
	Label  string
}

type carriedField struct{ Name, Value string }

type shiftGroupView struct {
	Number       int
	Label, Hours string // "Group 2", "64 hours shared on shift"
	Members      []personOption
}

type personOption struct {
	ID    int64
	Value string // the ID as the form posts it
	Name  string
}

// readingByShifts answers the create form of a workshop whose groups follow shared shifts:
// a proposal, a recount after hand moves, a new proposal honouring wishes, or the save.
func (s *Server) readingByShifts(w http.ResponseWriter, r *http.Request, ws *laeringsliv.Workshop, v url.Values,
	parts []*laeringsliv.Person, textIDs []int64) {
	ctx := r.Context()
	from, to, ok, err := s.comingRota(ctx, ws.WorkplaceID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !ok {
		s.showReadingList(w, r, http.StatusUnprocessableEntity, ws, []FieldErr{{"grouping", "rota_groups.error.no_rota"}})
		return
	}
	work, err := s.shiftWork(ctx, ws.WorkplaceID, from, to)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	ids, known := make([]int64, len(parts)), map[int64]bool{}
	for i, p := range parts {
		ids[i], known[p.ID] = p.ID, true
	}
	wishes, rows, errs := parseGroupWishes(v, known)
	var groups [][]int64
	if step := v.Get("step"); step == "save" || step == "recount" {
		var aerrs []FieldErr
		groups, aerrs = parseGroupAssignment(v, ids)
		errs = append(errs, aerrs...)
		if step == "save" && len(errs) == 0 {
			s.saveWorkshop(w, r, ws, laeringsliv.ReadingGroupsOf(groups, textIDs))
			return
		}
	}
	if groups == nil {
		if groups, err = laeringsliv.FormGroupsByShifts(ids, work, from, to, wishes); err != nil {
			s.showReadingList(w, r, http.StatusUnprocessableEntity, ws, []FieldErr{{"grouping", laeringsliv.ErrorKey(err)}})
			return
		}
	}
	p := s.shiftGroupsPage(w, r, parts, groups, work, from, to)
	p.Action = "/workplaces/" + itoa(ws.WorkplaceID) + "/reading"
	p.Carry = []carriedField{{"title", ws.Title}, {"gathering", itoa(ws.GatheringID)}, {"grouping", string(ws.Grouping)}}
	for i := range rows {
		rows[i].Label = state(r).tr.T("rota_groups.wish_person", map[string]any{"Number": i + 1})
	}
	p.Wishes, p.WishCount = rows, len(wishes)
	p.Kept, _ = laeringsliv.KeptWishes(groups, wishes)
	tr := state(r).tr
	p.Summary = tr.T("rota_groups.total", map[string]any{"Hours": formatNumber(p.Total, state(r).lang), "Groups": len(groups)})
	if p.WishCount > 0 {
		p.Summary += " " + tr.T("rota_groups.wishes_kept", map[string]any{"Kept": p.Kept, "Count": p.WishCount})
	}
	p.Errors = errs
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "rota_groups", p)
}

// shiftGroupsPage fills the groups, their shared hours and the people's names.
func (s *Server) shiftGroupsPage(w http.ResponseWriter, r *http.Request, parts []*laeringsliv.Person, groups [][]int64,
	work laeringsliv.ShiftWork, from, to time.Time) ShiftGroupsPage {
	st := state(r)
	p := ShiftGroupsPage{Page: s.base(w, r, st.tr.T("rota_groups.title")), Workplace: st.workplace,
		From: from, To: to.AddDate(0, 0, -1)}
	p.Intro = st.tr.T("rota_groups.intro", map[string]any{"From": formatDate(p.From, st.lang), "To": formatDate(p.To, st.lang)})
	names := map[int64]string{}
	for _, person := range parts {
		names[person.ID] = person.Name
		p.People = append(p.People, personOption{person.ID, itoa(person.ID), person.Name})
	}
	hours := laeringsliv.GroupSharedHours(groups, work, from, to)
	for g, members := range groups {
		label := st.tr.T("rota_groups.group", map[string]any{"Number": g + 1})
		view := shiftGroupView{Number: g + 1, Label: label,
			Hours: st.tr.T("rota_groups.shared", map[string]any{"Hours": formatNumber(hours[g], st.lang)})}
		for _, id := range members {
			view.Members = append(view.Members, personOption{id, itoa(id), names[id]})
		}
		p.Groups = append(p.Groups, view)
		p.Numbers = append(p.Numbers, groupOption{g + 1, label})
		p.Total += hours[g]
	}
	return p
}

// comingRota returns the dates whose shifts count: from today up to groupWeeks ahead within
// the workplace's active rota; when the active rota lies wholly in the past, the latest one,
// since rotas repeat and it still says who works together. ok is false without an active rota.
func (s *Server) comingRota(ctx context.Context, workplaceID int64) (from, to time.Time, ok bool, err error) {
	periods, err := s.svc.Rota.FindRotaPeriods(ctx, workplaceID)
	if err != nil {
		return from, to, false, err
	}
	now := s.cfg.Now().In(laeringsliv.Norway())
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var latest *rota.Period
	for _, p := range periods {
		if p.Status != rota.StatusActive {
			continue
		}
		if latest == nil || p.To.After(latest.To) {
			latest = p
		}
		if p.To.Before(today) {
			continue
		}
		start := p.From
		if start.Before(today) {
			start = today
		}
		if !ok || start.Before(from) {
			from = start
		}
		if end := p.To.AddDate(0, 0, 1); end.After(to) {
			to = end
		}
		ok = true
	}
	if !ok && latest != nil {
		from, to, ok = latest.From, latest.To.AddDate(0, 0, 1), true
	}
	if limit := from.AddDate(0, 0, 7*groupWeeks); to.After(limit) {
		to = limit
	}
	return from, to, ok, nil
}

// shiftWork returns the workplace's worked shifts (leave left out) between from and to.
func (s *Server) shiftWork(ctx context.Context, workplaceID int64, from, to time.Time) (laeringsliv.ShiftWork, error) {
	list, err := s.svc.Rota.WorkplaceShifts(ctx, workplaceID, from, to)
	if err != nil {
		return nil, err
	}
	work := laeringsliv.ShiftWork{}
	for _, sh := range list {
		if !sh.IsLeave() {
			work[sh.PersonID] = append(work[sh.PersonID], grouping.Span{Start: sh.Start, End: sh.End})
		}
	}
	return work, nil
}
