package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"laeringsliv"
)

// On PostgreSQL every statement is a round trip to another process, and on a busy machine a
// context switch each way, so a batch of notes is stored by one statement on its own (a
// statement is atomic by itself: no BEGIN and COMMIT), which checks that the sessions take
// notes, leaves out notes sent twice, counts the rest in their sessions and returns what the
// writers' marks need; and the marks by one statement a session. SQLite, in the process,
// keeps the plainer transaction of insertNotes.

// insertNotesPostgres stores a batch (shuffled by the caller) and answers each request's note
// or error, returning the notes stored with their sessions and writer keys.
func (db *DB) insertNotesPostgres(ctx context.Context, batch []*noteRequest) (ok []*noteRequest, sessions map[int64]*laeringsliv.IPESession, keys map[int64]string, err error) {
	sessions, keys = map[int64]*laeringsliv.IPESession{}, map[int64]string{}
	seen := map[string]*noteRequest{}
	var unique []*noteRequest
	ids := make([]string, len(batch))
	for i, r := range batch {
		id := laeringsliv.NewNoteID()
		if r.key != "" {
			id = laeringsliv.NoteKeyID(r.sessionID, r.key)
		}
		ids[i] = id
		r.note = &laeringsliv.IPENote{ID: id, SessionID: r.sessionID, Text: r.text, Phase: laeringsliv.IPEPhaseCapture}
		if seen[id] == nil { // a second copy in this batch is a repeat: answered with the first
			seen[id] = r
			unique = append(unique, r)
		}
	}
	stored := map[string]bool{}
	for rest := unique; len(rest) > 0; {
		chunk := rest[:min(len(rest), 100)]
		rest = rest[len(chunk):]
		if err := poolChunkPostgres(ctx, db.write, chunk, stored, sessions, keys); err != nil {
			return nil, nil, nil, err
		}
	}
	for _, r := range unique {
		if stored[r.note.ID] {
			r.err = nil
			ok = append(ok, r)
		} else if r.err, err = db.unstoredNote(ctx, r); err != nil {
			return nil, nil, nil, err
		}
	}
	for i, r := range batch { // a repeat within the batch is answered as its first copy
		if first := seen[ids[i]]; first != r {
			r.err = first.err
			if first.note == nil {
				r.note = nil
			}
		}
	}
	return ok, sessions, keys, nil
}

// poolChunkPostgres inserts up to a hundred notes into the pool of sessions open for writing
// and counts them, in one statement; it marks the ids stored and notes the sessions met.
func poolChunkPostgres(ctx context.Context, q querier, chunk []*noteRequest, stored map[string]bool,
	sessions map[int64]*laeringsliv.IPESession, keys map[int64]string) error {
	var values strings.Builder
	args := make([]any, 0, 3*len(chunk)+1)
	for i, r := range chunk {
		if i > 0 {
			values.WriteString(", ")
		}
		n := 3*i + 1
		values.WriteString("($" + strconv.Itoa(n) + "::text, $" + strconv.Itoa(n+1) + "::bigint, $" + strconv.Itoa(n+2) + "::text)")
		args = append(args, r.note.ID, r.sessionID, r.text)
	}
	args = append(args, string(laeringsliv.IPEPhaseCapture))
	rows, err := q.QueryContext(ctx, `WITH v (id, session_id, text) AS (VALUES `+values.String()+`),
		ins AS (
			INSERT INTO ipe_note_pool (id, institution_id, session_id, text, phase, redacted)
			SELECT v.id, s.institution_id, v.session_id, v.text, s.phase, FALSE
			FROM v JOIN ipe_sessions s ON s.id = v.session_id AND s.phase = $`+strconv.Itoa(len(args))+`
			ON CONFLICT (id) DO NOTHING RETURNING id, session_id),
		counted AS (
			UPDATE ipe_sessions SET hat_notes = hat_notes + c.n
			FROM (SELECT session_id, COUNT(*) AS n FROM ins GROUP BY session_id) c
			WHERE ipe_sessions.id = c.session_id)
		SELECT ins.id, ins.session_id, s.institution_id, s.writer_key
		FROM ins JOIN ipe_sessions s ON s.id = ins.session_id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, key string
		var s laeringsliv.IPESession
		if err := rows.Scan(&id, &s.ID, &s.InstitutionID, &key); err != nil {
			return err
		}
		stored[id] = true
		if sessions[s.ID] == nil {
			sessions[s.ID], keys[s.ID] = &s, key
		}
	}
	return rows.Err()
}

// unstoredNote says why a note was not stored: a note sent again under a key already stored
// is answered as stored (its first answer was lost); otherwise its session is gone or no
// longer takes notes.
func (db *DB) unstoredNote(ctx context.Context, r *noteRequest) (noteErr, err error) {
	if r.key != "" {
		if stored, err := noteStored(ctx, db.write, r.note.ID); err != nil || stored {
			return nil, err
		}
	}
	r.note = nil
	var phase string
	switch err := db.write.QueryRowContext(ctx, `SELECT phase FROM ipe_sessions WHERE id = $1`, r.sessionID).Scan(&phase); {
	case err == sql.ErrNoRows:
		return notFound(), nil
	case err != nil:
		return nil, err
	}
	return invalid("ipe.error.not_capturing"), nil
}

// insertWriterMarksPostgres stores the marks new to the session and adds them to its count
// in one statement on its own, whose commit does not wait for the disk (see updateLazy).
func insertWriterMarksPostgres(ctx context.Context, q querier, s *laeringsliv.IPESession, marks []string) error {
	values, args := markValues(s, marks)
	args = append(args, s.ID)
	_, err := q.ExecContext(ctx, `WITH lazy AS (SELECT set_config('synchronous_commit', 'off', true)),
		ins AS (INSERT INTO ipe_writers (institution_id, session_id, mark) VALUES `+values+`
			ON CONFLICT DO NOTHING RETURNING 1)
		UPDATE ipe_sessions SET hat_writers = hat_writers + (SELECT COUNT(*) FROM ins)
		WHERE id = $`+strconv.Itoa(len(args))+` AND EXISTS (SELECT 1 FROM lazy) AND EXISTS (SELECT 1 FROM ins)`, args...)
	return err
}
