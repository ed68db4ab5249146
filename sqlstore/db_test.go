package sqlstore_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestOpen(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		must(t, db.Ping(ctx))
		want := t.Name()[strings.LastIndex(t.Name(), "/")+1:]
		if db.Dialect() != want {
			t.Fatalf("Dialect() = %q, want %q", db.Dialect(), want)
		}
		// Migrate is idempotent.
		must(t, db.Migrate(ctx))
		must(t, db.Migrate(ctx))
		newOrg(t, db)
	})
}

func TestOpenSQLiteCreatesDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "data.db")
	db, err := sqlstore.Open(ctx, path)
	must(t, err)
	newOrg(t, db)
	must(t, db.Close())

	// Reopening applies no migration twice and keeps the data.
	db, err = sqlstore.Open(ctx, path)
	must(t, err)
	defer db.Close()
	if empty, err := db.Empty(ctx); err != nil || empty {
		t.Fatalf("Empty() after reopen = %v, %v", empty, err)
	}
}

// The same $n may appear twice in one statement, and out of order; modernc.org/sqlite binds
// them by number as PostgreSQL does.
func TestPlaceholders(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		_, read := db.Pools()
		var n int64
		must(t, read.QueryRowContext(ctx, `SELECT COUNT(*) FROM programmes
			WHERE institution_id = $2 AND (id = $1 OR name = $3 OR id = $1)`,
			o.prog.ID, o.inst.ID, o.other.Name).Scan(&n))
		if n != 2 {
			t.Fatalf("count = %d, want 2", n)
		}
	})
}

func TestSQLitePragmas(t *testing.T) {
	db := sqltest.OpenSQLite(t)
	write, read := db.Pools()
	if n := write.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("writer MaxOpenConnections = %d, want 1", n)
	}
	if n := read.Stats().MaxOpenConnections; n < 2 {
		t.Errorf("reader MaxOpenConnections = %d, want several", n)
	}
	check := func(name, pragma, want string) {
		t.Helper()
		p := write
		if name == "read" {
			p = read
		}
		var got string
		must(t, p.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got))
		if !strings.EqualFold(got, want) {
			t.Errorf("%s pool: PRAGMA %s = %q, want %q", name, pragma, got, want)
		}
	}
	for _, pool := range []string{"write", "read"} {
		check(pool, "journal_mode", "wal")
		check(pool, "foreign_keys", "1")
		check(pool, "synchronous", "2") // FULL: an acknowledged commit survives a power cut
		check(pool, "busy_timeout", "10000")
	}
	check("write", "query_only", "0")
	check("read", "query_only", "1")

	if _, err := read.ExecContext(ctx, `INSERT INTO institutions (name, created_at) VALUES ('x', 0)`); err == nil {
		t.Error("the read pool accepted a write")
	}
	// foreign_keys is in force: a programme of no institution is refused.
	if _, err := write.ExecContext(ctx, `INSERT INTO programmes (institution_id, name, start_year, end_year,
		level, ects, created_at) VALUES (999, 'x', 2020, 2020, 'bachelor', 15, 0)`); err == nil {
		t.Error("foreign key not enforced")
	}
}

func TestBackupSQLite(t *testing.T) {
	db := sqltest.OpenSQLite(t)
	o := newOrg(t, db)
	_, read := db.Pools()
	count := func(d *sqlstore.DB) int {
		_, r := d.Pools()
		var n int
		must(t, r.QueryRowContext(ctx, `SELECT COUNT(*) FROM persons WHERE institution_id = $1`, o.inst.ID).Scan(&n))
		return n
	}

	// Write steadily while the backup runs, counting the writes that have committed.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var committed atomic.Int64
	var writeErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			p := &laeringsliv.Person{InstitutionID: o.inst.ID, Name: "W", Email: fmt.Sprintf("w%d@example.no", i)}
			if err := db.CreatePerson(ctx, p); err != nil {
				writeErr = err
				return
			}
			committed.Add(1)
		}
	}()
	base := count(db) - int(committed.Load()) // persons of newOrg, before any write
	time.Sleep(20 * time.Millisecond)

	// A backup is only proof of an online copy if writes committed while it ran; on a fast
	// machine a small database copies between two writes, so try again until one overlaps.
	var path string
	var before, after int64
	for try := 0; ; try++ {
		path = filepath.Join(t.TempDir(), "backup", "copy.db") // the directory is created
		before = committed.Load()
		err := db.Backup(ctx, path)
		after = committed.Load()
		must(t, err)
		if after > before {
			break
		}
		if try == 50 {
			t.Fatal("no write committed during any of 50 backups: the test proves nothing")
		}
	}
	close(stop)
	wg.Wait()
	must(t, writeErr)

	copyDB, err := sqlstore.Open(ctx, path)
	must(t, err)
	defer copyDB.Close()
	got, err := copyDB.FindWorkplace(ctx, o.wpA.ID)
	must(t, err)
	if got.Name != o.wpA.Name {
		t.Fatalf("backup holds %+v", got)
	}
	// The copy is one consistent snapshot: every write committed before the backup began,
	// none that committed after it ended, and all of the workplace's rows intact.
	inCopy := count(copyDB) - base
	if inCopy < int(before) || inCopy > int(after) {
		t.Fatalf("backup holds %d written persons; %d had committed when it began, %d when it ended", inCopy, before, after)
	}
	t.Logf("backup holds %d written persons; %d committed before it, %d more during it", inCopy, before, after-before)

	wantCode(t, db.Backup(ctx, path), laeringsliv.EINVALID, "error.backup_exists")

	// The reader that made the copy is read-only again.
	for range 2 * read.Stats().MaxOpenConnections {
		var on int
		must(t, read.QueryRowContext(ctx, `PRAGMA query_only`).Scan(&on))
		if on != 1 {
			t.Fatal("a reader left query_only off after the backup")
		}
	}
}

func TestBackupPostgres(t *testing.T) {
	db := sqltest.OpenPostgres(t)
	wantCode(t, db.Backup(ctx, filepath.Join(t.TempDir(), "x.db")), laeringsliv.EINVALID, "error.backup_postgres")
}

// Concurrent writers queue on the single writer connection instead of failing with
// SQLITE_BUSY, while readers carry on.
func TestSQLiteConcurrentWriters(t *testing.T) {
	db := sqltest.OpenSQLite(t)
	o := newOrg(t, db)
	const writers, each = 8, 50
	var wg sync.WaitGroup
	errs := make(chan error, writers*each*2)
	for w := range writers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range each {
				p := &laeringsliv.Person{InstitutionID: o.inst.ID, Name: "P",
					Email: fmt.Sprintf("p%d-%d@example.no", w, i)}
				if err := db.CreatePerson(ctx, p); err != nil {
					errs <- err
					continue
				}
				m := &laeringsliv.Membership{PersonID: p.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpA.ID}
				if err := db.CreateMembership(ctx, m); err != nil {
					errs <- err
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range each {
				if _, err := db.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: o.wpA.ID}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	list, err := db.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: o.wpA.ID})
	must(t, err)
	if len(list) != writers*each {
		t.Fatalf("%d members, want %d", len(list), writers*each)
	}
}
