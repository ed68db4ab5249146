package demo

import (
	"context"
	"fmt"

	"laeringsliv"
)

// seedResearch records the research consents: most people agreed to take part in the
// programme's research, and every seventh did not, so that the export shows both.
func seedResearch(ctx context.Context, rs laeringsliv.ResearchService, res *Result) error {
	for i, id := range res.PersonIDs {
		if i%7 == 6 {
			continue
		}
		if err := rs.SetResearchConsent(ctx, res.ProgrammeID, id, true); err != nil {
			return fmt.Errorf("demo: research consent: %w", err)
		}
	}
	return nil
}
