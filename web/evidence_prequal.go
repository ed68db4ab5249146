package web

import (
	"net/http"

	"laeringsliv"
)

// PrequalPage shows each prequalification criterion with its latest sign-off (who, when, met
// or not) and the earlier ones, and the sign-off form for those who may sign.
type PrequalPage struct {
	Page
	Workplace   *laeringsliv.Workplace
	Criteria    []PrequalRow
	Qualified   bool
	CanSign     bool
	Form        *laeringsliv.PrequalSignOff
	FormMet     string // "yes", "no" or "" as the form was sent
	AllCriteria []laeringsliv.PrequalCriterion
}

// PrequalRow is a criterion with its sign-offs, newest first.
type PrequalRow struct {
	Criterion laeringsliv.PrequalCriterion
	SignOffs  []SignOffRow
}

// SignOffRow is a sign-off with the signer's name.
type SignOffRow struct {
	SignOff *laeringsliv.PrequalSignOff
	By      string
}

func (s *Server) prequalPage(w http.ResponseWriter, r *http.Request) {
	s.renderPrequal(w, r, http.StatusOK, &laeringsliv.PrequalSignOff{Criterion: laeringsliv.PrequalManagement}, "", nil)
}

func (s *Server) renderPrequal(w http.ResponseWriter, r *http.Request, status int, form *laeringsliv.PrequalSignOff, met string, errs []FieldErr) {
	ctx, st := r.Context(), state(r)
	all, err := s.svc.Prequal.FindPrequalSignOffs(ctx, st.workplace.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := PrequalPage{Page: s.base(w, r, st.tr.T("prequal.title", st.workplace)), Workplace: st.workplace,
		Form: form, FormMet: met, AllCriteria: laeringsliv.PrequalCriteria(),
		CanSign: st.actor.Can(laeringsliv.ActionRecordTimeline, laeringsliv.WorkplaceResource(st.workplace))}
	p.Errors = errs
	latest := map[laeringsliv.PrequalCriterion]*laeringsliv.PrequalSignOff{}
	names := map[int64]string{}
	for _, c := range laeringsliv.PrequalCriteria() {
		row := PrequalRow{Criterion: c}
		for n := len(all) - 1; n >= 0; n-- { // oldest first in the store; newest first here
			so := all[n]
			if so.Criterion != c {
				continue
			}
			if latest[c] == nil {
				latest[c] = so
			}
			if _, ok := names[so.SignedBy]; !ok && so.SignedBy != 0 {
				if person, err := s.svc.People.FindPerson(ctx, so.SignedBy); err == nil {
					names[so.SignedBy] = person.Name
				}
			}
			row.SignOffs = append(row.SignOffs, SignOffRow{SignOff: so, By: names[so.SignedBy]})
		}
		p.Criteria = append(p.Criteria, row)
	}
	p.Qualified = laeringsliv.Prequalified(latest)
	s.render(w, r, status, "evidence_prequal", p)
}

func (s *Server) signPrequal(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	so := &laeringsliv.PrequalSignOff{InstitutionID: st.workplace.InstitutionID, WorkplaceID: st.workplace.ID,
		SignedBy: st.actor.Person.ID}
	if errs := parsePrequalForm(v, so); len(errs) > 0 {
		s.renderPrequal(w, r, http.StatusUnprocessableEntity, so, v.Get("met"), errs)
		return
	}
	if err := s.svc.Prequal.CreatePrequalSignOff(r.Context(), so); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workplaceURL(st.workplace)+"/prequalification", http.StatusSeeOther)
}

// ParticipationPage shows a workplace's participation model and, for those who decide it, the
// form that records the choice and the reasons.
type ParticipationPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Model     *laeringsliv.ParticipationModel // nil while none is chosen
	DecidedBy string
	Form      *laeringsliv.ParticipationModel
	Kinds     []laeringsliv.ParticipationKind
	CanDecide bool
}

func (s *Server) participationPage(w http.ResponseWriter, r *http.Request) {
	s.renderParticipation(w, r, http.StatusOK, nil, nil)
}

func (s *Server) renderParticipation(w http.ResponseWriter, r *http.Request, status int, form *laeringsliv.ParticipationModel, errs []FieldErr) {
	ctx, st := r.Context(), state(r)
	m, err := s.svc.Participation.FindParticipationModel(ctx, st.workplace.ID)
	if err != nil && laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		m, err = nil, nil
	}
	if err != nil && laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
		s.renderError(w, r, err)
		return
	}
	p := ParticipationPage{Page: s.base(w, r, st.tr.T("innovation.participation_title", st.workplace)),
		Workplace: st.workplace, Model: m, Kinds: laeringsliv.ParticipationKinds(), Form: form,
		CanDecide: st.actor.Can(laeringsliv.ActionRecordTimeline, laeringsliv.WorkplaceResource(st.workplace))}
	p.Errors = errs
	if m != nil && m.DecidedBy != 0 {
		if person, err := s.svc.People.FindPerson(ctx, m.DecidedBy); err == nil {
			p.DecidedBy = person.Name
		}
	}
	if p.Form == nil {
		p.Form = &laeringsliv.ParticipationModel{}
		if m != nil {
			*p.Form = *m
		}
	}
	s.render(w, r, status, "evidence_participation", p)
}

func (s *Server) saveParticipation(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	m := &laeringsliv.ParticipationModel{InstitutionID: st.workplace.InstitutionID, WorkplaceID: st.workplace.ID,
		DecidedBy: st.actor.Person.ID, DecidedAt: s.cfg.Now()}
	if errs := parseParticipationForm(v, m); len(errs) > 0 {
		s.renderParticipation(w, r, http.StatusUnprocessableEntity, m, errs)
		return
	}
	if err := s.svc.Participation.SaveParticipationModel(r.Context(), m); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, workplaceURL(st.workplace)+"/participation", http.StatusSeeOther)
}
