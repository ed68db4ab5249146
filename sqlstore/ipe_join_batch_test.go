package sqlstore_test

import (
	"sync"
	"testing"

	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// Joins that arrive together are committed together and still fill the groups evenly, each
// with its own token and participant.
func TestJoinIPEConcurrent(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		s := newIPESession(t, db, newOrg(t, db))
		groups, err := db.FindIPEGroups(ctx, s.ID)
		must(t, err)
		const n = 120
		ids := make(chan int64, n)
		var wg sync.WaitGroup
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p, token, err := db.JoinIPE(ctx, s.ID, 0)
				if err != nil || token == "" {
					t.Errorf("join: %v", err)
					return
				}
				ids <- p.ID
			}()
		}
		wg.Wait()
		close(ids)
		seen := map[int64]bool{}
		for id := range ids {
			seen[id] = true
		}
		if len(seen) != n {
			t.Errorf("%d distinct participants, want %d", len(seen), n)
		}
		groups, err = db.FindIPEGroups(ctx, s.ID)
		must(t, err)
		lo, hi := n, 0
		for _, g := range groups {
			lo, hi = min(lo, g.Members), max(hi, g.Members)
		}
		if hi-lo > 2 { // the person placed in advance counts in placement, not in Members
			t.Errorf("groups hold %d to %d members; want an even spread", lo, hi)
		}
	})
}
