package web

import (
	"net/http"
	"strconv"

	"laeringsliv"
)

// InnovationFormPage records a new innovation, with the project's definition beside the form.
type InnovationFormPage struct {
	Page
	Workplace  *laeringsliv.Workplace
	Projects   []*laeringsliv.Project
	Innovation *laeringsliv.Innovation
	Statuses   []laeringsliv.InnovationStatus
}

func (s *Server) newInnovationPage(w http.ResponseWriter, r *http.Request) {
	i := &laeringsliv.Innovation{Status: laeringsliv.InnovationIdea, Size: laeringsliv.InnovationSmall}
	s.renderInnovationForm(w, r, http.StatusOK, i, nil)
}

func (s *Server) renderInnovationForm(w http.ResponseWriter, r *http.Request, status int, i *laeringsliv.Innovation, errs []FieldErr) {
	st := state(r)
	projects, err := s.svc.Org.FindProjects(r.Context(), st.workplace.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := InnovationFormPage{Page: s.base(w, r, st.tr.T("innovation.new_title")), Workplace: st.workplace,
		Projects: projects, Innovation: i, Statuses: laeringsliv.InnovationStatuses()}
	p.Errors = errs
	s.render(w, r, status, "evidence_innovation_form", p)
}

// createInnovation stores a new innovation; on errors the form comes back with what was typed.
func (s *Server) createInnovation(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	projects, err := s.svc.Org.FindProjects(r.Context(), st.workplace.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	ids := make([]int64, len(projects))
	for n, p := range projects {
		ids[n] = p.ID
	}
	i := &laeringsliv.Innovation{InstitutionID: st.workplace.InstitutionID, WorkplaceID: st.workplace.ID}
	if errs := parseInnovationForm(v, i, ids); len(errs) > 0 {
		s.renderInnovationForm(w, r, http.StatusUnprocessableEntity, i, errs)
		return
	}
	if err := s.svc.Innovations.CreateInnovation(r.Context(), i, st.actor.Person.ID); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, innovationURL(i), http.StatusSeeOther)
}

func innovationURL(i *laeringsliv.Innovation) string {
	return "/workplaces/" + itoa(i.WorkplaceID) + "/innovations/" + itoa(i.ID)
}

// InnovationPage shows one innovation with its status history and, for those who may record,
// the form that moves it along the pipeline.
type InnovationPage struct {
	Page
	Workplace  *laeringsliv.Workplace
	Innovation *laeringsliv.Innovation
	Project    string
	History    []HistoryRow
	CanRecord  bool
	Statuses   []laeringsliv.InnovationStatus
	Origin     *InnovationOrigin // the sessions it came from and was evaluated in; nil when none
	Sharing    *InnovationSharing
}

// HistoryRow is one status change with the name of who made it.
type HistoryRow struct {
	Change *laeringsliv.StatusChange
	By     string // empty when the person is gone
}

// findInnovation loads the {innovation} of the path, which must belong to the {workplace}
// already authorised; an innovation of another workplace is "not found", not "forbidden".
func (s *Server) findInnovation(r *http.Request) (*laeringsliv.Innovation, error) {
	id, err := strconv.ParseInt(r.PathValue("innovation"), 10, 64)
	if err != nil {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	i, err := s.svc.Innovations.FindInnovation(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if i.WorkplaceID != state(r).workplace.ID {
		return nil, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	return i, nil
}

func (s *Server) innovationPage(w http.ResponseWriter, r *http.Request) {
	i, err := s.findInnovation(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderInnovation(w, r, http.StatusOK, i, nil)
}

func (s *Server) renderInnovation(w http.ResponseWriter, r *http.Request, status int, i *laeringsliv.Innovation, errs []FieldErr) {
	ctx, st := r.Context(), state(r)
	history, err := s.svc.Innovations.InnovationHistory(ctx, i.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := InnovationPage{Page: s.base(w, r, i.Title), Workplace: st.workplace, Innovation: i,
		Statuses:  laeringsliv.InnovationStatuses(),
		CanRecord: st.actor.Can(laeringsliv.ActionRecordInnovation, laeringsliv.WorkplaceResource(st.workplace))}
	p.Errors = errs
	res := laeringsliv.WorkplaceResource(st.workplace)
	canOpen, canCreate := st.actor.Can(laeringsliv.ActionIPEView, res), st.actor.Can(laeringsliv.ActionIPECreate, res)
	if p.Origin, err = s.innovationOrigin(ctx, i, canOpen, canCreate); err != nil {
		s.renderError(w, r, err)
		return
	}
	if p.Sharing, err = s.innovationSharing(ctx, st.actor, st.workplace, i); err != nil {
		s.renderError(w, r, err)
		return
	}
	if projects, err := s.svc.Org.FindProjects(ctx, st.workplace.ID); err == nil {
		for _, pr := range projects {
			if pr.ID == i.ProjectID {
				p.Project = pr.Title
			}
		}
	}
	for _, c := range history {
		row := HistoryRow{Change: c}
		if c.ChangedBy != 0 {
			if person, err := s.svc.People.FindPerson(ctx, c.ChangedBy); err == nil {
				row.By = person.Name
			}
		}
		p.History = append(p.History, row)
	}
	s.render(w, r, status, "evidence_innovation", p)
}

// moveInnovation changes an innovation's status; the store keeps the history (who, when).
func (s *Server) moveInnovation(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	i, err := s.findInnovation(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	status, errs := parseStatusForm(v)
	if len(errs) > 0 {
		s.renderInnovation(w, r, http.StatusUnprocessableEntity, i, errs)
		return
	}
	if status != i.Status {
		i.Status = status
		if err := s.svc.Innovations.UpdateInnovation(r.Context(), i, st.actor.Person.ID); err != nil {
			s.renderError(w, r, err)
			return
		}
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, innovationURL(i), http.StatusSeeOther)
}
