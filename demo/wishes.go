package demo

import (
	"context"
	"fmt"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
)

// seedWishes gives a few people on each workplace's rota their own wishes about colleagues,
// as they would make them on their phones: two who want to be together, and one who would
// rather not work with another. The demo accounts make none, so that trying the page starts
// from an empty list.
func seedWishes(ctx context.Context, s Services, res *Result, shifts map[int64][]rota.Shift) error {
	s.Clock.Set(morning(2018, time.January, 3))
	logins := map[int64]bool{}
	for _, l := range Logins() {
		if p, err := s.People.FindPersonByEmail(ctx, l.Email); err == nil {
			logins[p.ID] = true
		}
	}
	for _, wp := range res.WorkplaceIDs {
		work := rota.Worked(shifts[wp])
		staff, err := rotaStaff(ctx, s, wp, work)
		if err != nil {
			return err
		}
		var people []int64
		for _, id := range staff {
			if !logins[id] {
				people = append(people, id)
			}
		}
		if len(people) < 6 {
			continue
		}
		for _, w := range []laeringsliv.ColleagueWish{
			{PersonID: people[0], OtherID: people[1], Together: true},
			{PersonID: people[2], OtherID: people[3], Together: true},
			{PersonID: people[4], OtherID: people[5]},
		} {
			w.WorkplaceID = wp
			if err := s.Wishes.AddColleagueWish(ctx, &w); err != nil {
				return fmt.Errorf("demo: wishes: %w", err)
			}
		}
	}
	return nil
}

// storedWishes returns the wishes of the people to place, when wishes are kept.
func storedWishes(ctx context.Context, s Services, wp int64, people []int64) ([]laeringsliv.GroupWish, error) {
	if s.Wishes == nil {
		return nil, nil
	}
	return s.Wishes.WorkplaceColleagueWishes(ctx, wp, people)
}
