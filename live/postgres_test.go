package live

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"laeringsliv/sqlstore/sqltest"
)

func TestMain(m *testing.M) { os.Exit(sqltest.RunMain(m)) }

func wake(t *testing.T, sub *Subscription, what string) {
	t.Helper()
	select {
	case <-sub.C:
	case <-time.After(10 * time.Second):
		t.Fatalf("no notice: %s", what)
	}
}

// Two nodes on one database: a notice published on one reaches the other's subscribers, and
// after the listening connection is cut, the node reconnects and wakes its subscribers so that
// they catch up from the stored events.
func TestPostgresTwoNodes(t *testing.T) {
	dsn := sqltest.PostgresURL(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, b := NewPostgres(dsn, log), NewPostgres(dsn, log)
	defer a.Close()
	defer b.Close()
	for _, n := range []*Postgres{a, b} {
		select {
		case <-n.Ready():
		case <-time.After(10 * time.Second):
			t.Fatal("node did not start listening")
		}
	}
	sub := b.Subscribe("ipe:1")
	defer sub.Close()
	other := b.Subscribe("ipe:2")
	defer other.Close()
	a.Publish("ipe:1")
	wake(t, sub, "from node a")
	select {
	case <-other.C:
		t.Fatal("another topic was woken")
	case <-time.After(200 * time.Millisecond):
	}

	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Cut every LISTEN connection; node b must come back and wake its subscribers.
	if _, err := db.ExecContext(context.Background(), `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`); err != nil {
		t.Fatal(err)
	}
	wake(t, sub, "catch-up after reconnect")
	a.Publish("ipe:1")
	wake(t, sub, "after reconnect")
}
