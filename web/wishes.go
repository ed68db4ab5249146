package web

import (
	"context"
	"net/http"
	"sort"

	"laeringsliv"
)

// A person's own colleague wishes: with or apart from a named colleague when groups are
// formed by shared shifts. Only the person reaches the page (policy.go, ActionKeepWishes); the
// wishes are never logged, and organisers see only how many a proposal keeps.

// WishesPage is a person's wishes at a workplace, with the form to add one.
type WishesPage struct {
	Page
	Workplace  *laeringsliv.Workplace
	Person     *laeringsliv.Person
	Action     string // the page's own path, where the form posts
	Form       wishForm
	Colleagues []personOption // who may be named, by name
	With       []wishView
	Apart      []wishView
	Max        int // wishes of each kind
}

type wishView struct {
	ID     int64
	Name   string
	Left   bool   // the colleague no longer belongs to the workplace: the wish is ignored
	Remove string // where its remove button posts
}

func wishesPath(wp *laeringsliv.Workplace, personID int64) string {
	return "/workplaces/" + itoa(wp.ID) + "/people/" + itoa(personID) + "/wishes"
}

func (s *Server) wishesPage(w http.ResponseWriter, r *http.Request) {
	s.showWishes(w, r, http.StatusOK, wishForm{Kind: wishWith}, nil)
}

func (s *Server) showWishes(w http.ResponseWriter, r *http.Request, status int, form wishForm, errs []FieldErr) {
	st := state(r)
	if s.svc.Wishes == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	ctx := r.Context()
	colleagues, err := s.placedPeople(ctx, st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	list, err := s.svc.Wishes.FindColleagueWishes(ctx, st.actor.Person.ID, st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := WishesPage{Page: s.base(w, r, st.tr.T("wishes.title")), Workplace: st.workplace, Person: st.actor.Person,
		Action: wishesPath(st.workplace, st.actor.Person.ID), Form: form, Max: laeringsliv.MaxColleagueWishes}
	names := map[int64]string{}
	for _, c := range colleagues {
		names[c.ID] = c.Name
		if c.ID != st.actor.Person.ID {
			p.Colleagues = append(p.Colleagues, personOption{c.ID, itoa(c.ID), c.Name})
		}
	}
	for _, x := range list {
		name, ok := names[x.OtherID]
		if !ok {
			name = s.personName(ctx, x.OtherID)
		}
		view := wishView{ID: x.ID, Name: name, Left: !ok, Remove: p.Action + "/" + itoa(x.ID) + "/delete"}
		if x.Together {
			p.With = append(p.With, view)
		} else {
			p.Apart = append(p.Apart, view)
		}
	}
	p.Errors = errs
	s.render(w, r, status, "wishes", p)
}

// personName is a colleague's name who has left the workplace, or "" when not found.
func (s *Server) personName(ctx context.Context, id int64) string {
	p, err := s.svc.People.FindPerson(ctx, id)
	if err != nil {
		return ""
	}
	return p.Name
}

// placedPeople returns the workplace's participants and contributors, by name: those placed
// in groups, who may wish and be named in a wish.
func (s *Server) placedPeople(ctx context.Context, workplaceID int64) ([]*laeringsliv.Person, error) {
	ms, err := s.svc.Members.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: workplaceID})
	if err != nil {
		return nil, err
	}
	placed := map[int64]bool{}
	for _, m := range ms {
		if m.Role == laeringsliv.RoleParticipant || m.Role == laeringsliv.RoleContributor {
			placed[m.PersonID] = true
		}
	}
	people, err := s.svc.People.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: workplaceID})
	if err != nil {
		return nil, err
	}
	var out []*laeringsliv.Person
	for _, p := range people {
		if placed[p.ID] {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (s *Server) addWish(w http.ResponseWriter, r *http.Request) {
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	st := state(r)
	if s.svc.Wishes == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	ctx, me := r.Context(), st.actor.Person.ID
	colleagues, err := s.placedPeople(ctx, st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	known := map[int64]bool{}
	for _, c := range colleagues {
		known[c.ID] = c.ID != me
	}
	form, wish, errs := parseWishForm(v, known, me)
	if len(errs) == 0 {
		existing, err := s.svc.Wishes.FindColleagueWishes(ctx, me, st.workplace.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		errs = wishRoom(wish, existing)
	}
	if len(errs) == 0 {
		wish.WorkplaceID = st.workplace.ID
		if err := s.svc.Wishes.AddColleagueWish(ctx, wish); err != nil {
			if laeringsliv.ErrorCode(err) != laeringsliv.EINVALID {
				s.renderError(w, r, err)
				return
			}
			errs = []FieldErr{{Field: fieldOfErr(err), Key: laeringsliv.ErrorKey(err)}}
		}
	}
	if len(errs) > 0 {
		s.showWishes(w, r, http.StatusUnprocessableEntity, form, errs)
		return
	}
	setFlash(w, "flash.saved")
	http.Redirect(w, r, wishesPath(st.workplace, me), http.StatusSeeOther)
}

func (s *Server) deleteWish(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	id, err := pathID(r.PathValue("wish"))
	if err == nil && s.svc.Wishes == nil {
		err = laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	if err == nil {
		err = s.svc.Wishes.DeleteColleagueWish(r.Context(), st.actor.Person.ID, st.workplace.ID, id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	setFlash(w, "flash.wish_removed")
	http.Redirect(w, r, wishesPath(st.workplace, st.actor.Person.ID), http.StatusSeeOther)
}
