package demo

import (
	"context"
	"fmt"

	"laeringsliv"
)

// linkIdeas links the first innovation of each workplace to the idea the workplace kept from
// its IPE session, so that the innovation page shows where it came from.
func linkIdeas(ctx context.Context, s Services, res *Result) error {
	for _, wp := range res.WorkplaceIDs {
		ideas, err := s.IPE.FindIPEIdeas(ctx, wp)
		if err != nil {
			return fmt.Errorf("demo: ideas: %w", err)
		}
		list, err := s.Innovations.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: wp})
		if err != nil {
			return fmt.Errorf("demo: innovations: %w", err)
		}
		if len(ideas) == 0 || len(list) == 0 {
			continue
		}
		first := list[0]
		for _, i := range list {
			if i.ID < first.ID {
				first = i
			}
		}
		first.Links = append(first.Links, laeringsliv.SourceLink{Kind: laeringsliv.SourceIdea, RefID: ideas[0].ID})
		if err := s.Innovations.UpdateInnovation(ctx, first, first.CreatedBy); err != nil {
			return fmt.Errorf("demo: link idea: %w", err)
		}
	}
	return nil
}
