package jobs

import (
	"context"
	"errors"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
	"laeringsliv/rotafeed"

	"github.com/riverqueue/river"
)

// FeedFetcher fetches a subscribed rota; rotafeed.Fetcher is the real one.
type FeedFetcher interface {
	Fetch(ctx context.Context, url string) ([]rota.Shift, error)
}

// rotaFeedWorker fetches one person's subscribed rota. A feed that cannot be fetched or read
// is not a failed job: the last good copy stays, the reason is recorded for its owner, and
// the next periodic fetch tries again.
type rotaFeedWorker struct {
	river.WorkerDefaults[laeringsliv.RotaFeedJob]
	r *Runner
}

func (w *rotaFeedWorker) Timeout(*river.Job[laeringsliv.RotaFeedJob]) time.Duration {
	return time.Minute
}

func (w *rotaFeedWorker) Work(ctx context.Context, job *river.Job[laeringsliv.RotaFeedJob]) error {
	return refreshFeed(ctx, w.r, job.Args.PersonID)
}

// rotaFeedsWorker fetches every subscribed rota, one after another.
type rotaFeedsWorker struct {
	river.WorkerDefaults[laeringsliv.RotaFeedsJob]
	r *Runner
}

func (w *rotaFeedsWorker) Timeout(*river.Job[laeringsliv.RotaFeedsJob]) time.Duration {
	return 30 * time.Minute
}

func (w *rotaFeedsWorker) Work(ctx context.Context, job *river.Job[laeringsliv.RotaFeedsJob]) error {
	ids, err := w.r.cfg.DB.RotaFeedPeople(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := refreshFeed(ctx, w.r, id); err != nil {
			return err
		}
	}
	return nil
}

// refreshFeed fetches one feed and keeps it, or records why not. Only a failure of the
// platform's own database is returned as the job's error.
func refreshFeed(ctx context.Context, r *Runner, personID int64) error {
	feed, err := r.cfg.DB.FindRotaFeed(ctx, personID)
	if laeringsliv.ErrorCode(err) == laeringsliv.ENOTFOUND {
		return nil // unsubscribed meanwhile
	} else if err != nil {
		return err
	}
	fetcher := r.cfg.Feeds
	if fetcher == nil {
		fetcher = rotafeed.Fetcher{}
	}
	shifts, err := fetcher.Fetch(ctx, feed.URL)
	if err != nil {
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			return err // the runner is stopping: try again later
		}
		// The address is the person's own and may carry a secret token: it is not logged.
		r.cfg.Logger.InfoContext(ctx, "rota feed not fetched", "person", personID, "code", rotafeed.Code(err))
		return r.cfg.DB.FailRotaFeed(ctx, personID, feed.URL, rotafeed.Code(err))
	}
	return r.cfg.DB.KeepRotaFeed(ctx, personID, feed.URL, shifts)
}
