package sqlstore

import (
	"context"
	"sync"

	"laeringsliv"
)

// Group commit of joins. When a staff room scans the code at once, hundreds of phones join
// within a second; a transaction each would cost a flush to disk each and count the groups'
// members each time. Joins that arrive while a commit is under way wait for it and go in
// together: one transaction, one flush, the members of each session's groups counted once
// and then kept in memory while the batch places its joiners. As with notes, each caller is
// answered only after the commit, and the first join after a quiet spell goes at once.

// maxJoinBatch bounds one transaction.
const maxJoinBatch = 256

type joinRequest struct {
	ctx       context.Context
	sessionID int64
	groupID   int64 // 0: the emptiest group; laeringsliv.IPEObserver: no group
	tokenHash string
	p         *laeringsliv.IPEParticipant
	err       error
	done      chan struct{}
}

type joinQueue struct {
	mu      sync.Mutex
	pending []*joinRequest
	running bool
}

// JoinIPE adds an anonymous participant to a session that is not closed: to groupID if given,
// else to the group with fewest members. laeringsliv.IPEObserver joins a screen (console,
// projector) in no group. Nothing about who joined is stored: a signed-in person is placed in
// their group by the page that shows it to them, which passes it as groupID.
func (db *DB) JoinIPE(ctx context.Context, sessionID, groupID int64) (*laeringsliv.IPEParticipant, string, error) {
	token := laeringsliv.NewToken()
	req := &joinRequest{ctx: ctx, sessionID: sessionID, groupID: groupID, tokenHash: laeringsliv.HashToken(token),
		done: make(chan struct{})}
	q := &db.joins
	q.mu.Lock()
	q.pending = append(q.pending, req)
	if !q.running {
		q.running = true
		go db.commitJoins()
	}
	q.mu.Unlock()
	select {
	case <-req.done:
		if req.err != nil {
			return nil, "", req.err
		}
		return req.p, token, nil
	case <-ctx.Done():
		return nil, "", ctx.Err()
	}
}

// commitJoins commits waiting joins, a batch at a time, until none wait.
func (db *DB) commitJoins() {
	q := &db.joins
	for {
		q.mu.Lock()
		n := min(len(q.pending), maxJoinBatch)
		if n == 0 {
			q.running = false
			q.mu.Unlock()
			return
		}
		batch := append([]*joinRequest(nil), q.pending[:n]...)
		q.pending = append(q.pending[:0], q.pending[n:]...)
		q.mu.Unlock()
		if err := db.insertJoins(batch); err != nil && len(batch) > 1 {
			// A failure of the shared transaction must not fail joins that would have
			// succeeded alone.
			for _, r := range batch {
				r.err = nil
				_ = db.insertJoins([]*joinRequest{r})
			}
		}
		for _, r := range batch {
			close(r.done)
		}
	}
}

// joinSession is what a batch knows of one session: the session and its groups' members.
type joinSession struct {
	s      *laeringsliv.IPESession
	err    error
	groups []*joinGroup // in position order
}

type joinGroup struct {
	id      int64
	members int
}

// insertJoins stores a batch in one transaction. A join the session refuses gets its own
// error; a database error fails the whole batch.
func (db *DB) insertJoins(batch []*joinRequest) error {
	ctx := context.Background() // one caller leaving must not abort the others' joins
	err := db.update(ctx, "join ipe", func(tx *Tx) error {
		sessions := map[int64]*joinSession{}
		grouped := map[int64]int{} // session → joiners placed in a group
		for _, r := range batch {
			r.p, r.err = nil, nil
			if r.ctx.Err() != nil {
				r.err = r.ctx.Err()
				continue
			}
			js, err := loadJoinSession(ctx, tx, sessions, r.sessionID)
			if err != nil {
				return err
			}
			if js.s != nil && js.s.JoinMode == laeringsliv.IPEJoinMembers && r.groupID != laeringsliv.IPEObserver {
				r.err = laeringsliv.Errorf(laeringsliv.EFORBIDDEN, "ipe.error.members_only")
				continue // members join by redeeming a credential (RedeemIPECredential)
			}
			if js.err != nil {
				r.err = js.err
				continue
			}
			group, ok := js.place(r.groupID)
			if !ok {
				r.err = laeringsliv.FieldError("group", "ipe.error.group_invalid")
				continue
			}
			if r.p, err = insertParticipant(ctx, tx, js.s, group, r.tokenHash); err != nil {
				return err
			}
			if group != 0 {
				grouped[js.s.ID]++
			}
		}
		for sid, n := range grouped {
			if err := addHatParticipants(ctx, tx, sid, n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		for _, r := range batch {
			r.p, r.err = nil, err
		}
	}
	return err
}

// insertParticipant stores a participant of s in group (0: none) with the token's hash.
func insertParticipant(ctx context.Context, tx *Tx, s *laeringsliv.IPESession, group int64, tokenHash string) (*laeringsliv.IPEParticipant, error) {
	p := &laeringsliv.IPEParticipant{SessionID: s.ID, GroupID: group, TokenHash: tokenHash}
	err := tx.QueryRowContext(ctx, `INSERT INTO ipe_participants (institution_id, session_id, group_id,
		token_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
		s.InstitutionID, s.ID, nullID(group), tokenHash).Scan(&p.ID)
	return p, err
}

// addHatParticipants counts n more participants in groups in the session's hat counts.
func addHatParticipants(ctx context.Context, tx *Tx, sessionID int64, n int) error {
	if n == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE ipe_sessions SET hat_participants = hat_participants + $1 WHERE id = $2`, n, sessionID)
	return err
}

// loadJoinSession reads a session and its groups' members once per batch.
func loadJoinSession(ctx context.Context, tx *Tx, cache map[int64]*joinSession, id int64) (*joinSession, error) {
	if js := cache[id]; js != nil {
		return js, nil
	}
	js := &joinSession{}
	cache[id] = js
	s, err := findIPESession(ctx, tx, id)
	switch {
	case laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND:
		js.err = err
		return js, nil
	case err != nil:
		return nil, err
	}
	js.s = s
	if s.Phase == laeringsliv.IPEPhaseClosed {
		js.err = invalid("ipe.error.closed")
		return js, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT g.id, (SELECT COUNT(*) FROM ipe_participants p WHERE p.group_id = g.id)
			+ (SELECT COUNT(*) FROM ipe_group_persons gp WHERE gp.group_id = g.id)
		FROM ipe_groups g WHERE g.session_id = $1 ORDER BY g.position`, s.ID)
	if err != nil {
		return nil, err
	}
	js.groups, err = scanAll(rows, func(sc scanner) (*joinGroup, error) {
		var g joinGroup
		return &g, sc.Scan(&g.id, &g.members)
	})
	return js, err
}

// place returns the group a joiner goes to and counts them in it: the group asked for if the
// session has it, else the one with fewest members, the first by position among equals; 0
// for an observer. It reports false for a group the session does not have, or a session
// without groups.
func (js *joinSession) place(groupID int64) (int64, bool) {
	if groupID == laeringsliv.IPEObserver {
		return 0, true
	}
	var best *joinGroup
	for _, g := range js.groups {
		if groupID != 0 && g.id == groupID || groupID == 0 && (best == nil || g.members < best.members) {
			best = g
		}
	}
	if best == nil {
		return 0, false
	}
	best.members++
	return best.id, true
}
