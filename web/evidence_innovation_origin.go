package web

import (
	"context"
	"fmt"

	"laeringsliv"
)

// InnovationOrigin is where an innovation came from and what assessed it: the IPE session
// its note was kept from, and the evaluation sessions linked to it, looking back on that
// session without naming another idea, or (for an idea kept before the idea list moved into
// the registry) planned for that idea.
type InnovationOrigin struct {
	Source      *laeringsliv.IPESession
	Evaluations []*laeringsliv.IPESession
	CanOpen     bool   // may open the sessions (ActionIPEView)
	EvaluateURL string // the form of a session evaluating the idea; empty when one may not create it
}

// innovationOrigin loads the origin of i; nil when there is nothing to show or no IPE tool.
func (s *Server) innovationOrigin(ctx context.Context, i *laeringsliv.Innovation, canOpen, canCreate bool) (*InnovationOrigin, error) {
	if s.svc.IPE == nil {
		return nil, nil
	}
	sessions, err := s.svc.IPE.FindIPESessions(ctx, i.WorkplaceID)
	if err != nil {
		return nil, err
	}
	o := &InnovationOrigin{CanOpen: canOpen}
	source, idea := i.SessionID(), i.IdeaID()
	linked := map[int64]bool{}
	for _, l := range i.Links {
		if l.Kind == laeringsliv.SourceEvaluation {
			linked[l.RefID] = true
		}
	}
	for _, ses := range sessions {
		if source != 0 && ses.ID == source {
			o.Source = ses
		}
		if linked[ses.ID] || evaluates(ses, source, idea) {
			o.Evaluations = append(o.Evaluations, ses)
		}
	}
	if o.Source != nil && canCreate {
		o.EvaluateURL = fmt.Sprintf("/workplaces/%d/ipe/new?kind=%s&evaluates=%d", i.WorkplaceID, laeringsliv.IPEKindEvaluateIdea, source)
	}
	if o.Source == nil && len(o.Evaluations) == 0 {
		return nil, nil
	}
	return o, nil
}

// evaluates reports whether ses evaluates the idea kept from session source (one that names
// no particular idea) or the former idea-list entry idea.
func evaluates(ses *laeringsliv.IPESession, source, idea int64) bool {
	if ses.Kind != laeringsliv.IPEKindEvaluateIdea {
		return false
	}
	if idea != 0 && ses.EvaluatesIdeaID == idea {
		return true
	}
	return source != 0 && ses.EvaluatesSessionID == source && ses.EvaluatesIdeaID == 0
}
