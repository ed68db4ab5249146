package laeringsliv

import (
	"context"
	"strconv"
	"time"
)

// Work that outlives a request — mail, exports of the research archive, backups — runs as a
// job in a durable queue kept in the platform's own database. A job is stored in the same
// transaction as what asks for it (an invitation and its mail are saved together or not at
// all), is retried with growing pauses when it fails, and survives a restart: a job that was
// running when the process died runs again. So a job must be safe to run twice; a mail keeps
// its Message-ID on every try, so that a receiver can tell a repeat.

// The kinds of job. Each is the Kind of its arguments' type.
const (
	JobKindMail           = "mail"
	JobKindResearchExport = "research_export"
	JobKindBackup         = "backup"
	JobKindCleanup        = "cleanup"
)

// JobResultLifetime is how long a job's file (a research export) is kept for download.
const JobResultLifetime = 7 * 24 * time.Hour

// JobState is where a job is in its life.
type JobState string

// The states a job page shows. The queue's finer states (scheduled, retryable, …) map onto
// these: a job that waits for a retry is JobWaiting with Attempt > 0.
const (
	JobWaiting  JobState = "waiting"
	JobRunning  JobState = "running"
	JobDone     JobState = "done"
	JobFailed   JobState = "failed" // retries exhausted or cancelled; ErrorKey says why
	JobNotKnown JobState = "unknown"
)

// MailJob sends one message. InvitationID, when set, is the invitation the message carries,
// which is marked sent in the same transaction that completes the job.
type MailJob struct {
	Mail
	InvitationID int64 `json:"invitation_id,omitempty"`
}

// Kind implements the queue's job arguments.
func (MailJob) Kind() string { return JobKindMail }

// ResearchExportJob writes a programme's pseudonymised research archive to a file.
type ResearchExportJob struct {
	ProgrammeID int64 `json:"programme_id"`
}

// Kind implements the queue's job arguments.
func (ResearchExportJob) Kind() string { return JobKindResearchExport }

// BackupJob writes a backup archive of the database and the uploaded files into the
// deployment's backup folder.
type BackupJob struct{}

// Kind implements the queue's job arguments.
func (BackupJob) Kind() string { return JobKindBackup }

// CleanupJob deletes the files of jobs older than JobResultLifetime. It runs every hour.
type CleanupJob struct{}

// Kind implements the queue's job arguments.
func (CleanupJob) Kind() string { return JobKindCleanup }

// JobArgs are the arguments of a job; their Kind names the worker that runs them.
type JobArgs interface{ Kind() string }

// Job is what a person sees of a job they started.
type Job struct {
	ID            int64
	InstitutionID int64
	PersonID      int64 // who started it
	Kind          string
	State         JobState
	Attempt       int // tries so far
	MaxAttempts   int
	Progress      int    // 0–100
	ResultKey     string // the file store key of the result, when the job leaves a file
	ResultName    string // the result's file name for download, or the path of a backup
	ResultSize    int64
	ResultExpired bool   // the file was deleted after JobResultLifetime
	ErrorKey      string // i18n key of why the last try failed
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Finished reports whether the job will not change again.
func (j *Job) Finished() bool { return j.State == JobDone || j.State == JobFailed }

// JobService keeps the queue's jobs and what their pages show.
type JobService interface {
	// EnqueueJob queues args as a job started by personID (0 for the platform itself) and
	// returns its id.
	EnqueueJob(ctx context.Context, institutionID, personID int64, args JobArgs) (int64, error)
	// FindJob returns a job with a page (an export, a backup), or ENOTFOUND.
	FindJob(ctx context.Context, id int64) (*Job, error)
	// FindJobs returns the institution's jobs of a kind, newest first, at most limit.
	FindJobs(ctx context.Context, institutionID int64, kind string, limit int) ([]*Job, error)
	// ReportJob records a running job's progress, and its result when it has one.
	ReportJob(ctx context.Context, id int64, progress int, resultKey, resultName string, resultSize int64) error
	// CountJobs returns the number of jobs in the queue by the queue's own state names.
	CountJobs(ctx context.Context) (map[string]int, error)
	// ExpiredJobResults returns the jobs, finished before before, that still keep a file.
	ExpiredJobResults(ctx context.Context, before time.Time) ([]*Job, error)
	// ClearJobResult records that a job's file is gone.
	ClearJobResult(ctx context.Context, id int64) error
}

// JobTopic is the live topic on which a job's changes are announced.
func JobTopic(id int64) string { return "job:" + strconv.FormatInt(id, 10) }
