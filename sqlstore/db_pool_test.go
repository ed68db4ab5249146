package sqlstore_test

import (
	"sync"
	"testing"

	"laeringsliv/sqlstore/sqltest"
)

// A burst that uses every connection of the PostgreSQL pool leaves them all idle rather than
// closing most of them, so the next burst opens no backend.
func TestPostgresPoolKeepsConnections(t *testing.T) {
	db := sqltest.OpenPostgres(t)
	pool, _ := db.Pools()
	max := pool.Stats().MaxOpenConnections
	burst := func() {
		var wg sync.WaitGroup
		for range max {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := pool.ExecContext(ctx, `SELECT pg_sleep(0.05)`); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	burst()
	opened := pool.Stats().OpenConnections
	burst()
	s := pool.Stats()
	if s.MaxIdleClosed != 0 || s.MaxIdleTimeClosed != 0 {
		t.Errorf("pool closed idle connections: %d over the idle limit, %d idle too long", s.MaxIdleClosed, s.MaxIdleTimeClosed)
	}
	if s.Idle != opened || s.OpenConnections != opened {
		t.Errorf("after two bursts: %d open, %d idle; want the %d of the first burst, all idle", s.OpenConnections, s.Idle, opened)
	}
}
