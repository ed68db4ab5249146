package sqlstore

import (
	"context"

	"laeringsliv"
)

// groupSeats returns a group's members in seat order (the order they joined) and the seat
// whose turn it is: (draws + passes) mod members, counted from 1.
func groupSeats(ctx context.Context, tx *Tx, sessionID, groupID int64) (members []int64, current int, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM ipe_participants WHERE session_id = $1 AND group_id = $2
		ORDER BY id`, sessionID, groupID)
	if err != nil {
		return nil, 0, err
	}
	ids, err := scanAll(rows, func(s scanner) (*int64, error) {
		var id int64
		return &id, s.Scan(&id)
	})
	for _, id := range ids {
		members = append(members, *id)
	}
	if err != nil || len(members) == 0 {
		return members, 0, err
	}
	var moves int
	err = tx.QueryRowContext(ctx, `SELECT g.passes + (SELECT COUNT(*) FROM ipe_draws d WHERE d.group_id = g.id)
		FROM ipe_groups g WHERE g.id = $1 AND g.session_id = $2`, groupID, sessionID).Scan(&moves)
	return members, moves%len(members) + 1, err
}

// turnOf checks that the session is drawing and returns p's seat and the current one.
func turnOf(ctx context.Context, tx *Tx, p *laeringsliv.IPEParticipant) (*laeringsliv.IPESession, int, int, error) {
	s, err := findIPESession(ctx, tx, p.SessionID)
	if err != nil {
		return nil, 0, 0, err
	}
	if s.Phase != laeringsliv.IPEPhaseDraw {
		return nil, 0, 0, invalid("ipe.error.not_drawing")
	}
	members, current, err := groupSeats(ctx, tx, s.ID, p.GroupID)
	seat := 0
	for i, id := range members {
		if id == p.ID {
			seat = i + 1
		}
	}
	return s, seat, current, err
}

// DrawIPETurn draws for p's group when it is p's turn.
func (db *DB) DrawIPETurn(ctx context.Context, p *laeringsliv.IPEParticipant) (d *laeringsliv.IPEDraw, err error) {
	err = db.update(ctx, "draw ipe turn", func(tx *Tx) error {
		s, seat, current, err := turnOf(ctx, tx, p)
		if err != nil {
			return err
		}
		if seat == 0 || seat != current {
			return invalid("ipe.error.not_your_turn")
		}
		d, err = drawIPENote(ctx, tx, s, p.GroupID)
		return err
	})
	return d, err
}

// PassIPETurn moves p's group on from seat without a draw.
func (db *DB) PassIPETurn(ctx context.Context, p *laeringsliv.IPEParticipant, seat int) error {
	return db.update(ctx, "pass ipe turn", func(tx *Tx) error {
		s, mine, current, err := turnOf(ctx, tx, p)
		if err != nil {
			return err
		}
		if mine == 0 || current != seat {
			return conflict("ipe.error.turn_changed")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE ipe_groups SET passes = passes + 1 WHERE id = $1 AND session_id = $2`,
			p.GroupID, s.ID); err != nil {
			return err
		}
		return appendIPEEvent(ctx, tx, s, laeringsliv.IPEEventTurn, laeringsliv.IPETurnEvent{Group: p.GroupID, Seat: seat})
	})
}

// FindIPETurns returns every group's turn; the caller's seat is set in its own group.
func (db *DB) FindIPETurns(ctx context.Context, sessionID int64, p *laeringsliv.IPEParticipant) (turns map[int64]laeringsliv.IPETurn, err error) {
	err = db.view(ctx, "find ipe turns", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT g.id, g.passes + (SELECT COUNT(*) FROM ipe_draws d WHERE d.group_id = g.id)
			FROM ipe_groups g WHERE g.session_id = $1`, sessionID)
		if err != nil {
			return err
		}
		type gm struct{ id, moves int64 }
		groups, err := scanAll(rows, func(s scanner) (*gm, error) {
			var g gm
			return &g, s.Scan(&g.id, &g.moves)
		})
		if err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, `SELECT id, group_id FROM ipe_participants WHERE session_id = $1
			AND group_id IS NOT NULL ORDER BY id`, sessionID)
		if err != nil {
			return err
		}
		members, err := scanAll(rows, func(s scanner) (*[2]int64, error) {
			var m [2]int64
			return &m, s.Scan(&m[0], &m[1])
		})
		if err != nil {
			return err
		}
		turns = map[int64]laeringsliv.IPETurn{}
		for _, m := range members {
			t := turns[m[1]]
			t.Members++
			if p != nil && m[0] == p.ID {
				t.Seat = t.Members
			}
			turns[m[1]] = t
		}
		for _, g := range groups {
			t := turns[g.id]
			if t.Members > 0 {
				t.Current = int(g.moves%int64(t.Members)) + 1
			}
			turns[g.id] = t
		}
		return nil
	})
	return turns, err
}
