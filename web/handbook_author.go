package web

import (
	"context"
	"net/http"
	"slices"

	"laeringsliv"
)

// Researchers write the handbook, and so do the participants named as its authors: by the
// programme's researchers, or by a leader for the participants of the workplace they lead.

// HandbookAuthorsView lists the named authors and those who may be named, for the handbook page.
type HandbookAuthorsView struct {
	Named      []*laeringsliv.Person
	Candidates []*laeringsliv.Person
}

// handbookResource is the programme as a handbook route touches it: with the handbook's named
// authors, whom the policy lets write.
func (s *Server) handbookResource(ctx context.Context, p *laeringsliv.Programme) (laeringsliv.Resource, error) {
	res := laeringsliv.ProgrammeResource(p)
	h, err := s.svc.Handbook.FindProgrammeHandbook(ctx, p.ID)
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		return res, nil
	} else if err != nil {
		return res, err
	}
	res.Authors, err = s.svc.Handbook.FindHandbookAuthors(ctx, h.ID)
	return res, err
}

// authorCandidates returns the participants the actor may name: of every workplace of the
// programme for its researchers (and administrators), else of the workplaces the actor leads.
func (s *Server) authorCandidates(ctx context.Context, st *reqState) ([]int64, error) {
	res := laeringsliv.ProgrammeResource(st.programme)
	all := st.actor.Can(laeringsliv.ActionEditSyllabus, res) // the programme's researchers
	wps, err := s.svc.Org.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{InstitutionID: st.programme.InstitutionID, ProgrammeID: st.programme.ID})
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, wp := range wps {
		if !all && !st.actor.Has(laeringsliv.RoleLeader, laeringsliv.WorkplaceResource(wp)) {
			continue
		}
		ms, err := s.svc.Members.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: wp.ID})
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if m.Role == laeringsliv.RoleParticipant && !slices.Contains(ids, m.PersonID) {
				ids = append(ids, m.PersonID)
			}
		}
	}
	return ids, nil
}

// handbookAuthors builds the page's list of authors; nil when the actor may not name any.
func (s *Server) handbookAuthors(r *http.Request, h *laeringsliv.Handbook) (*HandbookAuthorsView, error) {
	st := state(r)
	if !st.actor.Can(laeringsliv.ActionNameHandbookAuthors, laeringsliv.ProgrammeResource(st.programme)) {
		return nil, nil
	}
	named, err := s.svc.Handbook.FindHandbookAuthors(r.Context(), h.ID)
	if err != nil {
		return nil, err
	}
	cands, err := s.authorCandidates(r.Context(), st)
	if err != nil {
		return nil, err
	}
	v := &HandbookAuthorsView{}
	for _, id := range append(named, cands...) {
		p, err := s.svc.People.FindPerson(r.Context(), id)
		if err != nil {
			return nil, err
		}
		switch {
		case slices.Contains(named, id) && !slices.ContainsFunc(v.Named, func(x *laeringsliv.Person) bool { return x.ID == id }):
			v.Named = append(v.Named, p)
		case !slices.Contains(named, id):
			v.Candidates = append(v.Candidates, p)
		}
	}
	return v, nil
}

// setHandbookAuthor names a participant as an author of the handbook, or takes the name back.
// Only participants the actor may name can be named or unnamed by them.
func (s *Server) setHandbookAuthor(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	h, err := s.svc.Handbook.FindProgrammeHandbook(r.Context(), st.programme.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	person, err := pathID(v.Get("person"))
	if err != nil {
		s.renderError(w, r, laeringsliv.FieldError("person", "error.handbook_author_unknown"))
		return
	}
	cands, err := s.authorCandidates(r.Context(), st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !slices.Contains(cands, person) {
		s.renderError(w, r, laeringsliv.FieldError("person", "error.handbook_author_unknown"))
		return
	}
	if err := s.svc.Handbook.SetHandbookAuthor(r.Context(), h.ID, person, v.Get("author") == "1"); err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, handbookPath(st.programme.ID)+"#authors", http.StatusSeeOther)
}
