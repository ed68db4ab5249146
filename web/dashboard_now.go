package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"laeringsliv"
)

// draftShownFor is how long a session that was created but never opened stays on its
// facilitators' dashboards; an abandoned draft should not linger there.
const draftShownFor = 7 * 24 * time.Hour

// dashSessions lists the sessions running in the reader's workplaces, with the one way in the
// policy gives them: the console for those who run it, the join page for the others.
func (s *Server) dashSessions(r *http.Request, d *dashScope) ([]DashItem, error) {
	var visible []*laeringsliv.Workplace
	for _, wp := range d.attends {
		if d.actor.Can(laeringsliv.ActionIPEView, laeringsliv.WorkplaceResource(wp)) {
			visible = append(visible, wp)
		}
	}
	if len(visible) == 0 {
		return nil, nil
	}
	list, err := s.svc.Dashboard.OpenIPESessions(r.Context(), s.cfg.InstitutionID, ids(visible))
	if err != nil {
		return nil, err
	}
	now := s.cfg.Now()
	var items []DashItem
	for _, sess := range list {
		if item, ok := dashSession(state(r).tr, d, sess, now); ok {
			items = append(items, item)
		}
	}
	return items, nil
}

// dashSession is the sentence and link for one session; ok is false for a draft the reader
// does not run or that has waited too long.
func dashSession(tr *translator, d *dashScope, sess *laeringsliv.IPESession, now time.Time) (DashItem, bool) {
	wp := d.workplaces[sess.WorkplaceID]
	res := laeringsliv.IPESessionResource(wp, sess)
	runs := d.actor.Can(laeringsliv.ActionIPEFacilitate, res)
	data := map[string]any{"Question": sess.Question, "Workplace": wp.Name, "Phase": tr.T("ipe.phase." + string(sess.Phase))}
	if sess.Phase == laeringsliv.IPEPhaseDraft {
		if !runs || now.Sub(sess.CreatedAt) > draftShownFor {
			return DashItem{}, false
		}
		return DashItem{Text: tr.T("dash.session.ready", data), Href: ipePath(sess), Link: tr.T("dash.session.console")}, true
	}
	item := DashItem{Text: tr.T("dash.session.running", data)}
	switch {
	case runs:
		item.Href, item.Link = ipePath(sess), tr.T("dash.session.console")
	case sess.JoinMode == laeringsliv.IPEJoinOpen || d.actor.Can(laeringsliv.ActionIPEJoinMembers, res):
		item.Href, item.Link = "/ipe?code="+url.QueryEscape(sess.JoinCode), tr.T("dash.session.join")
	default:
		item.Href, item.Link = ipePath(sess)+"/screen", tr.T("ipe.screen.link")
	}
	return item, true
}

// dashGatherings gives the next gathering of each workplace the reader takes part in, with
// their own shift that day when a rota says it.
func (s *Server) dashGatherings(r *http.Request, d *dashScope) ([]DashItem, error) {
	var visible []*laeringsliv.Workplace
	for _, wp := range d.attends {
		if d.actor.Can(laeringsliv.ActionViewStudy, laeringsliv.WorkplaceResource(wp)) {
			visible = append(visible, wp)
		}
	}
	if len(visible) == 0 {
		return nil, nil
	}
	st := state(r)
	list, err := s.svc.Dashboard.NextGatherings(r.Context(), s.cfg.InstitutionID, ids(visible), s.cfg.Now())
	if err != nil {
		return nil, err
	}
	var items []DashItem
	for _, g := range list {
		wp := d.workplaces[g.WorkplaceID]
		start := nextDay(g, s.cfg.Now())
		item := DashItem{Text: st.tr.T("dash.gathering", map[string]any{"Title": g.Title, "Workplace": wp.Name,
			"When": when(st.tr, start, st.lang), "Place": g.Place, "Now": start.Before(s.cfg.Now())}),
			Href: "/workplaces/" + itoa(wp.ID) + "/gatherings", Link: st.tr.T("dash.gathering.link")}
		if item.Detail, err = s.shiftThatDay(r, start); err != nil {
			return nil, err
		}
		items = append(items, item)
	}
	return items, nil
}

// nextDay is the start of the gathering's first day that has not ended at now: the day one
// goes to, even in the middle of a gathering of several days.
func nextDay(g *laeringsliv.Gathering, now time.Time) time.Time {
	var next time.Time
	for _, d := range g.Days {
		if d.End.After(now) && (next.IsZero() || d.Start.Before(next)) {
			next = d.Start
		}
	}
	if next.IsZero() {
		return g.Start()
	}
	return next
}

// shiftThatDay says the reader's rota shifts on the day of t, or "" when no rota names them.
func (s *Server) shiftThatDay(r *http.Request, t time.Time) (string, error) {
	st := state(r)
	local := t.In(laeringsliv.Norway())
	day := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, laeringsliv.Norway())
	shifts, err := s.svc.Dashboard.PersonShifts(r.Context(), st.actor.Person.ID, day, day.AddDate(0, 0, 1))
	if err != nil || len(shifts) == 0 {
		return "", err
	}
	var parts []string
	for _, sh := range shifts {
		part := clock(sh.Start) + "–" + clock(sh.End)
		if sh.Code != "" {
			part += " (" + sh.Code + ")"
		}
		parts = append(parts, part)
	}
	return st.tr.T("dash.gathering.shift", map[string]any{"Shifts": strings.Join(parts, ", ")}), nil
}

// when is a date and clock time in Norway, in the reader's language.
func when(tr *translator, t time.Time, lang string) string {
	return tr.T("dash.when", map[string]any{"Date": formatDate(t, lang), "Time": clock(t)})
}

// clock is the time of day in Norway, 24-hour.
func clock(t time.Time) string { return t.In(laeringsliv.Norway()).Format("15:04") }

// tn translates a message with a plural form chosen by n and further placeholders in data.
func (t *translator) tn(key string, n int, data map[string]any) string {
	data["Count"] = n
	s, err := t.loc.Localize(&i18n.LocalizeConfig{MessageID: key, PluralCount: n, TemplateData: data})
	if err != nil {
		if t.miss != nil {
			t.miss(key)
		}
		return key
	}
	return s
}
