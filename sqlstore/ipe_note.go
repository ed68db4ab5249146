package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"strings"

	"laeringsliv"
)

// FindIPEParticipant returns the participant with a token hash, or ENOTFOUND.
func (db *DB) FindIPEParticipant(ctx context.Context, tokenHash string) (*laeringsliv.IPEParticipant, error) {
	p, _, err := db.FindIPEParticipantSession(ctx, tokenHash)
	return p, err
}

// participantWithSession reads a participant and its session in one statement.
var participantWithSession = `SELECT p.id, p.session_id, p.group_id, p.token_hash, p.spent, ` +
	qualified("s", ipeSessionColumns) + `
	FROM ipe_participants p JOIN ipe_sessions s ON s.id = p.session_id WHERE p.token_hash = $1`

// FindIPEParticipantSession returns the participant with a token hash and its session, in
// one read, or ENOTFOUND: every request of a participant's phone needs both.
func (db *DB) FindIPEParticipantSession(ctx context.Context, tokenHash string) (p *laeringsliv.IPEParticipant, s *laeringsliv.IPESession, err error) {
	err = db.viewOne(ctx, "find ipe participant", func(tx *Tx) error {
		p = &laeringsliv.IPEParticipant{}
		var group sql.NullInt64
		s, err = scanOne(tx.QueryRowHot(ctx, participantWithSession, tokenHash), func(sc scanner) (*laeringsliv.IPESession, error) {
			return scanIPESession(withColumns{sc, []any{&p.ID, &p.SessionID, &group, &p.TokenHash, &p.Spent}, nil})
		})
		p.GroupID = group.Int64
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return p, s, nil
}

// withColumns scans a row's leading columns into lead and its trailing ones into extra,
// around the ones its caller asks for: a scan function of one table reads a joined row.
type withColumns struct {
	scanner
	lead, extra []any
}

func (w withColumns) Scan(dest ...any) error {
	all := append(append(append([]any(nil), w.lead...), dest...), w.extra...)
	return w.scanner.Scan(all...)
}

// qualified prefixes each of a comma-separated list of columns with a table's alias.
func qualified(alias, columns string) string {
	list := strings.Split(columns, ",")
	for i, c := range list {
		list[i] = alias + "." + strings.TrimSpace(c)
	}
	return strings.Join(list, ", ")
}

// AddIPENote puts a note into the hat and counts its writer by the mark of p.Token. The note
// and the mark are written in separate transactions and share nothing but the session: see
// laeringsliv.IPENote.
func (db *DB) AddIPENote(ctx context.Context, p *laeringsliv.IPEParticipant, text string) (*laeringsliv.IPENote, error) {
	if p.Token == "" || laeringsliv.HashToken(p.Token) != p.TokenHash {
		return nil, laeringsliv.Errorf(laeringsliv.EUNAUTHORIZED, "ipe.error.token_required")
	}
	return db.addIPENote(ctx, p.SessionID, text, p.Token, "")
}

// AddIPENoteOnce is AddIPENote with the phone's idempotency key: the note's id comes from the
// key (laeringsliv.NoteKeyID), and a key already stored in the session stores nothing more.
func (db *DB) AddIPENoteOnce(ctx context.Context, p *laeringsliv.IPEParticipant, text, key string) (*laeringsliv.IPENote, error) {
	if p.Token == "" || laeringsliv.HashToken(p.Token) != p.TokenHash {
		return nil, laeringsliv.Errorf(laeringsliv.EUNAUTHORIZED, "ipe.error.token_required")
	}
	if !laeringsliv.ValidNoteKey(key) {
		return nil, laeringsliv.FieldError("key", "ipe.error.key_invalid")
	}
	return db.addIPENote(ctx, p.SessionID, text, p.Token, key)
}

// AddIPEOralNote puts a note the facilitator typed into the hat; it counts no writer.
func (db *DB) AddIPEOralNote(ctx context.Context, sessionID int64, text string) (*laeringsliv.IPENote, error) {
	return db.addIPENote(ctx, sessionID, text, "", "")
}

const hatByID = `SELECT k, hat_notes, hat_writers, hat_participants FROM ipe_sessions WHERE id = $1`

// FindIPEHat returns how many notes and distinct writers the hat holds, in one query: the
// live feed reads it after every change.
func (db *DB) FindIPEHat(ctx context.Context, sessionID int64) (h laeringsliv.IPEHat, err error) {
	err = db.viewOne(ctx, "find ipe hat", func(tx *Tx) error {
		h, err = findIPEHat(ctx, tx, sessionID)
		return err
	})
	return h, err
}

func findIPEHat(ctx context.Context, tx *Tx, sessionID int64) (h laeringsliv.IPEHat, err error) {
	var k int
	err = tx.QueryRowHot(ctx, hatByID, sessionID).Scan(&k, &h.Notes, &h.Writers, &h.Participants)
	if errors.Is(err, sql.ErrNoRows) {
		return h, notFound()
	}
	h.Open = h.Writers >= k
	return h, err
}

// FindIPENotes returns the session's notes, shuffled, with their votes.
func (db *DB) FindIPENotes(ctx context.Context, sessionID int64) (list []*laeringsliv.IPENote, err error) {
	err = db.view(ctx, "find ipe notes", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT n.id, n.session_id, n.text, n.phase, n.redacted,
				COALESCE(d.votes, 0)
			FROM ipe_notes n LEFT JOIN ipe_draws d ON d.note_id = n.id WHERE n.session_id = $1
			UNION ALL
			SELECT id, session_id, text, phase, redacted, 0 FROM ipe_note_pool WHERE session_id = $1`, sessionID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(s scanner) (*laeringsliv.IPENote, error) {
			var n laeringsliv.IPENote
			return &n, s.Scan(&n.ID, &n.SessionID, &n.Text, &n.Phase, &n.Redacted, &n.Votes)
		})
		return err
	})
	rand.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
	return list, err
}

// RedactIPENote replaces a note's text with the facilitator's redacted version, wherever the
// note waits (the holding pool or the hat). The original is not kept: the row is rewritten,
// events name the note by id only, and the files are scrubbed after the commit.
func (db *DB) RedactIPENote(ctx context.Context, sessionID int64, noteID, text string) (err error) {
	if text, err = laeringsliv.CleanNote(text); err != nil {
		return err
	}
	var table string
	err = db.update(ctx, "redact ipe note", func(tx *Tx) error {
		s, err := findIPESession(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		if table, err = redactIn(ctx, tx, sessionID, noteID, text); err != nil {
			return err
		}
		// Only a drawn note's text is on screens; an undrawn one must stay in the hat.
		var drawn int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM ipe_draws WHERE note_id = $1`, noteID).Scan(&drawn); err != nil || drawn == 0 {
			return err
		}
		return appendIPEEvent(ctx, tx, s, laeringsliv.IPEEventRedacted, laeringsliv.IPERedactedEvent{Note: noteID})
	})
	if err == nil {
		db.scrub(ctx, table)
	}
	return err
}

// redactIn rewrites the note in whichever table holds it and returns that table's name.
func redactIn(ctx context.Context, tx *Tx, sessionID int64, noteID, text string) (string, error) {
	for _, table := range []string{"ipe_notes", "ipe_note_pool"} {
		res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET text = $1, redacted = $2 WHERE id = $3 AND session_id = $4`,
			text, true, noteID, sessionID)
		if err != nil {
			return "", err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return table, err
		}
	}
	return "", notFound()
}
