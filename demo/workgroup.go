package demo

import (
	"context"
	"fmt"
	"time"

	"laeringsliv"
	"laeringsliv/grouping"
	"laeringsliv/rota"
)

// seedWorkGroups gives each workplace its innovation work groups, formed as a leader would
// form them: by shared shifts over the four weeks of its rota, among everyone on it who does
// the innovation work (participants and contributors), in groups of three to five around
// four. The first groups each take one of the workplace's innovations; the rest work on the
// shared project as a whole.
func seedWorkGroups(ctx context.Context, s Services, res *Result, shifts map[int64][]rota.Shift) error {
	s.Clock.Set(morning(2018, time.January, 5))
	from, to := rotaStart.UTC(), rotaStart.AddDate(0, 0, 28).UTC()
	for _, wp := range res.WorkplaceIDs {
		work := rota.Worked(shifts[wp])
		staff, err := rotaStaff(ctx, s, wp, work)
		if err != nil {
			return err
		}
		if len(staff) == 0 {
			continue
		}
		wishes, err := storedWishes(ctx, s, wp, staff)
		if err != nil {
			return err
		}
		formed, err := laeringsliv.FormGroupsByShifts(staff, work, from, to, wishes, grouping.Options{})
		if err != nil {
			return fmt.Errorf("demo: work groups: %w", err)
		}
		innovations, err := liveInnovations(ctx, s, wp)
		if err != nil {
			return err
		}
		groups := make([]*laeringsliv.WorkGroup, len(formed))
		for i, members := range formed {
			groups[i] = &laeringsliv.WorkGroup{Name: fmt.Sprintf("Arbeidsgruppe %d", i+1), Members: members}
			if i < len(innovations) {
				groups[i].InnovationID = innovations[i].ID
			}
		}
		if err := s.WorkGroups.ReplaceWorkGroups(ctx, wp, groups); err != nil {
			return fmt.Errorf("demo: work groups: %w", err)
		}
	}
	return nil
}

// rotaStaff returns the workplace's participants and contributors with shifts in work.
func rotaStaff(ctx context.Context, s Services, wp int64, work laeringsliv.ShiftWork) ([]int64, error) {
	ms, err := s.Members.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: wp})
	if err != nil {
		return nil, err
	}
	var out []int64
	seen := map[int64]bool{}
	for _, m := range ms {
		if (m.Role == laeringsliv.RoleParticipant || m.Role == laeringsliv.RoleContributor) && len(work[m.PersonID]) > 0 && !seen[m.PersonID] {
			seen[m.PersonID] = true
			out = append(out, m.PersonID)
		}
	}
	return out, nil
}

// liveInnovations returns the workplace's innovations that were not dropped.
func liveInnovations(ctx context.Context, s Services, wp int64) ([]*laeringsliv.Innovation, error) {
	if s.Innovations == nil {
		return nil, nil
	}
	all, err := s.Innovations.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: wp})
	if err != nil {
		return nil, err
	}
	var out []*laeringsliv.Innovation
	for _, in := range all {
		if in.Status != laeringsliv.InnovationDropped {
			out = append(out, in)
		}
	}
	return out, nil
}
