package web

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"time"

	"laeringsliv"
	"laeringsliv/grouping"
	"laeringsliv/rota"
)

// Groups by shared shifts: for a reading workshop or an IPE session, the groups are proposed
// from the rota, each with the hours its members share on shift over the coming weeks; the
// organiser may note colleagues' wishes to be together or apart, move people between groups
// and recount, and saves when satisfied. Nothing is stored until then: the organiser's own
// form and the proposal travel together in the page's form. The wishes people recorded
// themselves count too (the organiser's win on the same pair); the page says only how many
// of them the groups keep, never who wished what.

// groupWeeks is how far ahead of today shared shifts are counted.
const groupWeeks = 12

// ShiftGroupsPage is the proposal of groups by shared shifts.
type ShiftGroupsPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Action    string           // where the form posts: the organiser's create form
	Back      string           // the page of that form
	BackTitle string           // its title
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

// shiftGroupsRequest is an organiser's create form whose groups are to follow shared shifts.
type shiftGroupsRequest struct {
	people    []*laeringsliv.Person // to place, by name
	options   grouping.Options      // group sizes
	back      string                // the create form's page, where the proposal posts back
	backTitle string
	refuse    func(key string)       // shows the create form again with an error on its grouping
	save      func(groups [][]int64) // creates what the form describes, with these groups
}

// groupsByShifts answers a create form whose groups follow shared shifts: a proposal, a
// recount after hand moves, a new proposal honouring wishes, or the save.
func (s *Server) groupsByShifts(w http.ResponseWriter, r *http.Request, v url.Values, req shiftGroupsRequest) {
	ctx := r.Context()
	wp := state(r).workplace
	from, to, ok, err := s.comingRota(ctx, wp.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !ok {
		req.refuse("rota_groups.error.no_rota")
		return
	}
	work, err := s.shiftWork(ctx, wp.ID, from, to)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	ids, known := make([]int64, len(req.people)), map[int64]bool{}
	for i, p := range req.people {
		ids[i], known[p.ID] = p.ID, true
	}
	wishes, rows, errs := parseGroupWishes(v, known)
	stored, err := s.storedWishes(ctx, wp.ID, ids, wishes)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var groups [][]int64
	if step := v.Get("step"); step == "save" || step == "recount" {
		var aerrs []FieldErr
		groups, aerrs = parseGroupAssignment(v, ids)
		errs = append(errs, aerrs...)
		if step == "save" && len(errs) == 0 {
			req.save(groups)
			return
		}
	}
	if groups == nil {
		if groups, err = laeringsliv.FormGroupsByShifts(ids, work, from, to, append(slices.Clip(wishes), stored...), req.options); err != nil {
			req.refuse(laeringsliv.ErrorKey(err))
			return
		}
	}
	p := s.shiftGroupsPage(w, r, req.people, groups, work, from, to)
	p.Action, p.Back, p.BackTitle = r.URL.Path, req.back, req.backTitle
	p.Carry = carried(v)
	tr := state(r).tr
	for i := range rows {
		rows[i].Label = tr.T("rota_groups.wish_person", map[string]any{"Number": i + 1})
	}
	p.Wishes, p.WishCount = rows, len(wishes)
	p.Kept, _ = laeringsliv.KeptWishes(groups, wishes)
	p.Summary = tr.T("rota_groups.total", map[string]any{"Hours": formatNumber(p.Total, state(r).lang), "Groups": len(groups)})
	if p.WishCount > 0 {
		p.Summary += " " + tr.T("rota_groups.wishes_kept", map[string]any{"Kept": p.Kept, "Count": p.WishCount})
	}
	if kept, total := laeringsliv.KeptWishes(groups, stored); total > 0 { // counts only: never who wished what
		p.Summary += " " + tr.T("rota_groups.stored_wishes_kept", map[string]any{"Kept": kept, "Count": total})
	}
	p.Errors = errs
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "rota_groups", p)
}

// carried returns the create form's own fields, in a stable order, leaving out the
// proposal's.
func carried(v url.Values) []carriedField {
	var out []carriedField
	for _, k := range slices.Sorted(maps.Keys(v)) {
		if isProposalField(k) {
			continue
		}
		for _, val := range v[k] {
			out = append(out, carriedField{k, val})
		}
	}
	return out
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
	return rota.Worked(list), nil
}

// ipeByShifts forms an IPE session's groups by shared shifts among the workplace's people, in
// as many groups as the facilitator asked for (three to five around four when none).
func (s *Server) ipeByShifts(w http.ResponseWriter, r *http.Request, v url.Values, f IPEForm, sess *laeringsliv.IPESession, n int) {
	st := state(r)
	people, err := s.svc.People.FindPersons(r.Context(), laeringsliv.PersonFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	opts := grouping.Options{}
	if n > 1 {
		opts = groupSizes(len(people), n, false)
	}
	s.groupsByShifts(w, r, v, shiftGroupsRequest{people: people, options: opts,
		back: r.URL.Path + "/new", backTitle: st.tr.T("ipe.new.title"),
		refuse: func(key string) {
			s.renderIPENew(w, r, http.StatusUnprocessableEntity, f, []FieldErr{{Field: "grouping", Key: key}})
		},
		save: func(groups [][]int64) {
			names := make([]string, len(groups))
			for i := range names {
				names[i] = st.tr.T("ipe.group_name", map[string]any{"N": i + 1})
			}
			s.saveIPESession(w, r, v, f, sess, names, groups, nil)
		}})
}
