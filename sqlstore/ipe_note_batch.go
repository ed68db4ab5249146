package sqlstore

import (
	"context"
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
// Anonymity: the batch holds notes and writers side by side only in memory, for the length of
// one transaction. Notes are inserted in a shuffled order and writers are marked in another,
// sorted by id, so neither the statements nor the pages they touch follow who sent what, and
// nothing about a batch is logged.

// maxNoteBatch bounds one transaction, so that a burst is spread over a few commits rather
// than held in one long one.
const maxNoteBatch = 256

// noteRequest is one note waiting for a commit.
type noteRequest struct {
	ctx       context.Context
	sessionID int64
	text      string
	writer    int64 // participant to mark as having written; 0 for an oral note
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
func (db *DB) addIPENote(ctx context.Context, sessionID int64, text string, writer int64) (*laeringsliv.IPENote, error) {
	text, err := laeringsliv.CleanNote(text)
	if err != nil {
		return nil, err
	}
	req := &noteRequest{ctx: ctx, sessionID: sessionID, text: text, writer: writer, done: make(chan struct{})}
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
	err := db.update(ctx, "add ipe notes", func(tx *Tx) error {
		ok = ok[:0]
		sessions := map[int64]*laeringsliv.IPESession{}
		for _, r := range batch {
			s, found := sessions[r.sessionID]
			if !found {
				var err error
				if s, err = findIPESession(ctx, tx, r.sessionID); err != nil && laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
					return err
				}
				sessions[r.sessionID] = s
			}
			switch {
			case s == nil:
				r.err = notFound()
			case s.Phase != laeringsliv.IPEPhaseCapture:
				r.err = invalid("ipe.error.not_capturing")
			default:
				r.err = nil
				r.note = &laeringsliv.IPENote{ID: laeringsliv.NewNoteID(), SessionID: s.ID, Text: r.text, Phase: s.Phase}
				ok = append(ok, r)
			}
		}
		if err := insertNoteRows(ctx, tx, sessions, ok); err != nil {
			return err
		}
		return markWriters(ctx, tx, ok)
	})
	if err != nil {
		for _, r := range batch {
			r.note, r.err = nil, err
		}
	}
	return err
}

// insertNoteRows inserts notes with multi-row INSERTs of at most 100 rows.
func insertNoteRows(ctx context.Context, tx *Tx, sessions map[int64]*laeringsliv.IPESession, list []*noteRequest) error {
	for len(list) > 0 {
		chunk := list[:min(len(list), 100)]
		list = list[len(chunk):]
		var q strings.Builder
		q.WriteString(`INSERT INTO ipe_notes (id, institution_id, session_id, text, phase) VALUES `)
		args := make([]any, 0, 5*len(chunk))
		for i, r := range chunk {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("(")
			for j := range 5 {
				if j > 0 {
					q.WriteString(", ")
				}
				q.WriteString("$" + strconv.Itoa(5*i+j+1))
			}
			q.WriteString(")")
			n := r.note
			args = append(args, n.ID, sessions[n.SessionID].InstitutionID, n.SessionID, n.Text, n.Phase)
		}
		if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// markWriters sets the "has written" flag of the batch's writers, each once, in id order.
func markWriters(ctx context.Context, tx *Tx, list []*noteRequest) error {
	seen := map[int64]int64{} // writer → session
	for _, r := range list {
		if r.writer != 0 {
			seen[r.writer] = r.sessionID
		}
	}
	ids := make([]int64, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE ipe_participants SET wrote = $1 WHERE id = $2 AND session_id = $3
			AND wrote = $4`, true, id, seen[id], false); err != nil {
			return err
		}
	}
	return nil
}
