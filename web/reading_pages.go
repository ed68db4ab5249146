package web

import (
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"

	"laeringsliv"
)

// ReadingListPage lists a workplace's reading workshops; teachers create new ones.
type ReadingListPage struct {
	Page
	Workplace    *laeringsliv.Workplace
	Workshops    []*laeringsliv.Workshop
	CanManage    bool
	CanCreate    bool // teachers and leaders create workshops
	Participants int
	Modes        []laeringsliv.GroupingMode
	Form         *laeringsliv.Workshop
	Gatherings   []*laeringsliv.Gathering // the workplace's, for the create form
}

func (s *Server) readingListPage(w http.ResponseWriter, r *http.Request) {
	s.showReadingList(w, r, http.StatusOK, &laeringsliv.Workshop{Grouping: laeringsliv.GroupingShiftTeams}, nil)
}

func (s *Server) showReadingList(w http.ResponseWriter, r *http.Request, status int, form *laeringsliv.Workshop, errs []FieldErr) {
	st := state(r)
	wp := st.workplace
	list, err := s.svc.Reading.FindWorkshops(r.Context(), laeringsliv.WorkshopFilter{WorkplaceID: wp.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	parts, err := s.participants(r.Context(), wp.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var gatherings []*laeringsliv.Gathering
	if s.svc.Study != nil {
		if gatherings, err = s.svc.Study.FindGatherings(r.Context(), wp.ID); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	p := ReadingListPage{Page: s.base(w, r, st.tr.T("reading.workshops.title")), Workplace: wp, Workshops: list, Gatherings: gatherings,
		CanManage:    st.actor.Can(laeringsliv.ActionManageReading, laeringsliv.WorkplaceResource(wp)),
		CanCreate:    st.actor.Can(laeringsliv.ActionCreateWorkshop, laeringsliv.WorkplaceResource(wp)),
		Participants: len(parts), Modes: laeringsliv.GroupingModes(), Form: form}
	p.Errors = errs
	s.render(w, r, status, "reading_list", p)
}

// createWorkshop forms the groups from the workplace's participants and gives the groups the
// programme's texts in order; the teacher may then move people and change texts by hand.
func (s *Server) createWorkshop(w http.ResponseWriter, r *http.Request) {
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	wp := state(r).workplace
	ws := &laeringsliv.Workshop{WorkplaceID: wp.ID, Title: text(v, "title", 200),
		Grouping: laeringsliv.GroupingMode(text(v, "grouping", 20)), Phase: laeringsliv.PhasePrepare}
	if g := v.Get("gathering"); g != "" && g != "0" {
		id, err := pathID(g)
		if err != nil {
			s.showReadingList(w, r, http.StatusUnprocessableEntity, ws, []FieldErr{{"gathering", "reading.error.gathering_invalid"}})
			return
		}
		ws.GatheringID = id
	}
	if err := ws.Validate(); err != nil {
		s.showReadingList(w, r, http.StatusUnprocessableEntity, ws, []FieldErr{{fieldOfErr(err), laeringsliv.ErrorKey(err)}})
		return
	}
	parts, err := s.participants(r.Context(), wp.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	texts, err := s.svc.Reading.FindSyllabusTexts(r.Context(), wp.ProgrammeID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var ids []int64
	for _, t := range texts {
		ids = append(ids, t.ID)
	}
	if ws.Grouping == laeringsliv.GroupingSharedShifts && s.svc.Rota != nil {
		s.groupsByShifts(w, r, v, shiftGroupsRequest{people: parts, back: r.URL.Path,
			backTitle: state(r).tr.T("reading.workshops.title"),
			refuse: func(key string) {
				s.showReadingList(w, r, http.StatusUnprocessableEntity, ws, []FieldErr{{"grouping", key}})
			},
			save: func(groups [][]int64) { s.saveWorkshop(w, r, ws, laeringsliv.ReadingGroupsOf(groups, ids)) }})
		return
	}
	groups, err := laeringsliv.FormReadingGroups(parts, ws.Grouping, ids, rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64())))
	if err != nil {
		s.showReadingList(w, r, http.StatusUnprocessableEntity, ws, []FieldErr{{"grouping", laeringsliv.ErrorKey(err)}})
		return
	}
	s.saveWorkshop(w, r, ws, groups)
}

// saveWorkshop creates the workshop with its groups and shows it.
func (s *Server) saveWorkshop(w http.ResponseWriter, r *http.Request, ws *laeringsliv.Workshop, groups []*laeringsliv.ReadingGroup) {
	if err := s.svc.Reading.CreateWorkshop(r.Context(), ws, groups); laeringsliv.ErrorKey(err) == "reading.error.gathering_invalid" {
		s.showReadingList(w, r, http.StatusUnprocessableEntity, ws, []FieldErr{{"gathering", "reading.error.gathering_invalid"}})
		return
	} else if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workshopPath(ws), http.StatusSeeOther)
}

func workshopPath(ws *laeringsliv.Workshop) string {
	return "/workplaces/" + strconv.FormatInt(ws.WorkplaceID, 10) + "/reading/" + strconv.FormatInt(ws.ID, 10)
}

// nextPhase moves the workshop one step on. The form names the phase the facilitator saw, so
// that a double click or a second facilitator does not skip a step.
func (s *Server) nextPhase(w http.ResponseWriter, r *http.Request) {
	ws, v, ok := s.workshopForm(w, r)
	if !ok {
		return
	}
	if laeringsliv.Phase(v.Get("from")) == ws.Phase && ws.Phase != laeringsliv.PhaseClosed {
		if err := s.svc.Reading.SetWorkshopPhase(r.Context(), ws.ID, ws.Phase.Next()); err != nil {
			s.renderError(w, r, err)
			return
		}
		s.live.Publish(readingTopic(ws.ID))
	}
	http.Redirect(w, r, workshopPath(ws), http.StatusSeeOther)
}

// workshopForm loads the workshop of the path and the posted form; on any error it has
// answered already.
func (s *Server) workshopForm(w http.ResponseWriter, r *http.Request) (*laeringsliv.Workshop, url.Values, bool) {
	ws, err := s.workshop(r)
	if err != nil {
		s.renderError(w, r, err)
		return nil, nil, false
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return nil, nil, false
	}
	return ws, v, true
}

// beforeStart loads the workshop and the posted form of a change to its groups, which is
// allowed only before the workshop starts; on any error it has answered already.
func (s *Server) beforeStart(w http.ResponseWriter, r *http.Request) (*laeringsliv.Workshop, url.Values, bool) {
	ws, v, ok := s.workshopForm(w, r)
	if !ok {
		return nil, nil, false
	}
	if ws.Phase != laeringsliv.PhasePrepare {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ECONFLICT, "reading.error.groups_fixed"))
		return nil, nil, false
	}
	return ws, v, true
}

// moveMember places a participant in another group, by hand, before the workshop starts.
func (s *Server) moveMember(w http.ResponseWriter, r *http.Request) {
	ws, v, ok := s.beforeStart(w, r)
	if !ok {
		return
	}
	person, err1 := strconv.ParseInt(v.Get("person"), 10, 64)
	group, err2 := strconv.ParseInt(v.Get("group"), 10, 64)
	if err1 != nil || err2 != nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EINVALID, "error.form_invalid"))
		return
	}
	if err := s.svc.Reading.MoveMember(r.Context(), ws.ID, person, group); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workshopPath(ws), http.StatusSeeOther)
}

// setGroupText gives a group another text of the programme, by hand, before the workshop
// starts.
func (s *Server) setGroupText(w http.ResponseWriter, r *http.Request) {
	ws, v, ok := s.beforeStart(w, r)
	if !ok {
		return
	}
	group, err1 := strconv.ParseInt(v.Get("group"), 10, 64)
	textID, err2 := strconv.ParseInt(v.Get("text"), 10, 64)
	if err1 != nil || err2 != nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EINVALID, "error.form_invalid"))
		return
	}
	groups, err := s.svc.Reading.FindReadingGroups(r.Context(), ws.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, g := range groups {
		if g.ID == group {
			if err := s.svc.Reading.SetGroupText(r.Context(), g.ID, textID); err != nil {
				s.renderError(w, r, err)
				return
			}
			setFlash(w, "flash.saved")
			http.Redirect(w, r, workshopPath(ws), http.StatusSeeOther)
			return
		}
	}
	s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
}

// workshop loads the workshop named in the path; it must belong to the path's workplace,
// which the route's policy has already checked.
func (s *Server) workshop(r *http.Request) (*laeringsliv.Workshop, error) {
	id, err := pathID(r.PathValue("workshop"))
	if err != nil {
		return nil, err
	}
	ws, err := s.svc.Reading.FindWorkshop(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if ws.WorkplaceID != state(r).workplace.ID {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return ws, nil
}
