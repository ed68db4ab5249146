package web

import (
	"context"

	"laeringsliv"
)

// The common-time finder may invite the members of one work group: they are the ones who
// meet to develop their part of the innovation work.

// workGroupChoice is a work group the finder offers.
type workGroupChoice struct {
	Value string // the ID as the query carries it
	Name  string
}

// workGroupChoices returns the workplace's work groups for the finder's "who should come".
func (s *Server) workGroupChoices(ctx context.Context, workplaceID int64) ([]workGroupChoice, error) {
	if s.svc.WorkGroups == nil {
		return nil, nil
	}
	groups, err := s.svc.WorkGroups.FindWorkGroups(ctx, workplaceID)
	if err != nil {
		return nil, err
	}
	out := make([]workGroupChoice, len(groups))
	for i, g := range groups {
		out[i] = workGroupChoice{Value: itoa(g.ID), Name: g.Name}
	}
	return out, nil
}

// workGroupMembers returns the members of a work group of the workplace; a group that is not
// the workplace's is refused as a bad choice in the finder's form.
func (s *Server) workGroupMembers(ctx context.Context, workplaceID, groupID int64) (map[int64]bool, error) {
	refused := laeringsliv.FieldError("group", "workgroups.finder.error.group")
	if s.svc.WorkGroups == nil {
		return nil, refused
	}
	groups, err := s.svc.WorkGroups.FindWorkGroups(ctx, workplaceID)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		if g.ID == groupID {
			members := make(map[int64]bool, len(g.Members))
			for _, id := range g.Members {
				members[id] = true
			}
			return members, nil
		}
	}
	return nil, refused
}
