package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// The hat's counts kept with the session equal a count of the rows they stand for.
func TestIPEHatCountsMatchRows(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		s := newIPESession(t, db, newOrg(t, db))
		advance(t, db, s)
		var people []*laeringsliv.IPEParticipant
		for range 4 {
			p, token, err := db.JoinIPE(ctx, s.ID, 0)
			must(t, err)
			p.Token = token
			people = append(people, p)
		}
		_, _, err := db.JoinIPE(ctx, s.ID, laeringsliv.IPEObserver)
		must(t, err)
		for i, p := range people[:3] {
			for range i + 1 {
				_, err := db.AddIPENote(ctx, p, "Vi bør ha faste overlappingsmøter.")
				must(t, err)
			}
		}
		hat, err := db.FindIPEHat(ctx, s.ID)
		must(t, err)
		_, read := db.Pools()
		var want laeringsliv.IPEHat
		must(t, read.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM ipe_notes WHERE session_id = $1) + (SELECT COUNT(*) FROM ipe_note_pool WHERE session_id = $1),
			(SELECT COUNT(*) FROM ipe_writers WHERE session_id = $1),
			(SELECT COUNT(*) FROM ipe_participants WHERE session_id = $1 AND group_id IS NOT NULL)`, s.ID).
			Scan(&want.Notes, &want.Writers, &want.Participants))
		if hat.Notes != want.Notes || hat.Writers != want.Writers || hat.Participants != want.Participants ||
			want.Notes != 6 || want.Writers != 3 || want.Participants != 4 {
			t.Errorf("hat %+v, rows say %+v (want 6 notes, 3 writers, 4 participants)", hat, want)
		}
	})
}
