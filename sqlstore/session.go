package sqlstore

import (
	"context"
	"time"

	"laeringsliv"
)

// CreateLoginSession stores s and sets its ID. The institution key comes from the person;
// CreatedAt and LastSeenAt default to now and IdleTimeout to the device's default.
func (db *DB) CreateLoginSession(ctx context.Context, s *laeringsliv.LoginSession) error {
	if s.TokenHash == "" || s.PersonID == 0 {
		return invalid("error.session_invalid")
	}
	if s.IdleTimeout <= 0 {
		s.IdleTimeout = laeringsliv.OwnDeviceIdleTimeout
		if s.SharedDevice {
			s.IdleTimeout = laeringsliv.SharedDeviceIdleTimeout
		}
	}
	return db.update(ctx, "create login session", func(tx *Tx) error {
		p, err := findPerson(ctx, tx, s.PersonID)
		if err != nil {
			return err
		}
		s.InstitutionID = p.InstitutionID
		if s.CreatedAt.IsZero() {
			s.CreatedAt = tx.now
		}
		if s.LastSeenAt.IsZero() {
			s.LastSeenAt = s.CreatedAt
		}
		// Stamps to the minute: see TouchLoginSession.
		s.CreatedAt, s.LastSeenAt = s.CreatedAt.UTC().Truncate(time.Minute), s.LastSeenAt.UTC().Truncate(time.Minute)
		return tx.QueryRowContext(ctx, `
			INSERT INTO login_sessions (institution_id, person_id, token_hash, shared_device,
				idle_timeout_ms, created_at, last_seen_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			s.InstitutionID, s.PersonID, s.TokenHash, s.SharedDevice,
			s.IdleTimeout.Milliseconds(), millis(s.CreatedAt), millis(s.LastSeenAt),
		).Scan(&s.ID)
	})
}

// FindLoginSession returns the session with the token hash, or ENOTFOUND. It does not check
// expiry: the caller knows the time and calls Expired.
func (db *DB) FindLoginSession(ctx context.Context, tokenHash string) (*laeringsliv.LoginSession, error) {
	var s *laeringsliv.LoginSession
	err := db.view(ctx, "find login session", func(tx *Tx) (err error) {
		s, err = scanOne(tx.QueryRowContext(ctx, `
			SELECT id, institution_id, person_id, token_hash, shared_device, idle_timeout_ms,
				created_at, last_seen_at
			FROM login_sessions WHERE token_hash = $1`, tokenHash), scanLoginSession)
		return err
	})
	return s, err
}

// TouchLoginSession records activity at time at; an unknown id is ENOTFOUND.
func (db *DB) TouchLoginSession(ctx context.Context, id int64, at time.Time) error {
	// To the minute: a stamp to the millisecond, set by a request that wrote a note, would date
	// the note and tie it to the person (see laeringsliv.IPENote).
	return db.update(ctx, "touch login session", func(tx *Tx) error {
		return execOne(ctx, tx, `UPDATE login_sessions SET last_seen_at = $1 WHERE id = $2`,
			millis(at.Truncate(time.Minute)), id)
	})
}

// DeleteLoginSession removes the session with the token hash. Deleting a session that is
// already gone is not an error: signing out twice, or after the session expired, succeeds.
func (db *DB) DeleteLoginSession(ctx context.Context, tokenHash string) error {
	return db.update(ctx, "delete login session", func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM login_sessions WHERE token_hash = $1`, tokenHash)
		return err
	})
}

// DeleteLoginSessions signs a person out everywhere except the session keepID (0 for none).
func (db *DB) DeleteLoginSessions(ctx context.Context, personID, keepID int64) error {
	return db.update(ctx, "delete login sessions", func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM login_sessions WHERE person_id = $1 AND id <> $2`,
			personID, keepID)
		return err
	})
}

// DeleteExpiredLoginSessions removes the sessions idle past their timeout or older than
// MaxSessionAge at now, with the rule of LoginSession.Expired, and returns how many it removed.
func (db *DB) DeleteExpiredLoginSessions(ctx context.Context, now time.Time) (int64, error) {
	var n int64
	err := db.update(ctx, "delete expired login sessions", func(tx *Tx) error {
		res, err := tx.ExecContext(ctx,
			`DELETE FROM login_sessions WHERE last_seen_at + idle_timeout_ms < $1 OR created_at < $2`,
			millis(now), millis(now.Add(-laeringsliv.MaxSessionAge)))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}

func scanLoginSession(sc scanner) (*laeringsliv.LoginSession, error) {
	var s laeringsliv.LoginSession
	var idle, created, seen int64
	err := sc.Scan(&s.ID, &s.InstitutionID, &s.PersonID, &s.TokenHash, &s.SharedDevice, &idle, &created, &seen)
	if err != nil {
		return nil, err
	}
	s.IdleTimeout = time.Duration(idle) * time.Millisecond
	s.CreatedAt, s.LastSeenAt = fromMillis(created), fromMillis(seen)
	return &s, nil
}
