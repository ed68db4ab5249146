package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// Members of a group draw in the order they joined; someone else's draw is refused; a pass
// moves the turn on once however many members tap it; every screen sees whose turn it is.
func TestIPETurnOrder(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		s := &laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva?"}
		must(t, db.CreateIPESession(ctx, s, []string{"Gruppe 1"}, nil))
		var m []*laeringsliv.IPEParticipant
		for range 3 {
			p, pToken, err := db.JoinIPE(ctx, s.ID, 0)
			must(t, err)
			p.Token = pToken
			m = append(m, p)
		}
		advance(t, db, s)
		for i, p := range m {
			for range 2 {
				_, err := db.AddIPENote(ctx, p, "Notat "+string(rune('a'+i)))
				must(t, err)
			}
		}
		_, err := db.DrawIPETurn(ctx, m[0])
		wantCode(t, err, laeringsliv.EINVALID, "ipe.error.not_drawing")
		advance(t, db, s)

		turn := func(want int) {
			t.Helper()
			turns, err := db.FindIPETurns(ctx, s.ID, m[1])
			must(t, err)
			if got := turns[m[1].GroupID]; got.Current != want || got.Seat != 2 || got.Members != 3 {
				t.Fatalf("turn %+v, want seat %d", got, want)
			}
		}
		turn(1)
		_, err = db.DrawIPETurn(ctx, m[1])
		wantCode(t, err, laeringsliv.EINVALID, "ipe.error.not_your_turn")
		d, err := db.DrawIPETurn(ctx, m[0])
		must(t, err)
		if d.Turn != 1 || d.GroupID != m[0].GroupID {
			t.Fatalf("draw %+v", d)
		}
		turn(2)
		// Seat 2 is away: two members pass at once; the turn moves one step.
		must(t, db.PassIPETurn(ctx, m[0], 2))
		wantCode(t, db.PassIPETurn(ctx, m[2], 2), laeringsliv.ECONFLICT, "ipe.error.turn_changed")
		turn(3)
		_, err = db.DrawIPETurn(ctx, m[2])
		must(t, err)
		turn(1) // round again
		events, err := db.FindIPEEvents(ctx, s.ID, 0, 100)
		must(t, err)
		kinds := map[string]int{}
		for _, e := range events {
			kinds[e.Kind]++
		}
		if kinds[laeringsliv.IPEEventTurn] != 1 || kinds[laeringsliv.IPEEventDraw] != 2 {
			t.Fatalf("events %v", kinds)
		}
	})
}
