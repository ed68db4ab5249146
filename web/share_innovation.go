package web

import (
	"context"
	"time"

	"laeringsliv"
)

// InnovationSharing is what an innovation's page shows of sharing: whether the workplace shares
// it, the workplaces it spread to (names of workplaces, never of people), and where it came
// from when it was adopted.
type InnovationSharing struct {
	PreviewURL  string // the preview that shares it; empty when one may not, or it is shared
	SharedURL   string // its share, when shared
	SpreadTo    []SpreadRow
	AdoptedFrom string // the workplace it was adopted from
	OriginURL   string // the share it was adopted from, while it is offered
}

// SpreadRow is one workplace that adopted an innovation.
type SpreadRow struct {
	Workplace string
	At        time.Time
}

// innovationSharing loads the sharing facts of i, shown on its workplace's page; nil when the
// deployment keeps no shares or there is nothing to show.
func (s *Server) innovationSharing(ctx context.Context, actor *laeringsliv.Actor, w *laeringsliv.Workplace, i *laeringsliv.Innovation) (*InnovationSharing, error) {
	if s.svc.Shares == nil || !actor.Can(laeringsliv.ActionViewShared, laeringsliv.WorkplaceResource(w)) {
		return nil, nil
	}
	names, err := s.workplaceNames(ctx, w.InstitutionID)
	if err != nil {
		return nil, err
	}
	out := &InnovationSharing{}
	active, err := s.activeShare(ctx, w.InstitutionID, laeringsliv.ShareInnovation, i.ID)
	switch {
	case err != nil:
		return nil, err
	case active != nil:
		out.SharedURL = sharedURL(w.ID, active.ID)
	case actor.Can(laeringsliv.ActionShare, laeringsliv.WorkplaceResource(w)):
		out.PreviewURL = "/workplaces/" + itoa(w.ID) + "/shares/new?kind=innovation&ref=" + itoa(i.ID)
	}
	spread, err := s.svc.Shares.FindAdoptions(ctx, laeringsliv.AdoptionFilter{OriginInnovationID: i.ID})
	if err != nil {
		return nil, err
	}
	for _, a := range spread {
		out.SpreadTo = append(out.SpreadTo, SpreadRow{Workplace: names[a.WorkplaceID], At: a.AdoptedAt})
	}
	from, err := s.svc.Shares.FindAdoptions(ctx, laeringsliv.AdoptionFilter{InnovationID: i.ID})
	if err != nil {
		return nil, err
	}
	for _, a := range from {
		out.AdoptedFrom = names[a.OriginWorkplaceID]
		if sh, err := s.svc.Shares.FindShare(ctx, a.ShareID); err == nil && actor.CanSeeShare(sh, w) {
			out.OriginURL = sharedURL(w.ID, sh.ID)
		}
	}
	return out, nil
}
