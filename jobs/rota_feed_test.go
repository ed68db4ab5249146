package jobs_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/jobs"
	"laeringsliv/rotafeed"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

const goodFeed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20180108T063000Z\r\nDTEND:20180108T140000Z\r\n" +
	"SUMMARY:D\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:20180109T140000Z\r\nDTEND:20180109T213000Z\r\nSUMMARY:K\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

// A subscribed rota is fetched by the queue from a real HTTP server when it is saved. When the
// server later answers with something malformed, or is gone, the last good copy stays and the
// owner's feed says why.
func TestRotaFeedJob(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		var body atomic.Value
		body.Store(goodFeed)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/calendar")
			_, _ = w.Write([]byte(body.Load().(string)))
		}))
		defer srv.Close()
		person := newPerson(t, db)
		r, err := jobs.Start(ctx, jobs.Config{DB: db, PollInterval: 50 * time.Millisecond,
			Feeds: rotafeed.Fetcher{AllowPrivate: true, Timeout: 2 * time.Second}})
		must(t, err)
		defer func() { _ = r.Stop(ctx) }()

		url := srv.URL + "/ical/token"
		must(t, db.SaveRotaFeed(ctx, person.ID, url))
		feed := waitFeed(t, db, person.ID, func(f *laeringsliv.RotaFeed) bool { return !f.CheckedAt.IsZero() })
		if feed.Shifts != 2 || feed.ErrorCode != "" {
			t.Fatalf("first fetch: %+v", feed)
		}
		body.Store("<html>Logg inn</html>")
		must(t, db.SaveRotaFeed(ctx, person.ID, url))
		feed = waitFeed(t, db, person.ID, func(f *laeringsliv.RotaFeed) bool { return f.ErrorCode != "" })
		if feed.ErrorCode != rotafeed.CodeMalformed || feed.Shifts != 2 {
			t.Fatalf("malformed: %+v", feed)
		}
		srv.Close()
		must(t, db.SaveRotaFeed(ctx, person.ID, url))
		feed = waitFeed(t, db, person.ID, func(f *laeringsliv.RotaFeed) bool { return f.ErrorCode != "" })
		if feed.ErrorCode != rotafeed.CodeUnreachable || feed.Shifts != 2 {
			t.Fatalf("unreachable: %+v", feed)
		}
	})
}

// waitFeed waits until the person's feed satisfies ok. SaveRotaFeed clears the error code,
// so a wait for an error code waits for the fetch after the save.
func waitFeed(t *testing.T, db *sqlstore.DB, personID int64, ok func(*laeringsliv.RotaFeed) bool) *laeringsliv.RotaFeed {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		f, err := db.FindRotaFeed(context.Background(), personID)
		must(t, err)
		if ok(f) {
			return f
		}
		if time.Now().After(deadline) {
			t.Fatalf("feed never got there: %+v", f)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func newPerson(t *testing.T, db *sqlstore.DB) *laeringsliv.Person {
	t.Helper()
	ctx := context.Background()
	inst := &laeringsliv.Institution{Name: "Høgskolen"}
	must(t, db.CreateInstitution(ctx, inst))
	p := &laeringsliv.Person{InstitutionID: inst.ID, Name: "Kari Nordmann", Email: "kari@example.no"}
	must(t, db.CreatePerson(ctx, p))
	return p
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
