package web

import (
	"net/http"
	"sort"
	"time"

	"laeringsliv"
)

// workItem is a work requirement to hand in or revise, with what it is sorted by.
type workItem struct {
	item     DashItem
	returned bool
	due      time.Time // zero when unknown
}

// dashWork lists the participant's work requirements that are not handed in, or that came
// back not approved: those sent back first, then by due date.
func (s *Server) dashWork(r *http.Request, d *dashScope) ([]DashItem, error) {
	if len(d.participant) == 0 {
		return nil, nil
	}
	ctx := r.Context()
	latest, err := s.svc.Dashboard.LatestSubmissions(ctx, state(r).actor.Person.ID)
	if err != nil {
		return nil, err
	}
	status := map[int64]laeringsliv.SubmissionStatus{}
	for _, sub := range latest {
		status[sub.RequirementID] = sub.Status
	}
	var work []workItem
	done := map[int64]bool{} // programmes already listed
	for _, wp := range d.participant {
		if done[wp.ProgrammeID] {
			continue
		}
		done[wp.ProgrammeID] = true
		reqs, err := s.svc.Study.FindRequirements(ctx, wp.ProgrammeID)
		if err != nil {
			return nil, err
		}
		gatherings, err := s.svc.Study.FindGatherings(ctx, wp.ID)
		if err != nil {
			return nil, err
		}
		for _, req := range reqs {
			if wi, ok := s.workItem(r, d, wp, req, status[req.ID], gatherings); ok {
				work = append(work, wi)
			}
		}
	}
	sort.SliceStable(work, func(i, j int) bool {
		a, b := work[i], work[j]
		if a.returned != b.returned {
			return a.returned
		}
		return !a.due.IsZero() && (b.due.IsZero() || a.due.Before(b.due))
	})
	items := make([]DashItem, len(work))
	for i, wi := range work {
		items[i] = wi.item
	}
	return items, nil
}

// workItem is the sentence for one requirement in its status; ok is false when nothing is
// to be done (handed in and waiting, or approved).
func (s *Server) workItem(r *http.Request, d *dashScope, wp *laeringsliv.Workplace, req *laeringsliv.WorkRequirement,
	status laeringsliv.SubmissionStatus, gatherings []*laeringsliv.Gathering) (workItem, bool) {
	tr := state(r).tr
	data := map[string]any{"Code": req.Code, "Title": req.Title}
	var wi workItem
	switch status {
	case "":
		wi.item = DashItem{Text: tr.T("dash.work.todo", data), Link: tr.T("dash.work.write")}
	case laeringsliv.StatusDraft:
		wi.item = DashItem{Text: tr.T("dash.work.draft", data), Link: tr.T("dash.work.continue")}
	case laeringsliv.StatusNotApproved:
		wi.item = DashItem{Text: tr.T("dash.work.returned", data), Link: tr.T("dash.work.revise")}
		wi.returned = true
	default:
		return wi, false
	}
	wi.item.Detail, wi.due = s.dueText(r, req, gatherings)
	if d.actor.Can(laeringsliv.ActionSubmitWork, laeringsliv.WorkplaceResource(wp)) {
		wi.item.Href = "/workplaces/" + itoa(wp.ID) + "/requirements/" + itoa(req.ID)
	}
	return wi, true
}

// dueText says when a requirement is due: a date, or a gathering with its date when the
// workplace has planned it; due is that time, or zero.
func (s *Server) dueText(r *http.Request, req *laeringsliv.WorkRequirement, gatherings []*laeringsliv.Gathering) (string, time.Time) {
	st := state(r)
	due := req.DueAt
	if req.DueGathering != "" {
		for _, g := range gatherings {
			if g.Kind == req.DueGathering {
				due = g.Start()
				break
			}
		}
		if due.IsZero() {
			return st.tr.T("dash.work.due_gathering", map[string]any{"Gathering": st.tr.T("gathering.kind." + string(req.DueGathering))}), due
		}
	}
	key := "dash.work.due"
	if due.Before(s.cfg.Now()) {
		key = "dash.work.overdue"
	}
	return st.tr.T(key, map[string]any{"Date": formatDate(due, st.lang)}), due
}

// dashAssessments counts, per workplace the reader teaches, the submissions waiting for their
// verdict.
func (s *Server) dashAssessments(r *http.Request, d *dashScope) ([]DashItem, error) {
	if len(d.teacher) == 0 {
		return nil, nil
	}
	st := state(r)
	counts, err := s.svc.Dashboard.AssessmentQueue(r.Context(), st.actor.Person.ID, ids(d.teacher))
	if err != nil {
		return nil, err
	}
	var items []DashItem
	for _, wp := range d.teacher {
		n := counts[wp.ID]
		if n == 0 {
			continue
		}
		item := DashItem{Text: st.tr.tn("dash.assess", n, map[string]any{"Workplace": wp.Name})}
		if d.actor.Can(laeringsliv.ActionAssess, laeringsliv.WorkplaceResource(wp)) {
			item.Href, item.Link = "/workplaces/"+itoa(wp.ID)+"/assessment", st.tr.T("dash.assess.link")
		}
		items = append(items, item)
	}
	return items, nil
}

// dashApplications counts, per programme the reader admits to, the prior-learning
// applications waiting for a decision.
func (s *Server) dashApplications(r *http.Request, d *dashScope) ([]DashItem, error) {
	if len(d.admissions) == 0 {
		return nil, nil
	}
	st := state(r)
	progIDs := make([]int64, len(d.admissions))
	for i, p := range d.admissions {
		progIDs[i] = p.ID
	}
	counts, err := s.svc.Dashboard.OpenPriorLearnings(r.Context(), progIDs)
	if err != nil {
		return nil, err
	}
	var items []DashItem
	for _, p := range d.admissions {
		n := counts[p.ID]
		if n == 0 {
			continue
		}
		item := DashItem{Text: st.tr.tn("dash.applications", n, map[string]any{"Programme": p.Name})}
		if d.actor.Can(laeringsliv.ActionDecideAdmission, laeringsliv.ProgrammeResource(p)) {
			item.Href, item.Link = "/programmes/"+itoa(p.ID)+"/admissions", st.tr.T("dash.applications.link")
		}
		items = append(items, item)
	}
	return items, nil
}
