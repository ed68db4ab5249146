package web

import (
	"context"

	"laeringsliv"
)

// storedWishes returns the colleague wishes people at the workplace made themselves, of those
// among ids, leaving out any about a pair the organiser typed a wish for: the organiser's
// wish wins. The result is used to form and count groups and never shown person by person.
func (s *Server) storedWishes(ctx context.Context, workplaceID int64, ids []int64, typed []laeringsliv.GroupWish) ([]laeringsliv.GroupWish, error) {
	if s.svc.Wishes == nil || len(ids) == 0 {
		return nil, nil
	}
	list, err := s.svc.Wishes.WorkplaceColleagueWishes(ctx, workplaceID, ids)
	if err != nil {
		return nil, err
	}
	type pair struct{ a, b int64 }
	key := func(a, b int64) pair {
		if a > b {
			a, b = b, a
		}
		return pair{a, b}
	}
	named := map[pair]bool{}
	for _, w := range typed {
		named[key(w.PersonID, w.OtherID)] = true
	}
	var out []laeringsliv.GroupWish
	for _, w := range list {
		if !named[key(w.PersonID, w.OtherID)] {
			out = append(out, w)
		}
	}
	return out, nil
}
