package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"laeringsliv"
)

// DrawIPENote draws an undrawn note of the session at random for a group, without replacement
// across the whole hat.
func (db *DB) DrawIPENote(ctx context.Context, sessionID, groupID int64) (d *laeringsliv.IPEDraw, err error) {
	err = db.update(ctx, "draw ipe note", func(tx *Tx) error {
		s, err := findIPESession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		d, err = drawIPENote(ctx, tx, s, groupID)
		return err
	})
	return d, err
}

func drawIPENote(ctx context.Context, tx *Tx, s *laeringsliv.IPESession, groupID int64) (*laeringsliv.IPEDraw, error) {
	if s.Phase != laeringsliv.IPEPhaseDraw {
		return nil, invalid("ipe.error.not_drawing")
	}
	d := &laeringsliv.IPEDraw{SessionID: s.ID, GroupID: groupID}
	// Ordering by the random id from a random starting point picks uniformly enough and
	// needs no RANDOM() (whose name differs between engines).
	start := laeringsliv.NewNoteID()
	q := `SELECT id, text FROM ipe_notes n WHERE session_id = $1 AND id %s $2
		AND NOT EXISTS (SELECT 1 FROM ipe_draws d WHERE d.note_id = n.id) ORDER BY id %s LIMIT 1`
	err := tx.QueryRowContext(ctx, fmt.Sprintf(q, ">=", "ASC"), s.ID, start).Scan(&d.NoteID, &d.Text)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.QueryRowContext(ctx, fmt.Sprintf(q, "<", "DESC"), s.ID, start).Scan(&d.NoteID, &d.Text)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, invalid("ipe.error.hat_empty")
	} else if err != nil {
		return nil, err
	}
	err = tx.QueryRowContext(ctx, `SELECT COUNT(*) + 1 FROM ipe_draws WHERE group_id = $1 AND session_id = $2`,
		groupID, s.ID).Scan(&d.Turn)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO ipe_draws (institution_id, session_id, note_id, group_id, turn)
		VALUES ($1, $2, $3, $4, $5)`, s.InstitutionID, s.ID, d.NoteID, groupID, d.Turn); err != nil {
		return nil, err
	}
	return d, appendIPEEvent(ctx, tx, s, laeringsliv.IPEEventDraw,
		laeringsliv.IPEDrawEvent{Group: groupID, Turn: d.Turn, Note: d.NoteID})
}

// ReflectIPE records a group's reflection on a note it drew.
func (db *DB) ReflectIPE(ctx context.Context, sessionID, groupID int64, noteID, text string) (err error) {
	if text, err = laeringsliv.CleanReflection(text); err != nil {
		return err
	}
	return db.update(ctx, "reflect ipe", func(tx *Tx) error {
		s, err := findIPESession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		if err := execOne(ctx, tx, `UPDATE ipe_draws SET reflection = $1 WHERE note_id = $2 AND group_id = $3
			AND session_id = $4`, text, noteID, groupID, sessionID); err != nil {
			return err
		}
		return appendIPEEvent(ctx, tx, s, laeringsliv.IPEEventReflection,
			laeringsliv.IPEReflectionEvent{Group: groupID, Note: noteID, Text: text})
	})
}

// VoteIPE spends one of the participant's dot votes on a note drawn by their group. The vote
// adds to the note's count and to the participant's spent votes, in two places that share no
// key, so a vote is final and nobody's votes can be listed. No event is stored: counts stay
// hidden until voting closes.
func (db *DB) VoteIPE(ctx context.Context, p *laeringsliv.IPEParticipant, noteID string) error {
	return db.update(ctx, "vote ipe", func(tx *Tx) error {
		s, err := findIPESession(ctx, tx, p.SessionID)
		if err != nil {
			return err
		}
		if s.Phase != laeringsliv.IPEPhaseVote {
			return invalid("ipe.error.not_voting")
		}
		res, err := tx.ExecContext(ctx, `UPDATE ipe_participants SET spent = spent + 1
			WHERE id = $1 AND spent < $2`, p.ID, s.VoteBudget)
		if err != nil {
			return err
		} else if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return invalid("ipe.error.budget_spent")
		}
		if err := execOne(ctx, tx, `UPDATE ipe_draws SET votes = votes + 1 WHERE note_id = $1 AND group_id = $2
			AND session_id = $3`, noteID, p.GroupID, s.ID); err != nil {
			return err
		}
		p.Spent++
		return nil
	})
}

// FindIPEDraws returns every group's draws, each group's ranked by votes, then by turn.
func (db *DB) FindIPEDraws(ctx context.Context, sessionID int64) (list []*laeringsliv.IPEDraw, err error) {
	err = db.view(ctx, "find ipe draws", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT d.session_id, d.group_id, d.turn, d.note_id, n.text,
				d.reflection, d.votes
			FROM ipe_draws d JOIN ipe_notes n ON n.id = d.note_id JOIN ipe_groups g ON g.id = d.group_id
			WHERE d.session_id = $1 ORDER BY g.position, d.votes DESC, d.turn`, sessionID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(s scanner) (*laeringsliv.IPEDraw, error) {
			var d laeringsliv.IPEDraw
			return &d, s.Scan(&d.SessionID, &d.GroupID, &d.Turn, &d.NoteID, &d.Text, &d.Reflection, &d.Votes)
		})
		return err
	})
	return list, err
}
