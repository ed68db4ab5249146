package sqlstore

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"

	"laeringsliv"
)

// Group commit of notes. A staff room writes in bursts, and a durable commit costs one
// flush to disk (SQLite) or one WAL flush and round trip (PostgreSQL) however small it is. So
// notes that arrive while a commit is under way wait for it, then go into the database
// together in one transaction; each caller is answered only after that transaction commits,
// so an acknowledged note is as durable as before. The first note after a quiet spell is
// committed at once: batching adds no delay of its own.
//
// Anonymity: the batch holds notes and writers side by side only in memory. Notes go into the
// session's holding pool in a shuffled order in one transaction; the writers' marks (keyed
// hashes of their tokens, see laeringsliv.WriterMark) follow in a transaction of their own,
// sorted by mark, so no transaction holds a note together with anything about its writer, and
// nothing about a batch is logged. The pool moves to the hat in random order when writing ends
// (flushNotePool).

// maxNoteBatch bounds one transaction, so that a burst is spread over a few commits rather
// than held in one long one.
const maxNoteBatch = 256

// noteRequest is one note waiting for a commit.
type noteRequest struct {
	ctx       context.Context
	sessionID int64
	text      string
	token     string // the writer's token, to count them by its mark; "" for an oral note
	key       string // the phone's idempotency key, or ""
	note      *laeringsliv.IPENote
	err       error
	done      chan struct{}
}

// noteQueue gathers notes for the next commit. Its zero value is ready; a goroutine runs
// only while notes wait.
type noteQueue struct {
	mu      sync.Mutex
	pending []*noteRequest
	running bool
}

// addIPENote queues a note and waits for the commit that holds it.
func (db *DB) addIPENote(ctx context.Context, sessionID int64, text, token, key string) (*laeringsliv.IPENote, error) {
	text, err := laeringsliv.CleanNote(text)
	if err != nil {
		return nil, err
	}
	req := &noteRequest{ctx: ctx, sessionID: sessionID, text: text, token: token, key: key, done: make(chan struct{})}
	q := &db.notes
	q.mu.Lock()
	q.pending = append(q.pending, req)
	if !q.running {
		q.running = true
		go db.commitNotes()
	}
	q.mu.Unlock()
	select {
	case <-req.done:
		return req.note, req.err
	case <-ctx.Done():
		// The note may still be committed, as when a connection drops after a commit.
		return nil, ctx.Err()
	}
}

// commitNotes commits waiting notes, a batch at a time, until none wait.
func (db *DB) commitNotes() {
	q := &db.notes
	for {
		q.mu.Lock()
		n := min(len(q.pending), maxNoteBatch)
		if n == 0 {
			q.running = false
			q.mu.Unlock()
			return
		}
		batch := append([]*noteRequest(nil), q.pending[:n]...)
		q.pending = append(q.pending[:0], q.pending[n:]...)
		q.mu.Unlock()

		live := batch[:0]
		for _, r := range batch {
			if r.ctx.Err() != nil {
				r.err = r.ctx.Err()
				close(r.done)
			} else {
				live = append(live, r)
			}
		}
		if len(live) == 0 {
			continue
		}
		if err := db.insertNotes(live); err != nil && len(live) > 1 {
			// A failure of the shared transaction must not fail notes that would have been
			// stored alone: try each on its own.
			for _, r := range live {
				r.err = nil
				_ = db.insertNotes([]*noteRequest{r})
			}
		}
		for _, r := range live {
			close(r.done)
		}
	}
}

// insertNotes stores a batch in one transaction. A note whose session does not take notes
// gets its own error; a database error fails the whole batch, and every request holds it.
func (db *DB) insertNotes(batch []*noteRequest) error {
	rand.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
	ctx := context.Background() // one caller leaving must not abort the others' notes
	var ok []*noteRequest
	var sessions map[int64]*laeringsliv.IPESession
	var keys map[int64]string // the sessions' writer keys, for the marks
	if db.dialect.name == "postgres" {
		var err error
		if ok, sessions, keys, err = db.insertNotesPostgres(ctx, batch); err != nil {
			for _, r := range batch {
				r.note, r.err = nil, wrap("add ipe notes", err)
			}
			return err
		}
		db.markWriters(ctx, sessions, keys, ok)
		return nil
	}
	err := db.update(ctx, "add ipe notes", func(tx *Tx) error {
		ok = ok[:0]
		sessions, keys = map[int64]*laeringsliv.IPESession{}, map[int64]string{}
		for _, r := range batch {
			s, found := sessions[r.sessionID]
			if !found {
				var key string
				var err error
				if s, key, err = findIPESessionForNotes(ctx, tx, r.sessionID); err != nil && laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
					return err
				}
				sessions[r.sessionID], keys[r.sessionID] = s, key
			}
			switch {
			case s == nil:
				r.err = notFound()
			case s.Phase != laeringsliv.IPEPhaseCapture:
				r.err = invalid("ipe.error.not_capturing")
				if r.key != "" { // sent before writing closed, and its answer lost: stored
					id := laeringsliv.NoteKeyID(s.ID, r.key)
					if stored, err := noteStored(ctx, tx, id); err != nil {
						return err
					} else if stored {
						r.err, r.note = nil, &laeringsliv.IPENote{ID: id, SessionID: s.ID, Text: r.text, Phase: s.Phase}
					}
				}
			default:
				r.err = nil
				id := laeringsliv.NewNoteID()
				if r.key != "" {
					id = laeringsliv.NoteKeyID(s.ID, r.key)
				}
				r.note = &laeringsliv.IPENote{ID: id, SessionID: s.ID, Text: r.text, Phase: s.Phase}
				ok = append(ok, r)
			}
		}
		var err error
		ok, err = db.poolNotes(ctx, tx, sessions, ok)
		return err
	})
	if err != nil {
		for _, r := range batch {
			r.note, r.err = nil, err
		}
		return err
	}
	db.markWriters(ctx, sessions, keys, ok)
	return nil
}

const sessionForNotes = `SELECT ` + ipeSessionColumns + `, writer_key FROM ipe_sessions WHERE id = $1`

// findIPESessionForNotes is findIPESession with the session's writer key, read in the same
// round trip.
func findIPESessionForNotes(ctx context.Context, tx *Tx, id int64) (s *laeringsliv.IPESession, key string, err error) {
	s, err = scanOne(tx.QueryRowHot(ctx, sessionForNotes, id),
		func(sc scanner) (*laeringsliv.IPESession, error) {
			return scanIPESession(withColumns{sc, nil, []any{&key}})
		})
	return s, key, err
}

// poolNotes puts notes into the holding pool and counts them in their sessions, leaving out
// repeats (see dropRepeats); it returns the notes stored.
func (db *DB) poolNotes(ctx context.Context, tx *Tx, sessions map[int64]*laeringsliv.IPESession, list []*noteRequest) ([]*noteRequest, error) {
	list, err := dropRepeats(ctx, tx, list)
	if err != nil {
		return nil, err
	}
	if err := insertNoteRows(ctx, tx, "ipe_note_pool", sessions, list); err != nil {
		return nil, err
	}
	return list, countHatNotes(ctx, tx, list)
}

// dropRepeats takes out of list the notes sent again under a key already stored, or twice in
// this batch: they are answered as stored and neither stored nor counted again (the writer's
// mark is idempotent anyway). The notes in list belong to sessions open for writing, whose
// notes are all still in the holding pool, so one look at the pool serves the whole batch.
func dropRepeats(ctx context.Context, tx *Tx, list []*noteRequest) ([]*noteRequest, error) {
	var ids []any
	var in strings.Builder
	seen := map[string]bool{}
	for _, r := range list {
		if r.key != "" && !seen[r.note.ID] {
			seen[r.note.ID] = true
			ids = append(ids, r.note.ID)
			if in.Len() > 0 {
				in.WriteString(", ")
			}
			in.WriteString("$" + strconv.Itoa(len(ids)))
		}
	}
	if len(ids) == 0 {
		return list, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM ipe_note_pool WHERE id IN (`+in.String()+`)`, ids...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	stored := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		stored[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := list[:0:0]
	for _, r := range list {
		if r.key == "" {
			out = append(out, r)
		} else if !stored[r.note.ID] {
			stored[r.note.ID] = true // a second copy in this batch is a repeat too
			out = append(out, r)
		}
	}
	return out, nil
}

// noteStored reports whether a note with id is in the holding pool or the hat.
func noteStored(ctx context.Context, q querier, id string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM ipe_note_pool WHERE id = $1) + (SELECT COUNT(*) FROM ipe_notes WHERE id = $1)`, id).Scan(&n)
	return n > 0, err
}

// countHatNotes adds a batch's notes to their sessions' counts.
func countHatNotes(ctx context.Context, tx *Tx, list []*noteRequest) error {
	per := map[int64]int{}
	for _, r := range list {
		per[r.sessionID]++
	}
	for sid, n := range per {
		if _, err := tx.ExecContext(ctx, `UPDATE ipe_sessions SET hat_notes = hat_notes + $1 WHERE id = $2`,
			n, sid); err != nil {
			return err
		}
	}
	return nil
}

// insertNoteRows inserts notes into table (the pool or the hat) with multi-row INSERTs of at
// most 100 rows.
func insertNoteRows(ctx context.Context, tx *Tx, table string, sessions map[int64]*laeringsliv.IPESession, list []*noteRequest) error {
	for len(list) > 0 {
		chunk := list[:min(len(list), 100)]
		list = list[len(chunk):]
		values, args := noteValues(sessions, chunk)
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (id, institution_id, session_id, text, phase, redacted) VALUES `+values, args...); err != nil {
			return err
		}
	}
	return nil
}

// noteValues returns the VALUES rows of an insert of notes and their arguments.
func noteValues(sessions map[int64]*laeringsliv.IPESession, list []*noteRequest) (string, []any) {
	var q strings.Builder
	args := make([]any, 0, 6*len(list))
	for i, r := range list {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(placeholders(6*i+1, 6))
		n := r.note
		args = append(args, n.ID, sessions[n.SessionID].InstitutionID, n.SessionID, n.Text, n.Phase, n.Redacted)
	}
	return q.String(), args
}

// placeholders returns "($first, …, $first+n-1)".
func placeholders(first, n int) string {
	var b strings.Builder
	b.WriteString("(")
	for j := range n {
		if j > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(first+j))
	}
	b.WriteString(")")
	return b.String()
}

// markWriters counts the batch's writers in a transaction of its own, after their notes have
// committed: each writer's mark once, in the order of the marks. The commit does not wait
// for the disk (updateLazy): the note's own commit did. The notes are acknowledged
// whatever happens here; a mark that fails is retried once and otherwise logged (with no
// content), and the writer's next note marks them again.
func (db *DB) markWriters(ctx context.Context, sessions map[int64]*laeringsliv.IPESession, keys map[int64]string, list []*noteRequest) {
	marks := map[int64][]string{} // session → its writers' marks
	for _, r := range list {
		if r.token != "" {
			marks[r.sessionID] = append(marks[r.sessionID], laeringsliv.WriterMark(keys[r.sessionID], r.token))
		}
	}
	if len(marks) == 0 {
		return
	}
	ctx = context.WithoutCancel(ctx)
	for _, list := range marks {
		slices.Sort(list)
	}
	var err error
	for range 2 {
		if err = db.storeMarks(ctx, sessions, marks); err == nil {
			return
		}
	}
	slog.Warn("count ipe writers", "err", err.Error())
}

// storeMarks stores the marks of each session: on PostgreSQL a statement a session, on SQLite
// one transaction.
func (db *DB) storeMarks(ctx context.Context, sessions map[int64]*laeringsliv.IPESession, marks map[int64][]string) error {
	if db.dialect.name == "postgres" {
		for sid, list := range marks {
			if err := insertWriterMarksPostgres(ctx, db.write, sessions[sid], slices.Compact(list)); err != nil {
				return wrap("count ipe writers", err)
			}
		}
		return nil
	}
	return db.updateLazy(ctx, "count ipe writers", func(tx *Tx) error {
		for sid, list := range marks {
			if err := insertWriterMarks(ctx, tx, sessions[sid], slices.Compact(list)); err != nil {
				return err
			}
		}
		return nil
	})
}

// insertWriterMarks stores the marks new to the session and adds them to its count (SQLite;
// see insertWriterMarksPostgres).
func insertWriterMarks(ctx context.Context, tx *Tx, s *laeringsliv.IPESession, marks []string) error {
	values, args := markValues(s, marks)
	res, err := tx.ExecContext(ctx, `INSERT INTO ipe_writers (institution_id, session_id, mark) VALUES `+
		values+` ON CONFLICT DO NOTHING`, args...)
	if err != nil {
		return err
	}
	added, err := res.RowsAffected()
	if err != nil || added == 0 {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE ipe_sessions SET hat_writers = hat_writers + $1 WHERE id = $2`, added, s.ID)
	return err
}

// markValues returns the VALUES rows of an insert of a session's writer marks and their
// arguments.
func markValues(s *laeringsliv.IPESession, marks []string) (string, []any) {
	var values strings.Builder
	args := make([]any, 0, 3*len(marks)+1)
	for i, m := range marks {
		if i > 0 {
			values.WriteString(", ")
		}
		values.WriteString(placeholders(3*i+1, 3))
		args = append(args, s.InstitutionID, s.ID, m)
	}
	return values.String(), args
}

// flushNotePool moves the session's waiting notes into the hat in random order, in the
// caller's transaction, and deletes them from the pool; the caller scrubs the pool after the
// commit.
func flushNotePool(ctx context.Context, tx *Tx, s *laeringsliv.IPESession) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, text, phase, redacted FROM ipe_note_pool WHERE session_id = $1`, s.ID)
	if err != nil {
		return err
	}
	list, err := scanAll(rows, func(sc scanner) (*noteRequest, error) {
		n := &laeringsliv.IPENote{SessionID: s.ID}
		return &noteRequest{sessionID: s.ID, note: n}, sc.Scan(&n.ID, &n.Text, &n.Phase, &n.Redacted)
	})
	if err != nil || len(list) == 0 {
		return err
	}
	rand.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
	if err := insertNoteRows(ctx, tx, "ipe_notes", map[int64]*laeringsliv.IPESession{s.ID: s}, list); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM ipe_note_pool WHERE session_id = $1`, s.ID)
	return err
}
