package demo

import (
	"context"
)

// links are the IPE session a workplace's start-up gathering links from its agenda; zero when
// the demo seeded none. The reading workshops are placed on the agendas once the gatherings
// exist (seedWorkshops), since each is held at its gathering.
type links struct{ ipe int64 }

// agendaLinks finds the workplace's first IPE session, which the demo seeds before the study
// programme.
func agendaLinks(ctx context.Context, s Services, workplaceID int64) (links, error) {
	var l links
	if s.IPE != nil {
		sessions, err := s.IPE.FindIPESessions(ctx, workplaceID)
		if err != nil {
			return l, err
		}
		if len(sessions) > 0 {
			l.ipe = sessions[len(sessions)-1].ID
		}
	}
	return l, nil
}
