package web

import (
	"net/url"

	"laeringsliv"
)

// IPEForm is the form that creates a session, as typed.
type IPEForm struct {
	Kind         laeringsliv.IPEKind
	Question     string
	Grouping     laeringsliv.IPEGrouping
	Groups       string
	K            string
	VoteBudget   string
	PhaseMinutes string
	Evaluates    string // id of the session (and so of its ideas) an evaluation looks back on
	Idea         string // id of the idea an evaluation evaluates
	JoinMode     laeringsliv.IPEJoinMode
}

// maxIPEGroups bounds the groups made by hand: a large gathering, not a stadium.
const maxIPEGroups = 50

// parseIPEForm reads the create form into a session and the number of groups to make by hand.
// Every field error is returned, so that the form shows them all at once.
func parseIPEForm(v url.Values) (IPEForm, *laeringsliv.IPESession, int, []FieldErr) {
	f := IPEForm{Kind: laeringsliv.IPEKind(text(v, "kind", 40)), Question: text(v, "question", laeringsliv.IPEMaxQuestion+1),
		Grouping: laeringsliv.IPEGrouping(text(v, "grouping", 40)), Groups: text(v, "groups", 10),
		K: text(v, "k", 10), VoteBudget: text(v, "vote_budget", 10), PhaseMinutes: text(v, "phase_minutes", 10),
		Evaluates: text(v, "evaluates", 20), Idea: text(v, "idea", 20),
		JoinMode: laeringsliv.IPEJoinMode(text(v, "join_mode", 20))}
	s := &laeringsliv.IPESession{Kind: f.Kind, Question: f.Question, Grouping: f.Grouping, JoinMode: f.JoinMode}
	var errs []FieldErr
	num := func(field, value string, dflt int, key string) int {
		if value == "" {
			return dflt
		}
		n, ok := intField(url.Values{field: {value}}, field)
		// Zero means "the default" to Validate; typed by a person it is a mistake.
		if !ok || n == 0 && field != "phase_minutes" {
			errs = append(errs, FieldErr{Field: field, Key: key})
		}
		return n
	}
	s.K = num("k", f.K, laeringsliv.IPEMinK, "ipe.error.k_invalid")
	s.VoteBudget = num("vote_budget", f.VoteBudget, laeringsliv.IPEDefaultBudget, "ipe.error.budget_invalid")
	s.PhaseMinutes = num("phase_minutes", f.PhaseMinutes, 0, "ipe.error.minutes_invalid")
	groups := num("groups", f.Groups, 1, "ipe.error.groups_required")
	if groups > maxIPEGroups || groups < 0 {
		errs = append(errs, FieldErr{Field: "groups", Key: "ipe.error.groups_required"})
	}
	if f.Evaluates != "" {
		s.EvaluatesSessionID = int64(num("evaluates", f.Evaluates, 0, "ipe.error.evaluates_required"))
	}
	if f.Idea != "" {
		s.EvaluatesIdeaID = int64(num("evaluates", f.Idea, 0, "ipe.error.evaluates_required"))
	}
	if len(errs) == 0 {
		s.WorkplaceID = 1 // checked by the caller; Validate needs a value to look at the rest
		if err := s.Validate(); err != nil {
			if e, ok := err.(*laeringsliv.Error); ok {
				errs = append(errs, FieldErr{Field: e.Field, Key: e.Key})
			}
		}
		s.WorkplaceID = 0
	}
	return f, s, groups, errs
}
