package web

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/jobs"
)

// runJobs works the fixture's job queue until the test ends.
func (f *fixture) runJobs(t *testing.T) {
	t.Helper()
	r, err := jobs.Start(context.Background(), jobs.Config{DB: f.db, Mailer: f.server.svc.Mailer, Research: f.db, Files: f.server.svc.Files,
		Publish: f.server.live.Publish, PollInterval: 50 * time.Millisecond})
	must(t, err)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = r.Stop(ctx)
	})
}

// waitForJob waits until the job at path (/jobs/N) is finished, and fails if it failed.
func (f *fixture) waitForJob(t *testing.T, path string) *laeringsliv.Job {
	t.Helper()
	id, err := strconv.ParseInt(strings.TrimPrefix(path, "/jobs/"), 10, 64)
	must(t, err)
	deadline := time.Now().Add(30 * time.Second)
	for {
		j, err := f.db.FindJob(context.Background(), id)
		must(t, err)
		if j.Finished() {
			if j.State != laeringsliv.JobDone {
				t.Fatalf("job %d ended %s", id, j.State)
			}
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d still %s after 30 s", id, j.State)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
