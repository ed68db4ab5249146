package web

import (
	"net/http"

	"laeringsliv"
)

// AdminPage shows the institution with its programmes and workplaces.
type AdminPage struct {
	Page
	Institution *laeringsliv.Institution
	Programmes  []*laeringsliv.Programme
	Workplaces  []*laeringsliv.Workplace
	ProgNames   map[int64]string
}

func (s *Server) adminPage(w http.ResponseWriter, r *http.Request) {
	p, err := s.adminData(w, r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin", p)
}

func (s *Server) adminData(w http.ResponseWriter, r *http.Request) (*AdminPage, error) {
	ctx := r.Context()
	inst, err := s.svc.Org.FindInstitution(ctx, s.cfg.InstitutionID)
	if err != nil {
		return nil, err
	}
	progs, err := s.svc.Org.FindProgrammes(ctx, inst.ID)
	if err != nil {
		return nil, err
	}
	wps, err := s.svc.Org.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{InstitutionID: inst.ID})
	if err != nil {
		return nil, err
	}
	p := &AdminPage{Page: s.base(w, r, state(r).tr.T("admin.title")), Institution: inst,
		Programmes: progs, Workplaces: wps, ProgNames: map[int64]string{}}
	for _, pr := range progs {
		p.ProgNames[pr.ID] = pr.Name
	}
	return p, nil
}

func (s *Server) updateInstitution(w http.ResponseWriter, r *http.Request) {
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p, err := s.adminData(w, r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	inst := *p.Institution
	inst.Name = text(v, "name", 200)
	if errs := appendValidation(nil, inst.Validate()); len(errs) > 0 {
		p.Errors = errs
		p.Institution = &inst
		s.render(w, r, http.StatusUnprocessableEntity, "admin", p)
		return
	}
	if err := s.svc.Org.UpdateInstitution(r.Context(), &inst); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, "/admin", http.StatusSeeOther)
}

// ProgrammeFormPage creates or edits a programme.
type ProgrammeFormPage struct {
	Page
	Programme *laeringsliv.Programme
	Levels    []laeringsliv.Level
	Action    string
}

func (s *Server) programmeForm(w http.ResponseWriter, r *http.Request, status int, p *laeringsliv.Programme, errs []FieldErr) {
	title := "programme.new_title"
	action := "/admin/programmes"
	if p.ID != 0 {
		title, action = "programme.edit_title", "/admin/programmes/"+itoa(p.ID)
	}
	page := ProgrammeFormPage{Page: s.base(w, r, state(r).tr.T(title)), Programme: p,
		Levels: []laeringsliv.Level{laeringsliv.LevelBachelor, laeringsliv.LevelMaster}, Action: action}
	page.Errors = errs
	s.render(w, r, status, "admin_programme_form", page)
}

func (s *Server) newProgrammePage(w http.ResponseWriter, r *http.Request) {
	y := s.cfg.Now().Year()
	s.programmeForm(w, r, http.StatusOK, &laeringsliv.Programme{StartYear: y, EndYear: y + 1,
		Level: laeringsliv.LevelBachelor, ECTS: 15}, nil)
}

func (s *Server) editProgrammePage(w http.ResponseWriter, r *http.Request) {
	s.programmeForm(w, r, http.StatusOK, state(r).programme, nil)
}

func (s *Server) createProgramme(w http.ResponseWriter, r *http.Request) {
	s.saveProgramme(w, r, &laeringsliv.Programme{InstitutionID: s.cfg.InstitutionID})
}

func (s *Server) updateProgramme(w http.ResponseWriter, r *http.Request) {
	p := *state(r).programme
	s.saveProgramme(w, r, &p)
}

func (s *Server) saveProgramme(w http.ResponseWriter, r *http.Request, p *laeringsliv.Programme) {
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if errs := parseProgrammeForm(v, p); len(errs) > 0 {
		s.programmeForm(w, r, http.StatusUnprocessableEntity, p, errs)
		return
	}
	if p.ID == 0 {
		err = s.svc.Org.CreateProgramme(r.Context(), p)
	} else {
		err = s.svc.Org.UpdateProgramme(r.Context(), p)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, "/admin", http.StatusSeeOther)
}

// WorkplaceFormPage creates or edits a workplace.
type WorkplaceFormPage struct {
	Page
	Workplace    *laeringsliv.Workplace
	Programmes   []*laeringsliv.Programme
	ServiceKinds []laeringsliv.ServiceKind
	Action       string
	FTEs         string
}

func (s *Server) workplaceForm(w http.ResponseWriter, r *http.Request, status int, wp *laeringsliv.Workplace, ftes string, errs []FieldErr) {
	progs, err := s.svc.Org.FindProgrammes(r.Context(), s.cfg.InstitutionID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	title, action := "workplace.new_title", "/admin/workplaces"
	if wp.ID != 0 {
		title, action = "workplace.edit_title", "/admin/workplaces/"+itoa(wp.ID)
	}
	page := WorkplaceFormPage{Page: s.base(w, r, state(r).tr.T(title)), Workplace: wp, Programmes: progs,
		ServiceKinds: laeringsliv.ServiceKinds(), Action: action, FTEs: ftes}
	if ftes == "" && wp.ID != 0 {
		page.FTEs = formatNumber(wp.FTEs, state(r).lang)
	}
	page.Errors = errs
	s.render(w, r, status, "admin_workplace_form", page)
}

func (s *Server) newWorkplacePage(w http.ResponseWriter, r *http.Request) {
	s.workplaceForm(w, r, http.StatusOK, &laeringsliv.Workplace{ServiceKind: laeringsliv.ServiceNursingHome}, "", nil)
}

func (s *Server) editWorkplacePage(w http.ResponseWriter, r *http.Request) {
	s.workplaceForm(w, r, http.StatusOK, state(r).workplace, "", nil)
}

func (s *Server) createWorkplace(w http.ResponseWriter, r *http.Request) {
	s.saveWorkplace(w, r, &laeringsliv.Workplace{InstitutionID: s.cfg.InstitutionID})
}

func (s *Server) updateWorkplace(w http.ResponseWriter, r *http.Request) {
	wp := *state(r).workplace
	s.saveWorkplace(w, r, &wp)
}

func (s *Server) saveWorkplace(w http.ResponseWriter, r *http.Request, wp *laeringsliv.Workplace) {
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	errs := parseWorkplaceForm(v, wp)
	if len(errs) == 0 {
		// The programme must be one of this institution's, whatever the form says.
		if prog, err := s.svc.Org.FindProgramme(r.Context(), wp.ProgrammeID); err != nil || prog.InstitutionID != s.cfg.InstitutionID {
			errs = append(errs, FieldErr{"programme_id", "error.programme_required"})
		}
	}
	if len(errs) > 0 {
		s.workplaceForm(w, r, http.StatusUnprocessableEntity, wp, text(v, "ftes", 20), errs)
		return
	}
	if wp.ID == 0 {
		err = s.svc.Org.CreateWorkplace(r.Context(), wp)
	} else {
		err = s.svc.Org.UpdateWorkplace(r.Context(), wp)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, "/admin", http.StatusSeeOther)
}
