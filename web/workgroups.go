package web

import (
	"context"
	"net/http"

	"laeringsliv"
)

// Innovation work groups: people who are on shift together develop the innovation work
// together. Everyone at the workplace sees its groups; its leaders and teachers form the set
// anew by shared shifts (the proposal, hand moves and wishes of the reading and IPE flows),
// and name each group and the innovation it works on.

// WorkGroupsPage lists a workplace's work groups.
type WorkGroupsPage struct {
	Page
	Workplace   *laeringsliv.Workplace
	Groups      []workGroupView
	HasHours    bool // the rota gives shared hours for the coming weeks
	CanManage   bool // the reader forms the groups
	CanFind     bool // the reader may look for a common time on the rota
	Staff       int  // people on the rota whom forming places
	Form        workGroupsForm
	Innovations []innovationOption
	RotaNote    string // the weeks the hours are counted over, in words
}

type workGroupView struct {
	ID           int64
	Number       int
	Name         string
	InnovationID int64
	Innovation   string // its title, or empty
	Members      []string
	Hours        string
}

type innovationOption struct {
	ID    int64
	Title string
}

func (s *Server) workGroupsPage(w http.ResponseWriter, r *http.Request) {
	s.showWorkGroups(w, r, http.StatusOK, workGroupsForm{}, nil)
}

// showWorkGroups renders the list, with the organiser's form as typed and its errors.
func (s *Server) showWorkGroups(w http.ResponseWriter, r *http.Request, status int, form workGroupsForm, errs []FieldErr) {
	st := state(r)
	wp := st.workplace
	ctx := r.Context()
	if s.svc.WorkGroups == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	groups, err := s.svc.WorkGroups.FindWorkGroups(ctx, wp.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := WorkGroupsPage{Page: s.base(w, r, st.tr.T("workgroups.title")), Workplace: wp, Form: form,
		CanManage: st.actor.Can(laeringsliv.ActionManageWorkGroups, laeringsliv.WorkplaceResource(wp)),
		CanFind:   s.svc.Rota != nil && st.actor.Can(laeringsliv.ActionManageRota, laeringsliv.WorkplaceResource(wp))}
	if err := s.fillWorkGroups(ctx, st, &p, groups); err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Errors = errs
	s.render(w, r, status, "workgroups", p)
}

// fillWorkGroups adds the groups' names, members, innovations and shared hours, and for
// organisers the innovations to choose from and the number of people forming would place.
func (s *Server) fillWorkGroups(ctx context.Context, st *reqState, p *WorkGroupsPage, groups []*laeringsliv.WorkGroup) error {
	wp := st.workplace
	people, err := s.svc.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: wp.ID})
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, person := range people {
		names[person.ID] = person.Name
	}
	titles := map[int64]string{}
	if s.svc.Innovations != nil {
		list, err := s.svc.Innovations.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: wp.ID})
		if err != nil {
			return err
		}
		for _, in := range list {
			titles[in.ID] = in.Title
			p.Innovations = append(p.Innovations, innovationOption{in.ID, in.Title})
		}
	}
	var hours []float64
	if s.svc.Rota != nil {
		from, to, ok, err := s.comingRota(ctx, wp.ID)
		if err != nil {
			return err
		}
		if ok {
			work, err := s.shiftWork(ctx, wp.ID, from, to)
			if err != nil {
				return err
			}
			members := make([][]int64, len(groups))
			for i, g := range groups {
				members[i] = g.Members
			}
			hours, p.HasHours = laeringsliv.GroupSharedHours(members, work, from, to), true
			p.RotaNote = st.tr.T("workgroups.hours_note", map[string]any{"From": formatDate(from, st.lang),
				"To": formatDate(to.AddDate(0, 0, -1), st.lang)})
			if p.CanManage {
				staff, err := s.rotaStaff(ctx, wp.ID, work)
				if err != nil {
					return err
				}
				p.Staff = len(staff)
			}
		}
	}
	for i, g := range groups {
		v := workGroupView{ID: g.ID, Number: g.Number, Name: g.Name, InnovationID: g.InnovationID, Innovation: titles[g.InnovationID]}
		for _, id := range g.Members {
			v.Members = append(v.Members, names[id])
		}
		if e := p.Form.Edit; e != nil && e.ID == g.ID { // as typed, when refused
			v.Name, v.InnovationID = e.Name, e.InnovationID
		}
		if hours != nil {
			v.Hours = formatNumber(hours[i], st.lang)
		}
		p.Groups = append(p.Groups, v)
	}
	return nil
}

// rotaStaff returns the workplace's staff on the rota: its participants and contributors
// (colleagues not enrolled, who do the innovation work too) with a worked shift in work, by name.
func (s *Server) rotaStaff(ctx context.Context, workplaceID int64, work laeringsliv.ShiftWork) ([]*laeringsliv.Person, error) {
	ms, err := s.svc.Members.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: workplaceID})
	if err != nil {
		return nil, err
	}
	staff := map[int64]bool{}
	for _, m := range ms {
		if m.Role == laeringsliv.RoleParticipant || m.Role == laeringsliv.RoleContributor {
			staff[m.PersonID] = true
		}
	}
	people, err := s.svc.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: workplaceID})
	if err != nil {
		return nil, err
	}
	var out []*laeringsliv.Person
	for _, p := range people {
		if staff[p.ID] && len(work[p.ID]) > 0 {
			out = append(out, p)
		}
	}
	return out, nil
}

// formWorkGroups forms the workplace's work groups anew by shared shifts: a proposal, a
// recount after hand moves, a new proposal honouring wishes, and the save, which replaces the
// whole set.
func (s *Server) formWorkGroups(w http.ResponseWriter, r *http.Request) {
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	form, n, errs := parseWorkGroupsForm(v)
	if len(errs) > 0 {
		s.showWorkGroups(w, r, http.StatusUnprocessableEntity, form, errs)
		return
	}
	refuse := func(key string) {
		s.showWorkGroups(w, r, http.StatusUnprocessableEntity, form, []FieldErr{{Field: "groups", Key: key}})
	}
	if s.svc.Rota == nil || s.svc.WorkGroups == nil {
		refuse("rota_groups.error.no_rota")
		return
	}
	st := state(r)
	ctx := r.Context()
	from, to, ok, err := s.comingRota(ctx, st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !ok {
		refuse("rota_groups.error.no_rota")
		return
	}
	work, err := s.shiftWork(ctx, st.workplace.ID, from, to)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	staff, err := s.rotaStaff(ctx, st.workplace.ID, work)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(staff) == 0 {
		refuse("workgroups.error.nobody")
		return
	}
	if n > len(staff) {
		refuse("workgroups.error.too_many_groups")
		return
	}
	s.groupsByShifts(w, r, v, shiftGroupsRequest{people: staff, options: groupSizes(len(staff), n, false),
		back: r.URL.Path, backTitle: st.tr.T("workgroups.title"), refuse: refuse,
		save: func(groups [][]int64) { s.saveWorkGroups(w, r, groups) }})
}

// saveWorkGroups replaces the workplace's set with the groups, named by number.
func (s *Server) saveWorkGroups(w http.ResponseWriter, r *http.Request, groups [][]int64) {
	st := state(r)
	set := make([]*laeringsliv.WorkGroup, len(groups))
	for i, members := range groups {
		set[i] = &laeringsliv.WorkGroup{Name: st.tr.T("workgroups.group_name", map[string]any{"N": i + 1}),
			Members: members, CreatedBy: st.actor.Person.ID}
	}
	if err := s.svc.WorkGroups.ReplaceWorkGroups(r.Context(), st.workplace.ID, set); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workGroupsPath(st.workplace.ID), http.StatusSeeOther)
}

// updateWorkGroup renames a group and sets the innovation it works on.
func (s *Server) updateWorkGroup(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r.PathValue("group"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if s.svc.WorkGroups == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	st := state(r)
	edit, errs := parseWorkGroupEdit(v)
	if len(errs) == 0 {
		err = s.svc.WorkGroups.UpdateWorkGroup(r.Context(), st.workplace.ID, id, edit.Name, edit.InnovationID)
		if laeringsliv.ErrorCode(err) == laeringsliv.EINVALID {
			errs, err = []FieldErr{{Field: fieldOfErr(err), Key: laeringsliv.ErrorKey(err)}}, nil
		}
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if len(errs) > 0 {
		for i := range errs {
			errs[i].Field += "-" + itoa(id)
		}
		edit.ID = id
		s.showWorkGroups(w, r, http.StatusUnprocessableEntity, workGroupsForm{Edit: &edit}, errs)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workGroupsPath(st.workplace.ID), http.StatusSeeOther)
}

func workGroupsPath(workplaceID int64) string {
	return "/workplaces/" + itoa(workplaceID) + "/work-groups"
}
