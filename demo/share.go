package demo

import (
	"context"
	"fmt"
	"time"

	"laeringsliv"
)

// Sharing between the demo's workplaces: the first site shares its checklist for the shift
// handover, the second asks about it, gets an answer and adopts it; the last site shares the
// question of its IPE session with the notes it prioritised.

// sharedInnovation is the title of the innovation the demo shares and adopts.
const sharedInnovation = "Fast overlappingsmøte med sjekkliste"

func seedSharing(ctx context.Context, s Services, res *Result) error {
	s.Clock.Set(morning(2019, time.February, 5))
	leaders := leaderIDs(res)
	origin, adopter := res.WorkplaceIDs[0], res.WorkplaceIDs[1]
	wp, err := s.Org.FindWorkplace(ctx, origin)
	if err != nil {
		return err
	}
	list, err := s.Innovations.FindInnovations(ctx, laeringsliv.InnovationFilter{WorkplaceID: origin})
	if err != nil {
		return err
	}
	var sh *laeringsliv.Share
	for _, i := range list {
		if i.Title == sharedInnovation {
			sh = laeringsliv.InnovationShare(wp, i)
		}
	}
	if sh == nil {
		return fmt.Errorf("demo: no innovation %q to share", sharedInnovation)
	}
	sh.SharedBy = leaders[0]
	if err := s.Shares.CreateShare(ctx, sh); err != nil {
		return fmt.Errorf("demo: share: %w", err)
	}
	for _, c := range []*laeringsliv.ShareComment{
		{ShareID: sh.ID, WorkplaceID: adopter, AuthorID: leaders[1], Body: "Hvor lang tid tar overlappingsmøtet, og hvem leder det?"},
		{ShareID: sh.ID, WorkplaceID: origin, AuthorID: leaders[0], Body: "Ti minutter. Den som går av vakt leder, etter sjekklista."},
	} {
		s.Clock.Set(s.Clock.Now().Add(3 * time.Hour))
		if err := s.Shares.AddShareComment(ctx, c); err != nil {
			return fmt.Errorf("demo: comment: %w", err)
		}
	}
	s.Clock.Set(morning(2019, time.February, 12))
	adopted := &laeringsliv.Innovation{WorkplaceID: adopter, ProjectID: res.ProjectIDs[1], Title: sh.Title,
		Description: sh.Body, Status: laeringsliv.InnovationIdea, Size: laeringsliv.InnovationSmall}
	if _, err := s.Shares.AdoptInnovation(ctx, sh, adopted, leaders[1]); err != nil {
		return fmt.Errorf("demo: adopt: %w", err)
	}
	return seedSharedQuestion(ctx, s, res, leaders)
}

// seedSharedQuestion shares the question of the last site's IPE session.
func seedSharedQuestion(ctx context.Context, s Services, res *Result, leaders []int64) error {
	k := len(res.WorkplaceIDs) - 1
	wp, err := s.Org.FindWorkplace(ctx, res.WorkplaceIDs[k])
	if err != nil {
		return err
	}
	sessions, err := s.IPE.FindIPESessions(ctx, wp.ID)
	if err != nil || len(sessions) == 0 {
		return fmt.Errorf("demo: no IPE session to share: %v", err)
	}
	notes, err := s.IPE.FindIPENotes(ctx, sessions[0].ID)
	if err != nil {
		return err
	}
	sh := laeringsliv.QuestionShare(wp, sessions[0], notes)
	sh.SharedBy = leaders[k]
	if err := s.Shares.CreateShare(ctx, sh); err != nil {
		return fmt.Errorf("demo: share question: %w", err)
	}
	return nil
}
