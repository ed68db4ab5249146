// Package jobs works the platform's durable job queue (River, on the platform's own database,
// see sqlstore/job.go): it sends mail, writes research exports and takes backups, each with
// retries and growing pauses, and announces a job's progress on its live topic so that the
// page that started it can follow.
//
// A job may run twice — River hands out a job at least once, and a job running when the
// process dies runs again — so every worker is written to be safe to repeat. A mail keeps one
// Message-ID across tries, and the worker records it sent in the same transaction that
// completes the job, which leaves only the moment between the mail server's "accepted" and
// that commit in which a crash can send a message twice.
package jobs

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"laeringsliv"
	"laeringsliv/filestore"
	"laeringsliv/sqlstore"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivertype"
)

// Config is what the workers use. Mailer, Research, Files and Backup may be nil; jobs of a
// kind whose part is missing fail with a clear state instead of running.
type Config struct {
	DB       *sqlstore.DB
	Mailer   laeringsliv.Mailer
	Research laeringsliv.ResearchService
	Files    filestore.Store
	// Backup writes a backup archive named for the job into the deployment's backup folder
	// and returns its path and size; an archive that already exists from an earlier try is
	// returned as it is.
	Backup func(ctx context.Context, jobID int64) (path string, size int64, err error)
	// Publish announces a change on a live topic; nil announces nothing.
	Publish func(topic string)
	Logger  *slog.Logger
	// PollInterval is how often an idle worker looks for jobs that another client put in
	// (1 s when zero).
	PollInterval time.Duration
	// Feeds fetches subscribed rotas; nil uses rotafeed.Fetcher's guarded defaults.
	Feeds FeedFetcher
	// RescueAfter is how long a job may run before River's rescuer takes it for abandoned by
	// a node that died and runs it again (35 minutes when zero: longer than a backup).
	RescueAfter time.Duration
}

// Runner works the queue until Stop.
type Runner struct {
	client *sqlstore.Queue
	cfg    Config
}

// Start recovers the jobs a dead process left running (SQLite) and starts working.
func Start(ctx context.Context, cfg Config) (*Runner, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Publish == nil {
		cfg.Publish = func(string) {}
	}
	if n, err := cfg.DB.RecoverJobs(ctx); err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	} else if n > 0 {
		cfg.Logger.Info("jobs left running by a stopped process run again", "jobs", n)
	}
	workers := river.NewWorkers()
	r := &Runner{cfg: cfg}
	river.AddWorker(workers, &mailWorker{r: r})
	river.AddWorker(workers, &researchWorker{r: r})
	river.AddWorker(workers, &backupWorker{r: r})
	river.AddWorker(workers, &cleanupWorker{r: r})
	river.AddWorker(workers, &rotaFeedWorker{r: r})
	river.AddWorker(workers, &rotaFeedsWorker{r: r})
	client, err := river.NewClient(cfg.DB.RiverDriver(), &river.Config{
		Queues: map[string]river.QueueConfig{
			"mail": {MaxWorkers: 2},
			"work": {MaxWorkers: 1}, // exports and backups: one at a time on a small server
		},
		Workers: workers,
		PeriodicJobs: []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(time.Hour),
			func() (river.JobArgs, *river.InsertOpts) {
				return laeringsliv.CleanupJob{}, &river.InsertOpts{Queue: "work", MaxAttempts: 3}
			}, &river.PeriodicJobOpts{ID: "cleanup", RunOnStart: true}),
			river.NewPeriodicJob(river.PeriodicInterval(laeringsliv.RotaFeedInterval),
				func() (river.JobArgs, *river.InsertOpts) {
					return laeringsliv.RotaFeedsJob{}, &river.InsertOpts{Queue: "work", MaxAttempts: 3}
				}, &river.PeriodicJobOpts{ID: "rota_feeds"})},
		FetchPollInterval: cmp.Or(cfg.PollInterval, time.Second),
		FetchCooldown:     min(cmp.Or(cfg.PollInterval, time.Second), 100*time.Millisecond),
		// Mail links hold invitation tokens: a sent mail's job is kept one hour, not a day.
		CompletedJobRetentionPeriod: time.Hour,
		// Longer than the longest job (a backup, 30 minutes): on PostgreSQL another node may
		// still be working a job that this one sees running.
		RescueStuckJobsAfter: cmp.Or(cfg.RescueAfter, 35*time.Minute),
		JobTimeout:           min(time.Minute, cmp.Or(cfg.RescueAfter, 35*time.Minute)),
		Logger:               quiet(cfg.Logger),
		ErrorHandler:         errorHandler{log: cfg.Logger},
	})
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	r.client = client
	// A job's end (and each failed try) is announced on its topic once River has recorded it,
	// so that a page that hears of it reads the final state.
	events, cancel := client.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed,
		river.EventKindJobCancelled, river.EventKindJobSnoozed)
	go func() {
		defer cancel()
		for e := range events {
			cfg.Publish(laeringsliv.JobTopic(e.Job.ID))
		}
	}()
	if err := client.Start(ctx); err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	return r, nil
}

// Stop waits for running jobs to finish until ctx ends, then cancels them; a cancelled job
// runs again after a restart.
func (r *Runner) Stop(ctx context.Context) error {
	err := r.client.Stop(ctx)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		stop, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return r.client.StopAndCancel(stop)
	}
	return err
}

// report records a job's progress and announces it. A failure to record is logged, not
// fatal: progress is for the page, the result is what counts.
func (r *Runner) report(ctx context.Context, id int64, progress int, key, name string, size int64) {
	if err := r.cfg.DB.ReportJob(ctx, id, progress, key, name, size); err != nil {
		r.cfg.Logger.WarnContext(ctx, "job progress not recorded", "job", id, "err_code", laeringsliv.ErrorCode(err))
	}
	r.cfg.Publish(laeringsliv.JobTopic(id))
}

// complete marks a job done in a transaction together with fn's writes.
func complete[T river.JobArgs](ctx context.Context, r *Runner, job *river.Job[T], fn func(tx *sql.Tx) error) error {
	return r.cfg.DB.WithTx(ctx, func(tx *sql.Tx) error {
		if fn != nil {
			if err := fn(tx); err != nil {
				return err
			}
		}
		_, err := river.JobCompleteTx[riverdriver.Driver[*sql.Tx]](ctx, tx, job)
		return err
	})
}

// errorHandler logs a failed try by job and kind only: errors from a mail server may carry an
// address, so their text stays out of the log.
type errorHandler struct{ log *slog.Logger }

func (h errorHandler) HandleError(ctx context.Context, job *rivertype.JobRow, err error) *river.ErrorHandlerResult {
	h.log.WarnContext(ctx, "job try failed", "job", job.ID, "kind", job.Kind, "attempt", job.Attempt,
		"max_attempts", job.MaxAttempts, "err_code", laeringsliv.ErrorCode(err))
	return nil
}

func (h errorHandler) HandlePanic(ctx context.Context, job *rivertype.JobRow, v any, trace string) *river.ErrorHandlerResult {
	h.log.ErrorContext(ctx, "job panicked", "job", job.ID, "kind", job.Kind, "attempt", job.Attempt)
	return nil
}

// quiet passes River's own log on at warning level and above, where it reports its own
// trouble (a lost database connection), not the jobs' arguments.
func quiet(l *slog.Logger) *slog.Logger {
	return slog.New(levelFloor{l.Handler(), slog.LevelWarn})
}

type levelFloor struct {
	slog.Handler
	min slog.Level
}

func (h levelFloor) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}
func (h levelFloor) WithAttrs(a []slog.Attr) slog.Handler {
	return levelFloor{h.Handler.WithAttrs(a), h.min}
}
func (h levelFloor) WithGroup(n string) slog.Handler {
	return levelFloor{h.Handler.WithGroup(n), h.min}
}
