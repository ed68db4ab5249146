package demo

import (
	"context"

	"laeringsliv"
)

// links are the IPE session and the reading workshop a workplace's start-up gathering links
// from its agenda; zero when the demo seeded none.
type links struct{ ipe, workshop int64 }

// agendaLinks finds the workplace's first IPE session and reading workshop, which the demo
// seeds before the study programme.
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
	if s.Reading != nil {
		ws, err := s.Reading.FindWorkshops(ctx, laeringsliv.WorkshopFilter{WorkplaceID: workplaceID})
		if err != nil {
			return l, err
		}
		if len(ws) > 0 {
			l.workshop = ws[len(ws)-1].ID
		}
	}
	return l, nil
}
