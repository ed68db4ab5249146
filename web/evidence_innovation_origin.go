package web

import (
	"context"

	"laeringsliv"
)

// InnovationOrigin is where an innovation came from and what assessed it: the idea of the
// workplace's idea list, the IPE session that idea was kept from, and the evaluation sessions
// of the idea or linked to the innovation.
type InnovationOrigin struct {
	Idea        *laeringsliv.IPEIdea
	Source      *laeringsliv.IPESession
	Evaluations []*laeringsliv.IPESession
	CanOpen     bool // may open the sessions (ActionIPEView)
}

// innovationOrigin loads the origin of i; nil when there is nothing to show or no IPE tool.
func (s *Server) innovationOrigin(ctx context.Context, i *laeringsliv.Innovation, canOpen bool) (*InnovationOrigin, error) {
	if s.svc.IPE == nil {
		return nil, nil
	}
	sessions, err := s.svc.IPE.FindIPESessions(ctx, i.WorkplaceID)
	if err != nil {
		return nil, err
	}
	o := &InnovationOrigin{CanOpen: canOpen}
	if id := i.IdeaID(); id != 0 {
		ideas, err := s.svc.IPE.FindIPEIdeas(ctx, i.WorkplaceID)
		if err != nil {
			return nil, err
		}
		for _, idea := range ideas {
			if idea.ID == id {
				o.Idea = idea
			}
		}
	}
	linked := map[int64]bool{}
	for _, l := range i.Links {
		if l.Kind == laeringsliv.SourceEvaluation {
			linked[l.RefID] = true
		}
	}
	for _, ses := range sessions {
		if o.Idea != nil && ses.ID == o.Idea.SourceSessionID {
			o.Source = ses
		}
		if linked[ses.ID] || (o.Idea != nil && ses.Kind == laeringsliv.IPEKindEvaluateIdea && ses.EvaluatesIdeaID == o.Idea.ID) {
			o.Evaluations = append(o.Evaluations, ses)
		}
	}
	if o.Idea == nil && len(o.Evaluations) == 0 {
		return nil, nil
	}
	return o, nil
}
