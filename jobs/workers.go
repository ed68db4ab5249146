package jobs

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"laeringsliv"
	"laeringsliv/report"
	"laeringsliv/sqlstore"

	"github.com/riverqueue/river"
)

// mailWorker sends one message and, when it carries an invitation, marks the invitation's mail
// sent in the transaction that completes the job.
type mailWorker struct {
	river.WorkerDefaults[laeringsliv.MailJob]
	r *Runner
}

// Timeout is longer than the mail sender's own 30 seconds.
func (w *mailWorker) Timeout(*river.Job[laeringsliv.MailJob]) time.Duration { return time.Minute }

func (w *mailWorker) Work(ctx context.Context, job *river.Job[laeringsliv.MailJob]) error {
	if w.r.cfg.Mailer == nil {
		return errors.New("no mail server configured")
	}
	m := job.Args.Mail
	if m.MessageID == "" {
		// The same on every try, so a receiver can tell a repeat.
		m.MessageID = "job-" + strconv.FormatInt(job.ID, 10) + "." + strconv.FormatInt(job.CreatedAt.UnixMilli(), 36) + ".laeringsliv"
	}
	if err := w.r.cfg.Mailer.Send(ctx, m); err != nil {
		if laeringsliv.ErrorCode(err) == laeringsliv.EINVALID { // a bad address: trying again will not help
			return river.JobCancel(errors.New("mail refused: invalid address"))
		}
		// The server's words may hold the address: the error says only that it failed.
		return errors.New("mail not sent: " + laeringsliv.ErrorCode(err))
	}
	err := complete(ctx, w.r, job, func(tx *sql.Tx) error {
		if job.Args.InvitationID == 0 {
			return nil
		}
		return sqlstore.MarkMailSent(ctx, tx, job.Args.InvitationID, time.Now())
	})
	if err != nil {
		// Sent but not recorded: returning nil lets River complete it, which is the truth.
		w.r.cfg.Logger.WarnContext(ctx, "mail sent but not recorded with its job", "job", job.ID)
	}
	return nil
}

// researchWorker writes a programme's research archive into the file store.
type researchWorker struct {
	river.WorkerDefaults[laeringsliv.ResearchExportJob]
	r *Runner
}

func (w *researchWorker) Timeout(*river.Job[laeringsliv.ResearchExportJob]) time.Duration {
	return 10 * time.Minute
}

func (w *researchWorker) Work(ctx context.Context, job *river.Job[laeringsliv.ResearchExportJob]) error {
	c := w.r.cfg
	if c.Research == nil || c.Files == nil {
		return river.JobCancel(errors.New("research export not available"))
	}
	w.r.report(ctx, job.ID, 5, "", "", 0)
	key, err := c.Research.ResearchKey(ctx, job.Args.ProgrammeID)
	if err != nil {
		return err
	}
	data, err := c.Research.ResearchData(ctx, job.Args.ProgrammeID)
	if err != nil {
		return err
	}
	w.r.report(ctx, job.ID, 50, "", "", 0)
	up, err := c.Files.Create(ctx)
	if err != nil {
		return err
	}
	counter := &countingWriter{w: up}
	if err := report.WriteResearchZip(counter, report.ResearchExport(key, data)); err != nil {
		return errors.Join(err, up.Abort())
	}
	if err := up.Commit(); err != nil {
		return err
	}
	w.r.report(ctx, job.ID, 100, up.Key(), "research.zip", counter.n)
	return nil
}

// backupWorker writes a backup archive into the deployment's backup folder.
type backupWorker struct {
	river.WorkerDefaults[laeringsliv.BackupJob]
	r *Runner
}

func (w *backupWorker) Timeout(*river.Job[laeringsliv.BackupJob]) time.Duration {
	return 30 * time.Minute
}

func (w *backupWorker) Work(ctx context.Context, job *river.Job[laeringsliv.BackupJob]) error {
	if w.r.cfg.Backup == nil {
		return river.JobCancel(errors.New("backups not available"))
	}
	w.r.report(ctx, job.ID, 10, "", "", 0)
	path, size, err := w.r.cfg.Backup(ctx, job.ID)
	if err != nil {
		return err
	}
	w.r.report(ctx, job.ID, 100, "", path, size)
	return nil
}

type countingWriter struct {
	w interface{ Write([]byte) (int, error) }
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// cleanupWorker deletes the files of jobs older than laeringsliv.JobResultLifetime: a research
// export, pseudonymised as it is, is not kept on the server longer than it is needed.
type cleanupWorker struct {
	river.WorkerDefaults[laeringsliv.CleanupJob]
	r *Runner
}

func (w *cleanupWorker) Work(ctx context.Context, job *river.Job[laeringsliv.CleanupJob]) error {
	if w.r.cfg.Files == nil {
		return nil
	}
	list, err := w.r.cfg.DB.ExpiredJobResults(ctx, time.Now().Add(-laeringsliv.JobResultLifetime))
	if err != nil {
		return err
	}
	for _, j := range list {
		if err := w.r.cfg.Files.Delete(ctx, j.ResultKey); err != nil {
			return err
		}
		if err := w.r.cfg.DB.ClearJobResult(ctx, j.ID); err != nil {
			return err
		}
	}
	return nil
}
