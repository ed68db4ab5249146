package sqlstore_test

import (
	"sync"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// Notes sent at once from many writers to two sessions are committed together: each caller
// learns its own outcome (a session that is not capturing refuses only its own notes), every
// accepted note is stored once, and the writers are counted once each.
func TestIPENoteGroupCommit(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		open, draft := newIPESession(t, db, o), newIPESession(t, db, o)
		advance(t, db, open)
		var writers, idle []*laeringsliv.IPEParticipant
		for range 20 {
			p, pToken, err := db.JoinIPE(ctx, open.ID, 0)
			must(t, err)
			p.Token = pToken
			writers = append(writers, p)
			q, qToken, err := db.JoinIPE(ctx, draft.ID, 0)
			must(t, err)
			q.Token = qToken
			idle = append(idle, q)
		}
		var wg sync.WaitGroup
		errs := make([]error, 2*len(writers)*3)
		for i := range writers {
			for n := range 3 {
				wg.Add(2)
				go func() {
					defer wg.Done()
					_, errs[2*(3*i+n)] = db.AddIPENote(ctx, writers[i], "Et notat")
				}()
				go func() {
					defer wg.Done()
					_, errs[2*(3*i+n)+1] = db.AddIPENote(ctx, idle[i], "For tidlig")
				}()
			}
		}
		wg.Wait()
		for i, err := range errs {
			if i%2 == 0 {
				must(t, err)
			} else {
				wantCode(t, err, laeringsliv.EINVALID, "ipe.error.not_capturing")
			}
		}
		hat, err := db.FindIPEHat(ctx, open.ID)
		must(t, err)
		if hat.Notes != 60 || hat.Writers != 20 || !hat.Open {
			t.Fatalf("hat %+v, want 60 notes from 20 writers", hat)
		}
		hat, err = db.FindIPEHat(ctx, draft.ID)
		must(t, err)
		if hat.Notes != 0 || hat.Writers != 0 {
			t.Fatalf("draft hat %+v", hat)
		}
	})
}
