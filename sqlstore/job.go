package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"laeringsliv"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// The job queue is River (github.com/riverqueue/river) on this same database: its tables
// (river_*) come from River's own migrations, which Migrate runs after the platform's, and
// its jobs are inserted in the platform's own transactions. This package only puts jobs in
// and reads what their pages show; the jobs package works them.

// Queue is a River client on this database.
type Queue = river.Client[*sql.Tx]

var _ laeringsliv.JobService = (*DB)(nil)

// RiverDriver returns River's driver for this database, on the write pool (River's SQLite
// driver wants the single connection that pool is).
func (db *DB) RiverDriver() riverdriver.Driver[*sql.Tx] {
	if db.dialect.name == "postgres" {
		return riverdatabasesql.New(db.write)
	}
	return riversqlite.New(db.write)
}

// migrateQueue runs River's migrations: on SQLite in one transaction on its one connection;
// on PostgreSQL (where some of River's steps cannot share a transaction) under a session
// advisory lock held on a connection of its own, so that nodes starting together take turns.
func (db *DB) migrateQueue(ctx context.Context) error {
	m, err := rivermigrate.New(db.RiverDriver(), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	if db.dialect.name != "postgres" {
		return db.run(ctx, db.write, nil, func(tx *Tx) error {
			_, err := m.MigrateTx(ctx, tx.Tx, rivermigrate.DirectionUp, nil)
			return wrapMigrate(err)
		})
	}
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	const lockKey = 7231500001
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockKey); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lockKey)
	_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return wrapMigrate(err)
}

func wrapMigrate(err error) error {
	if err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	return nil
}

// jobOpts are each kind's tries and queue. River waits attempt⁴ seconds (and a little) between
// tries, so ten tries of a mail span about four hours.
func jobOpts(kind string) *river.InsertOpts {
	switch kind {
	case laeringsliv.JobKindMail:
		return &river.InsertOpts{MaxAttempts: 10, Queue: "mail"}
	case laeringsliv.JobKindBackup:
		return &river.InsertOpts{MaxAttempts: 3, Queue: "work"}
	default:
		return &river.InsertOpts{MaxAttempts: 5, Queue: "work"}
	}
}

// newInserter returns the client that puts jobs in; it works none (the jobs package runs
// the client that does).
func (db *DB) newInserter() (*Queue, error) {
	return river.NewClient(db.RiverDriver(), &river.Config{Logger: slog.New(slog.DiscardHandler)})
}

// enqueue inserts a job in tx, so that it exists exactly when the rest of tx does.
func (db *DB) enqueue(ctx context.Context, tx *Tx, args laeringsliv.JobArgs) (int64, error) {
	res, err := db.inserter.InsertTx(ctx, tx.Tx, args, jobOpts(args.Kind()))
	if err != nil {
		return 0, fmt.Errorf("enqueue %s: %w", args.Kind(), err)
	}
	return res.Job.ID, nil
}

// EnqueueJob queues args as a job started by personID (0: the platform) and keeps its page.
func (db *DB) EnqueueJob(ctx context.Context, institutionID, personID int64, args laeringsliv.JobArgs) (int64, error) {
	var id int64
	err := db.update(ctx, "enqueue job", func(tx *Tx) (err error) {
		if id, err = db.enqueue(ctx, tx, args); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO job_runs (job_id, institution_id, person_id, kind,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`,
			id, institutionID, nullID(personID), args.Kind(), millis(tx.now))
		return err
	})
	return id, err
}

const jobColumns = `r.job_id, r.institution_id, r.person_id, r.kind, r.progress, r.result_key,
	r.result_name, r.result_size, r.created_at, r.updated_at, j.state, j.attempt, j.max_attempts`

// FindJob returns the job with id, or ENOTFOUND.
func (db *DB) FindJob(ctx context.Context, id int64) (*laeringsliv.Job, error) {
	var j *laeringsliv.Job
	err := db.view(ctx, "find job", func(tx *Tx) (err error) {
		j, err = scanOne(tx.QueryRowContext(ctx, `SELECT `+jobColumns+`
			FROM job_runs r LEFT JOIN river_job j ON j.id = r.job_id WHERE r.job_id = $1`, id), scanJob)
		return err
	})
	return j, err
}

// FindJobs returns the institution's jobs of kind, newest first.
func (db *DB) FindJobs(ctx context.Context, institutionID int64, kind string, limit int) ([]*laeringsliv.Job, error) {
	var list []*laeringsliv.Job
	err := db.view(ctx, "find jobs", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+jobColumns+`
			FROM job_runs r LEFT JOIN river_job j ON j.id = r.job_id
			WHERE r.institution_id = $1 AND r.kind = $2 ORDER BY r.job_id DESC LIMIT $3`,
			institutionID, kind, limit)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanJob)
		return err
	})
	return list, err
}

func scanJob(s scanner) (*laeringsliv.Job, error) {
	var j laeringsliv.Job
	var person, attempt, maxAttempts sql.NullInt64
	var state sql.NullString
	var created, updated int64
	err := s.Scan(&j.ID, &j.InstitutionID, &person, &j.Kind, &j.Progress, &j.ResultKey, &j.ResultName,
		&j.ResultSize, &created, &updated, &state, &attempt, &maxAttempts)
	if err != nil {
		return nil, err
	}
	j.PersonID, j.Attempt, j.MaxAttempts = person.Int64, int(attempt.Int64), int(maxAttempts.Int64)
	j.CreatedAt, j.UpdatedAt = fromMillis(created), fromMillis(updated)
	j.State = mapJobState(state.String, j.Progress == 100)
	j.ResultExpired = j.ResultKey == "" && j.ResultName == "expired"
	if j.ResultExpired {
		j.ResultName = ""
	}
	if j.State == laeringsliv.JobFailed {
		j.ErrorKey = "job.error." + j.Kind
	}
	return &j, nil
}

// mapJobState maps River's states onto what a page shows. A job River has already cleaned
// away (state "") is done if it reported its end, failed otherwise.
func mapJobState(state string, ended bool) laeringsliv.JobState {
	switch state {
	case "available", "scheduled", "retryable", "pending":
		return laeringsliv.JobWaiting
	case "running":
		return laeringsliv.JobRunning
	case "completed":
		return laeringsliv.JobDone
	case "cancelled", "discarded":
		return laeringsliv.JobFailed
	case "":
		if ended {
			return laeringsliv.JobDone
		}
		return laeringsliv.JobFailed
	}
	return laeringsliv.JobNotKnown
}

// jobState returns the state of the queue's job id as a page shows it.
func jobState(ctx context.Context, tx *Tx, id int64) (laeringsliv.JobState, error) {
	var state string
	err := tx.QueryRowContext(ctx, `SELECT state FROM river_job WHERE id = $1`, id).Scan(&state)
	if err == sql.ErrNoRows {
		err = nil
	}
	return mapJobState(state, false), err
}

// ReportJob records a job's progress and result.
func (db *DB) ReportJob(ctx context.Context, id int64, progress int, resultKey, resultName string, resultSize int64) error {
	return db.update(ctx, "report job", func(tx *Tx) error {
		return execOne(ctx, tx, `UPDATE job_runs SET progress = $1, result_key = $2, result_name = $3,
			result_size = $4, updated_at = $5 WHERE job_id = $6`,
			max(0, min(progress, 100)), resultKey, resultName, resultSize, millis(tx.now), id)
	})
}

// ExpiredJobResults returns the jobs updated before before that still keep a file.
func (db *DB) ExpiredJobResults(ctx context.Context, before time.Time) ([]*laeringsliv.Job, error) {
	var list []*laeringsliv.Job
	err := db.view(ctx, "expired job results", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+jobColumns+`
			FROM job_runs r LEFT JOIN river_job j ON j.id = r.job_id
			WHERE r.result_key <> '' AND r.updated_at < $1 ORDER BY r.job_id LIMIT 1000`, millis(before))
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanJob)
		return err
	})
	return list, err
}

// ClearJobResult records that a job's file has been deleted: its page says so.
func (db *DB) ClearJobResult(ctx context.Context, id int64) error {
	return db.update(ctx, "clear job result", func(tx *Tx) error {
		return execOne(ctx, tx, `UPDATE job_runs SET result_key = '', result_name = 'expired' WHERE job_id = $1`, id)
	})
}

// CountJobs returns how many jobs the queue holds in each of River's states.
func (db *DB) CountJobs(ctx context.Context) (map[string]int, error) {
	counts := map[string]int{}
	err := db.view(ctx, "count jobs", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT CAST(state AS TEXT), COUNT(*) FROM river_job GROUP BY state`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var state string
			var n int
			if err := rows.Scan(&state, &n); err != nil {
				return err
			}
			counts[state] = n
		}
		return rows.Err()
	})
	return counts, err
}

// MarkMailSent records in tx that the invitation's mail went out. The mail worker calls it
// in the transaction that completes the job, so the two are one.
func MarkMailSent(ctx context.Context, tx *sql.Tx, invitationID int64, at time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE invitations SET mail_sent_at = $1 WHERE id = $2`, millis(at), invitationID)
	return err
}

// RecoverJobs makes the jobs that were running when a SQLite deployment stopped available
// again, before its worker starts. A SQLite database has one server process, so a job still
// marked running at start is one whose process died; on PostgreSQL, where other nodes may be
// working, River's rescuer finds stuck jobs after their timeout instead. It returns how many
// jobs it recovered.
func (db *DB) RecoverJobs(ctx context.Context) (int64, error) {
	if db.dialect.name != "sqlite" {
		return 0, nil
	}
	var n int64
	err := db.update(ctx, "recover jobs", func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE river_job SET state = 'available' WHERE state = 'running'`)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}

// WithTx runs fn in a write transaction, for a worker that completes its job together with
// what it records (river.JobCompleteTx).
func (db *DB) WithTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return db.update(ctx, "job transaction", func(tx *Tx) error { return fn(tx.Tx) })
}
