package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"laeringsliv"
)

// CreateTimeRecord stores r in its workplace, copying the workplace's institution.
func (db *DB) CreateTimeRecord(ctx context.Context, r *laeringsliv.TimeRecord) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create time record", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, r.WorkplaceID)
		if err != nil {
			return err
		}
		r.InstitutionID, r.CreatedAt = w.InstitutionID, tx.now
		return tx.QueryRowContext(ctx, `INSERT INTO time_records (institution_id, workplace_id, person_id, day,
			minutes, activity, note, own_time, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			r.InstitutionID, r.WorkplaceID, r.PersonID, r.Day.Format(dayLayout), r.Minutes, r.Activity, r.Note,
			boolInt(r.OwnTime), millis(tx.now)).Scan(&r.ID)
	})
}

// UpdateTimeRecord changes what a participant typed; workplace and person stay.
func (db *DB) UpdateTimeRecord(ctx context.Context, r *laeringsliv.TimeRecord) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update time record", func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE time_records SET day = $1, minutes = $2, activity = $3, note = $4,
			own_time = $5 WHERE id = $6`, r.Day.Format(dayLayout), r.Minutes, r.Activity, r.Note, boolInt(r.OwnTime), r.ID)
		return oneRow(res, err)
	})
}

// DeleteTimeRecord removes a record, or answers ENOTFOUND.
func (db *DB) DeleteTimeRecord(ctx context.Context, id int64) error {
	return db.update(ctx, "delete time record", func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM time_records WHERE id = $1`, id)
		return oneRow(res, err)
	})
}

const timeRecordColumns = `id, institution_id, workplace_id, person_id, day, minutes, activity, note, own_time, created_at`

// FindTimeRecord returns the record with id, or ENOTFOUND.
func (db *DB) FindTimeRecord(ctx context.Context, id int64) (*laeringsliv.TimeRecord, error) {
	var r *laeringsliv.TimeRecord
	err := db.view(ctx, "find time record", func(tx *Tx) (err error) {
		r, err = scanOne(tx.QueryRowContext(ctx, `SELECT `+timeRecordColumns+` FROM time_records WHERE id = $1`, id), scanTimeRecord)
		return err
	})
	return r, err
}

// FindTimeRecords returns a person's records in a workplace, newest day first.
func (db *DB) FindTimeRecords(ctx context.Context, personID, workplaceID int64) ([]*laeringsliv.TimeRecord, error) {
	var list []*laeringsliv.TimeRecord
	err := db.view(ctx, "find time records", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+timeRecordColumns+` FROM time_records
			WHERE person_id = $1 AND workplace_id = $2 ORDER BY day DESC, id DESC`, personID, workplaceID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanTimeRecord)
		return err
	})
	return list, err
}

// TimeShares sums minutes per workplace and month, split by working hours and own time.
func (db *DB) TimeShares(ctx context.Context, f laeringsliv.TimeShareFilter) ([]laeringsliv.TimeShare, error) {
	var list []laeringsliv.TimeShare
	err := db.view(ctx, "time shares", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT t.workplace_id, substr(t.day, 1, 7),
			SUM(CASE WHEN t.own_time = 0 THEN t.minutes ELSE 0 END),
			SUM(CASE WHEN t.own_time = 1 THEN t.minutes ELSE 0 END), COUNT(DISTINCT t.person_id)
			FROM time_records t JOIN workplaces w ON w.institution_id = t.institution_id AND w.id = t.workplace_id
			WHERE ($1 = 0 OR t.workplace_id = $1) AND ($2 = 0 OR w.programme_id = $2)
			GROUP BY t.workplace_id, substr(t.day, 1, 7) ORDER BY t.workplace_id, substr(t.day, 1, 7)`,
			f.WorkplaceID, f.ProgrammeID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s laeringsliv.TimeShare
			var month string
			if err := rows.Scan(&s.WorkplaceID, &month, &s.WorkMinutes, &s.OwnMinutes, &s.People); err != nil {
				return err
			}
			if s.Month, err = time.Parse("2006-01", month); err != nil {
				return err
			}
			list = append(list, s)
		}
		return rows.Err()
	})
	return list, err
}

func scanTimeRecord(s scanner) (*laeringsliv.TimeRecord, error) {
	var r laeringsliv.TimeRecord
	var day string
	var own int
	var created int64
	if err := s.Scan(&r.ID, &r.InstitutionID, &r.WorkplaceID, &r.PersonID, &day, &r.Minutes, &r.Activity, &r.Note,
		&own, &created); err != nil {
		return nil, err
	}
	d, err := time.Parse(dayLayout, day)
	r.Day, r.OwnTime, r.CreatedAt = d, own == 1, fromMillis(created)
	return &r, err
}

// oneRow turns an update or delete that touched no row into ENOTFOUND.
func oneRow(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound()
	}
	return nil
}
