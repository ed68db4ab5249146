package web

import (
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"

	"laeringsliv"
	"laeringsliv/grouping"
)

// IPEListPage lists a workplace's sessions.
type IPEListPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Sessions  []*laeringsliv.IPESession
	CanCreate bool
	// Facilitates lists the sessions whose console the reader may open; the others link to
	// their projector view only.
	Facilitates map[int64]bool
	CanShare    bool // the reader may share a session's question with the other workplaces
}

func (s *Server) ipeListPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	sessions, err := s.svc.IPE.FindIPESessions(r.Context(), st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := IPEListPage{Page: s.base(w, r, st.tr.T("ipe.list.title")), Workplace: st.workplace, Sessions: sessions,
		CanCreate:   st.actor.Can(laeringsliv.ActionIPECreate, laeringsliv.WorkplaceResource(st.workplace)),
		Facilitates: map[int64]bool{},
		CanShare:    s.svc.Shares != nil && st.actor.Can(laeringsliv.ActionShare, laeringsliv.WorkplaceResource(st.workplace))}
	for _, sess := range sessions {
		p.Facilitates[sess.ID] = st.actor.Can(laeringsliv.ActionIPEFacilitate, laeringsliv.IPESessionResource(st.workplace, sess))
	}
	s.render(w, r, http.StatusOK, "ipe_list", p)
}

// IPENewPage is the form that creates a session.
type IPENewPage struct {
	Page
	Workplace *laeringsliv.Workplace
	Form      IPEForm
	Kinds     []laeringsliv.IPEKind
	Groupings []laeringsliv.IPEGrouping
	Earlier   []*laeringsliv.IPESession // sessions an evaluation can look back on
}

func (s *Server) ipeNewPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	f := IPEForm{Kind: laeringsliv.IPEKindCapture, Question: st.tr.T("ipe.template.capture"),
		Grouping: laeringsliv.IPEGroupingRandom, Groups: "1", K: "3", VoteBudget: "3", PhaseMinutes: "0"}
	if k := laeringsliv.IPEKind(r.URL.Query().Get("kind")); k.Valid() {
		f.Kind, f.Question = k, st.tr.T("ipe.template."+string(k))
		f.Evaluates, f.Idea = r.URL.Query().Get("evaluates"), r.URL.Query().Get("idea")
	}
	s.renderIPENew(w, r, http.StatusOK, f, nil)
}

func (s *Server) renderIPENew(w http.ResponseWriter, r *http.Request, status int, f IPEForm, errs []FieldErr) {
	st := state(r)
	earlier, err := s.svc.IPE.FindIPESessions(r.Context(), st.workplace.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := IPENewPage{Page: s.base(w, r, st.tr.T("ipe.new.title")), Workplace: st.workplace, Form: f,
		Kinds: laeringsliv.IPEKinds(), Earlier: earlier,
		Groupings: []laeringsliv.IPEGrouping{laeringsliv.IPEGroupingRandom, laeringsliv.IPEGroupingShiftTeam,
			laeringsliv.IPEGroupingSharedShifts, laeringsliv.IPEGroupingHand}}
	p.Errors = errs
	s.render(w, r, status, "ipe_new", p)
}

func (s *Server) ipeCreate(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := readForm(w, r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f, sess, n, errs := parseIPEForm(v)
	if len(errs) > 0 {
		s.renderIPENew(w, r, http.StatusUnprocessableEntity, f, errs)
		return
	}
	sess.WorkplaceID, sess.CreatedBy = st.workplace.ID, st.actor.Person.ID
	if sess.Grouping == laeringsliv.IPEGroupingSharedShifts && s.svc.Rota != nil {
		s.ipeByShifts(w, r, v, f, sess, n)
		return
	}
	names, persons, err := s.ipeGroups(r, sess.Grouping, n)
	s.saveIPESession(w, r, v, f, sess, names, persons, err)
}

// saveIPESession creates the session with its groups (unless forming them failed with err)
// and goes to its console, or to the projector when the form asked.
func (s *Server) saveIPESession(w http.ResponseWriter, r *http.Request, v url.Values, f IPEForm, sess *laeringsliv.IPESession,
	names []string, persons [][]int64, err error) {
	if err == nil {
		err = s.svc.IPE.CreateIPESession(r.Context(), sess, names, persons)
	}
	if laeringsliv.ErrorCode(err) == laeringsliv.EINVALID {
		s.renderIPENew(w, r, http.StatusUnprocessableEntity, f, []FieldErr{{Field: "evaluates", Key: laeringsliv.ErrorKey(err)}})
		return
	} else if err != nil {
		s.serverError(w, r, err)
		return
	}
	if text(v, "then", 10) == "present" { // straight to the projector, where the code is shown
		http.Redirect(w, r, ipePath(sess)+"/screen", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, ipePath(sess), http.StatusSeeOther)
}

// ipeGroups forms the groups of a new session: n empty groups by hand, otherwise the
// workplace's people placed by the grouping package (shift teams kept together on request).
func (s *Server) ipeGroups(r *http.Request, g laeringsliv.IPEGrouping, n int) ([]string, [][]int64, error) {
	st := state(r)
	var persons [][]int64
	if g != laeringsliv.IPEGroupingHand {
		people, err := s.svc.People.FindPersons(r.Context(), laeringsliv.PersonFilter{WorkplaceID: st.workplace.ID})
		if err != nil {
			return nil, nil, err
		}
		members := make([]grouping.Member, len(people))
		for i, p := range people {
			members[i] = grouping.Member{ID: p.ID, Team: p.ShiftTeam}
		}
		rng := rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
		formed, err := grouping.Form(members, groupSizes(len(members), n, g == laeringsliv.IPEGroupingShiftTeam), rng)
		if err != nil {
			return nil, nil, err
		}
		for _, grp := range formed {
			ids := make([]int64, len(grp))
			for i, m := range grp {
				ids[i] = m.ID
			}
			persons = append(persons, ids)
		}
		n = max(n, len(persons))
	}
	names := make([]string, n)
	for i := range names {
		names[i] = st.tr.T("ipe.group_name", map[string]any{"N": i + 1})
	}
	return names, persons, nil
}

// groupSizes asks for n groups as even as the people allow (the number the facilitator gave is
// the number they get); with no number, groups of 3–5.
func groupSizes(people, n int, keepTeams bool) grouping.Options {
	o := grouping.Options{KeepTeams: keepTeams}
	if n < 1 || people < 1 {
		return o
	}
	lo := max(1, people/n)
	hi := max(1, (people+n-1)/n)
	o.Min, o.Target, o.Max = lo, hi, hi
	return o
}

// ipePath is the facilitator console of a session.
func ipePath(s *laeringsliv.IPESession) string {
	return "/workplaces/" + strconv.FormatInt(s.WorkplaceID, 10) + "/ipe/" + strconv.FormatInt(s.ID, 10)
}
