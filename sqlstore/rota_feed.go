package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"sort"

	"laeringsliv"
	"laeringsliv/rota"
)

// SaveRotaFeed subscribes the person to their own rota at url and queues its first fetch in
// the same transaction. The shifts of an earlier subscription stay until the new one is read.
func (db *DB) SaveRotaFeed(ctx context.Context, personID int64, url string) error {
	return db.update(ctx, "save rota feed", func(tx *Tx) error {
		p, err := findPerson(ctx, tx, personID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO rota_feeds (person_id, institution_id, url, updated_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (person_id) DO UPDATE SET url = excluded.url,
			updated_at = excluded.updated_at, error_code = ''`, p.ID, p.InstitutionID, url, millis(tx.now)); err != nil {
			return err
		}
		_, err = db.enqueue(ctx, tx, laeringsliv.RotaFeedJob{PersonID: p.ID})
		return err
	})
}

// DeleteRotaFeed ends the person's subscription and forgets its shifts.
func (db *DB) DeleteRotaFeed(ctx context.Context, personID int64) error {
	return db.update(ctx, "delete rota feed", func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM rota_feed_shifts WHERE person_id = $1`, personID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM rota_feeds WHERE person_id = $1`, personID)
		return err
	})
}

// FindRotaFeed returns the person's subscription, or ENOTFOUND.
func (db *DB) FindRotaFeed(ctx context.Context, personID int64) (*laeringsliv.RotaFeed, error) {
	f := &laeringsliv.RotaFeed{PersonID: personID}
	err := db.view(ctx, "find rota feed", func(tx *Tx) error {
		var fetched, checked sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT url, fetched_at, checked_at, error_code,
			(SELECT COUNT(*) FROM rota_feed_shifts s WHERE s.person_id = f.person_id)
			FROM rota_feeds f WHERE person_id = $1`, personID).Scan(&f.URL, &fetched, &checked, &f.ErrorCode, &f.Shifts)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound()
		} else if err != nil {
			return err
		}
		if fetched.Valid {
			f.FetchedAt = fromMillis(fetched.Int64)
		}
		if checked.Valid {
			f.CheckedAt = fromMillis(checked.Int64)
		}
		return nil
	})
	return f, err
}

// RotaFeedPeople returns everyone subscribed to a rota feed.
func (db *DB) RotaFeedPeople(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := db.view(ctx, "rota feed people", func(tx *Tx) (err error) {
		ids, err = queryIDs(ctx, tx, `SELECT person_id FROM rota_feeds ORDER BY person_id`)
		return err
	})
	return ids, err
}

// KeepRotaFeed replaces the person's subscribed shifts with a good copy of the feed fetched
// from url; a subscription changed to another address meanwhile is left alone.
func (db *DB) KeepRotaFeed(ctx context.Context, personID int64, url string, shifts []rota.Shift) error {
	return db.update(ctx, "keep rota feed", func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE rota_feeds SET fetched_at = $1, checked_at = $1, error_code = ''
			WHERE person_id = $2 AND url = $3`, millis(tx.now), personID, url)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM rota_feed_shifts WHERE person_id = $1`, personID); err != nil {
			return err
		}
		for _, s := range shifts {
			if _, err := tx.ExecContext(ctx, `INSERT INTO rota_feed_shifts (institution_id, person_id, starts_at, ends_at, code)
				SELECT institution_id, person_id, $1, $2, $3 FROM rota_feeds WHERE person_id = $4`,
				millis(s.Start), millis(s.End), s.Code, personID); err != nil {
				return err
			}
		}
		return nil
	})
}

// FailRotaFeed records why fetching the person's feed failed; the last good copy stays.
func (db *DB) FailRotaFeed(ctx context.Context, personID int64, url, code string) error {
	return db.update(ctx, "fail rota feed", func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE rota_feeds SET checked_at = $1, error_code = $2
			WHERE person_id = $3 AND url = $4`, millis(tx.now), code, personID, url)
		return err
	})
}

// feedShifts returns the subscribed shifts that overlap from–to, of one person or of
// everyone with a membership in a workplace.
func feedShifts(ctx context.Context, tx *Tx, f ShiftFilter) ([]rota.Shift, error) {
	var w where
	if f.PersonID != 0 {
		w.eq("s.person_id", f.PersonID)
	}
	if f.WorkplaceID != 0 {
		w.add("s.person_id IN (SELECT person_id FROM memberships WHERE workplace_id = " + w.arg(f.WorkplaceID) + ")")
	}
	if !f.From.IsZero() {
		w.add("s.ends_at > " + w.arg(millis(f.From)))
	}
	if !f.To.IsZero() {
		w.add("s.starts_at < " + w.arg(millis(f.To)))
	}
	rows, err := tx.QueryContext(ctx, `SELECT s.person_id, s.starts_at, s.ends_at, s.code FROM rota_feed_shifts s`+w.String(), w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []rota.Shift
	for rows.Next() {
		var s rota.Shift
		var start, end int64
		if err := rows.Scan(&s.PersonID, &start, &end, &s.Code); err != nil {
			return nil, err
		}
		s.Start, s.End = fromMillis(start), fromMillis(end)
		list = append(list, s)
	}
	return list, rows.Err()
}

// withFeedShifts adds subscribed shifts of people who have none in the imported rota during
// from–to (an imported rota, kept by the leaders, comes first), sorted by start.
func withFeedShifts(imported, feed []rota.Shift) []rota.Shift {
	has := map[int64]bool{}
	for _, s := range imported {
		has[s.PersonID] = true
	}
	for _, s := range feed {
		if !has[s.PersonID] {
			imported = append(imported, s)
		}
	}
	sort.SliceStable(imported, func(i, j int) bool {
		if !imported[i].Start.Equal(imported[j].Start) {
			return imported[i].Start.Before(imported[j].Start)
		}
		return imported[i].PersonID < imported[j].PersonID
	})
	return imported
}
