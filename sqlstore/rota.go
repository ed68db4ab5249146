package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
)

const dayLayout = "2006-01-02"

// RotaPeople returns the people of a workplace a rota file may name, by
// lower-cased e-mail and by lower-cased employee number (never alike: a number
// has no @): everyone with a membership there.
func (db *DB) RotaPeople(ctx context.Context, workplaceID int64) (map[string]int64, error) {
	people := map[string]int64{}
	err := db.view(ctx, "rota people", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT p.id, p.email, p.employee_number FROM persons p
			JOIN memberships m ON m.person_id = p.id AND m.institution_id = p.institution_id
			WHERE m.workplace_id = $1`, workplaceID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var email, number string
			if err := rows.Scan(&id, &email, &number); err != nil {
				return err
			}
			people[strings.ToLower(email)] = id
			if number != "" {
				people[strings.ToLower(number)] = id
			}
		}
		return rows.Err()
	})
	return people, err
}

// SaveRotaPeriod stores p and its shifts as one unit. Active periods of
// the workplace whose dates overlap p's are marked replaced by it. Every
// shift must carry its PersonID.
func (db *DB) SaveRotaPeriod(ctx context.Context, p *rota.Period) error {
	if len(p.Shifts) == 0 {
		return laeringsliv.Errorf(laeringsliv.EINVALID, "rota.error.empty")
	}
	return db.update(ctx, "save rota period", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, p.WorkplaceID)
		if err != nil {
			return err
		}
		p.Status, p.ImportedAt = rota.StatusActive, tx.now
		err = tx.QueryRowContext(ctx, `INSERT INTO rota_periods
			(institution_id, workplace_id, first_day, last_day, status, imported_by, imported_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			w.InstitutionID, w.ID, p.From.Format(dayLayout), p.To.Format(dayLayout), p.Status,
			nullID(p.ImportedBy), millis(p.ImportedAt)).Scan(&p.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE rota_periods SET status = $1, replaced_by = $2
			WHERE workplace_id = $3 AND status = $4 AND id <> $2 AND first_day <= $5 AND last_day >= $6`,
			rota.StatusReplaced, p.ID, w.ID, rota.StatusActive, p.To.Format(dayLayout), p.From.Format(dayLayout)); err != nil {
			return err
		}
		return insertShifts(ctx, tx, w.InstitutionID, p.ID, p.Shifts)
	})
}

// insertShifts writes shifts in batches of multi-row INSERTs.
func insertShifts(ctx context.Context, tx *Tx, instID, periodID int64, shifts []rota.Shift) error {
	const batch = 100
	for len(shifts) > 0 {
		n := min(batch, len(shifts))
		var q strings.Builder
		q.WriteString(`INSERT INTO rota_shifts (institution_id, period_id, person_id, starts_at, ends_at, code) VALUES `)
		args := make([]any, 0, n*6)
		for i, s := range shifts[:n] {
			if s.PersonID == 0 {
				return laeringsliv.Errorf(laeringsliv.EINVALID, "rota.error.unknown_person")
			}
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("(")
			for j := range 6 {
				if j > 0 {
					q.WriteString(", ")
				}
				q.WriteString("$" + strconv.Itoa(len(args)+j+1))
			}
			q.WriteString(")")
			args = append(args, instID, periodID, s.PersonID, millis(s.Start), millis(s.End), s.Code)
		}
		if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
			return err
		}
		shifts = shifts[n:]
	}
	return nil
}

// RollBackRotaPeriod withdraws an active period and reinstates the
// periods it replaced.
func (db *DB) RollBackRotaPeriod(ctx context.Context, id int64) error {
	return db.update(ctx, "roll back rota period", func(tx *Tx) error {
		p, err := findRotaPeriod(ctx, tx, id)
		if err != nil {
			return err
		}
		if p.Status != rota.StatusActive {
			return laeringsliv.Errorf(laeringsliv.EINVALID, "rota.error.not_active")
		}
		if err := execOne(ctx, tx, `UPDATE rota_periods SET status = $1 WHERE id = $2`, rota.StatusRolledBack, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE rota_periods SET status = $1, replaced_by = NULL
			WHERE replaced_by = $2 AND status = $3`, rota.StatusActive, id, rota.StatusReplaced)
		return err
	})
}

const rotaPeriodColumns = `id, workplace_id, first_day, last_day, status, replaced_by, imported_by, imported_at,
	(SELECT COUNT(*) FROM rota_shifts s WHERE s.period_id = rota_periods.id)`

// FindRotaPeriod returns the period with id (without its shifts), or ENOTFOUND.
func (db *DB) FindRotaPeriod(ctx context.Context, id int64) (*rota.Period, error) {
	var p *rota.Period
	err := db.view(ctx, "find rota period", func(tx *Tx) (err error) {
		p, err = findRotaPeriod(ctx, tx, id)
		return err
	})
	return p, err
}

func findRotaPeriod(ctx context.Context, tx *Tx, id int64) (*rota.Period, error) {
	return scanOne(tx.QueryRowContext(ctx, `SELECT `+rotaPeriodColumns+` FROM rota_periods WHERE id = $1`, id), scanRotaPeriod)
}

// FindRotaPeriods returns a workplace's periods, newest first.
func (db *DB) FindRotaPeriods(ctx context.Context, workplaceID int64) ([]*rota.Period, error) {
	var list []*rota.Period
	err := db.view(ctx, "find rota periods", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+rotaPeriodColumns+` FROM rota_periods
			WHERE workplace_id = $1 ORDER BY id DESC`, workplaceID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanRotaPeriod)
		return err
	})
	return list, err
}

func scanRotaPeriod(s scanner) (*rota.Period, error) {
	var p rota.Period
	var from, to string
	var replacedBy, importedBy sql.NullInt64
	var at int64
	if err := s.Scan(&p.ID, &p.WorkplaceID, &from, &to, &p.Status, &replacedBy, &importedBy, &at, &p.ShiftCount); err != nil {
		return nil, err
	}
	p.From, _ = time.Parse(dayLayout, from)
	p.To, _ = time.Parse(dayLayout, to)
	p.ReplacedBy, p.ImportedBy, p.ImportedAt = replacedBy.Int64, importedBy.Int64, fromMillis(at)
	return &p, nil
}

// ShiftFilter selects shifts of active periods. WorkplaceID or PersonID
// must be set; From and To bound the shifts' start.
type ShiftFilter struct {
	WorkplaceID int64
	PersonID    int64
	From, To    time.Time
}

// FindShifts returns the shifts of active periods f selects, by start, and the shifts of
// people's subscribed rotas for those who have none in them.
// Person is left empty: shifts are known by PersonID once stored.
func (db *DB) FindShifts(ctx context.Context, f ShiftFilter) ([]rota.Shift, error) {
	var w where
	w.add("s.period_id = p.id")
	w.eq("p.status", rota.StatusActive)
	if f.WorkplaceID != 0 {
		w.eq("p.workplace_id", f.WorkplaceID)
	}
	if f.PersonID != 0 {
		w.eq("s.person_id", f.PersonID)
	}
	if !f.From.IsZero() {
		w.add("s.ends_at > " + w.arg(millis(f.From)))
	}
	if !f.To.IsZero() {
		w.add("s.starts_at < " + w.arg(millis(f.To)))
	}
	var list []rota.Shift
	err := db.view(ctx, "find shifts", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT s.person_id, s.starts_at, s.ends_at, s.code
			FROM rota_shifts s, rota_periods p`+w.String()+` ORDER BY s.starts_at, s.person_id`, w.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s rota.Shift
			var start, end int64
			if err := rows.Scan(&s.PersonID, &start, &end, &s.Code); err != nil {
				return err
			}
			s.Start, s.End = fromMillis(start), fromMillis(end)
			list = append(list, s)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		feed, err := feedShifts(ctx, tx, f)
		list = withFeedShifts(list, feed)
		return err
	})
	return list, err
}

// WorkplaceShifts returns the shifts of the workplace's active periods that overlap from–to.
func (db *DB) WorkplaceShifts(ctx context.Context, workplaceID int64, from, to time.Time) ([]rota.Shift, error) {
	return db.FindShifts(ctx, ShiftFilter{WorkplaceID: workplaceID, From: from, To: to})
}
