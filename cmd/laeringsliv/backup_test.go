package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"laeringsliv"
	"laeringsliv/filestore"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// A backup of a running demo with uploaded files, taken while people are being added, restores
// into an empty place with every row of every table and every file: on SQLite and PostgreSQL.
// The rows added while the backup ran are the only difference, and they are whole.
func TestBackupRestoreEverything(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			dsn, target := filepath.Join(t.TempDir(), "live.db"), filepath.Join(t.TempDir(), "restored.db")
			if engine == "postgres" {
				dsn, target = sqltest.PostgresURL(t), sqltest.PostgresURL(t)
			}
			files, restoredFiles := filepath.Join(t.TempDir(), "files"), filepath.Join(t.TempDir(), "files")
			m, _ := mustRunMainWithFiles(t, dsn, files)
			store, err := filestore.NewDir(files)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 3 { // uploads, as the study pages store them
				up, err := store.Create(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := io.WriteString(up, strings.Repeat(fmt.Sprintf("opplasting %d æøå\n", i), 1000)); err != nil {
					t.Fatal(err)
				}
				if err := up.Commit(); err != nil {
					t.Fatal(err)
				}
			}

			// Writes go on while the backup runs.
			stop := make(chan struct{})
			var wg sync.WaitGroup
			var written atomic.Int64
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					p := &laeringsliv.Person{InstitutionID: m.Institution.ID, Name: "Under backup",
						Email: fmt.Sprintf("under-backup-%d@example.no", i)}
					if err := m.DB.CreatePerson(ctx, p); err != nil {
						t.Error(err)
						return
					}
					written.Add(1)
				}
			}()
			archive := filepath.Join(t.TempDir(), "backup.tar.gz")
			before := written.Load()
			code, out, errOut := cli(t, nil, "", "backup", "--database", dsn, "--files", files, archive)
			during := written.Load() - before
			close(stop)
			wg.Wait()
			if code != 0 {
				t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
			}
			if code, out, errOut := cli(t, nil, "", "restore", "--database", target, "--files", restoredFiles, archive); code != 0 {
				t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
			}
			if code, _, errOut := cli(t, nil, "", "restore", "--database", target, "--files", restoredFiles, archive); code != 1 {
				t.Errorf("a second restore over the first: exit %d, want 1\n%s", code, errOut)
			}

			restored, err := sqlstore.Open(ctx, target)
			if err != nil {
				t.Fatal(err)
			}
			defer restored.Close()
			tables, rows, extra := compareRows(t, m.DB, restored)
			nFiles := compareFiles(t, files, restoredFiles)
			t.Logf("%s: %d tables and %d rows restored equal, %d uploaded files identical; %d persons were written while the backup command ran, and the %d written after its snapshot are rightly not in the copy",
				engine, tables, rows, nFiles, during, extra)
			if during == 0 {
				t.Error("no write went on during the backup, so it proved nothing")
			}
		})
	}
}

// mustRunMainWithFiles starts the demo on dsn with its uploads in files.
func mustRunMainWithFiles(t *testing.T, dsn, files string) (*Main, *syncBuffer) {
	t.Helper()
	testFiles.Store(dsn, files)
	m, out := mustRunMain(t, dsn, true)
	t.Cleanup(func() { _ = m.Close() })
	return m, out
}

// compareRows reads every table of both databases: every restored row must be in the live
// database, and the live rows missing from the copy may only be persons added during the
// backup (after its snapshot). It returns the tables and rows compared and those persons.
func compareRows(t *testing.T, live, restored *sqlstore.DB) (tables, rows, extra int) {
	t.Helper()
	lr, rr := readPool(live), readPool(restored)
	names := tableNames(t, live)
	if got := tableNames(t, restored); !slices.Equal(names, got) {
		t.Fatalf("tables differ:\nlive     %v\nrestored %v", names, got)
	}
	for _, table := range names {
		if strings.HasPrefix(table, "river_") {
			// River's own tables hold the queue's state, which its leader moves on by itself
			// (heartbeats, the hourly cleanup job); a job is compared by its id only.
			if table == "river_job" {
				live, copied := jobIDs(t, lr), jobIDs(t, rr)
				for id := range copied {
					if !live[id] {
						t.Errorf("river_job: restored job %d is not in the live database", id)
					}
				}
			}
			tables++
			continue
		}
		a, b := dumpRows(t, lr, table), dumpRows(t, rr, table)
		for row := range b {
			if !a[row] {
				t.Errorf("%s: a restored row the live database does not have: %s", table, row)
			}
		}
		for row := range a {
			if !b[row] {
				if table == "persons" && strings.Contains(row, "under-backup-") {
					extra++
					continue
				}
				t.Errorf("%s: a live row missing from the restored copy: %s", table, row)
			}
		}
		tables++
		rows += len(b)
	}
	return tables, rows, extra
}

// jobIDs returns the ids of the queue's jobs.
func jobIDs(t *testing.T, r *sql.DB) map[int64]bool {
	t.Helper()
	rows, err := r.Query(`SELECT id FROM river_job`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	ids := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids[id] = true
	}
	return ids
}

func tableNames(t *testing.T, db *sqlstore.DB) []string {
	t.Helper()
	r := readPool(db)
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
	if db.Dialect() == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`
	}
	rows, err := r.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

// readPool is a pool of the store that may read (the metrics' view of its pools).
func readPool(db *sqlstore.DB) *sql.DB {
	pools := db.StatsPools()
	if p, ok := pools["read"]; ok {
		return p
	}
	return pools["main"]
}

// dumpRows returns a table's rows, each as one string of its values.
func dumpRows(t *testing.T, r *sql.DB, table string) map[string]bool {
	t.Helper()
	rows, err := r.Query(`SELECT * FROM ` + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	out := map[string]bool{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			fmt.Fprintf(&sb, "%s=%v;", cols[i], v)
		}
		out[sb.String()] = true
	}
	return out
}

// compareFiles checks that every uploaded file is restored byte for byte, and nothing else.
func compareFiles(t *testing.T, a, b string) int {
	t.Helper()
	read := func(root string) map[string][]byte {
		out := map[string][]byte{}
		_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			rel, _ := filepath.Rel(root, p)
			if err == nil && info.Mode().IsRegular() && !strings.HasPrefix(rel, "tmp"+string(filepath.Separator)) {
				out[rel], _ = os.ReadFile(p)
			}
			return nil
		})
		return out
	}
	live, restored := read(a), read(b)
	if len(live) == 0 || len(live) != len(restored) {
		t.Errorf("%d uploaded files, %d restored", len(live), len(restored))
	}
	for name, data := range live {
		if !bytes.Equal(data, restored[name]) {
			t.Errorf("uploaded file %s differs after restore", name)
		}
	}
	return len(live)
}

func TestArchiveEntryPath(t *testing.T) {
	root := filepath.Join("srv", "files")
	for name, ok := range map[string]bool{
		"ab/abcdef": true, "x": true,
		"": false, "/etc/passwd": false, "../up": false, "..": false, "a/../../b": false, "a//b": false,
		"a/./b": false, `a\b`: false, "a\x00b": false, "./a": false,
	} {
		p, err := archiveEntryPath(root, name)
		if (err == nil) != ok {
			t.Errorf("%q: err %v, want ok=%v", name, err, ok)
		}
		if err == nil && !strings.HasPrefix(p, root+string(filepath.Separator)) {
			t.Errorf("%q resolves to %s, outside %s", name, p, root)
		}
	}
}

func FuzzArchiveEntryPath(f *testing.F) {
	for _, s := range []string{"ab/cd", "../x", "/abs", "a/../b", "", "a\\b", "."} {
		f.Add(s)
	}
	root := filepath.Join("srv", "files")
	f.Fuzz(func(t *testing.T, name string) {
		p, err := archiveEntryPath(root, name)
		if err == nil && !strings.HasPrefix(p, root+string(filepath.Separator)) {
			t.Fatalf("%q resolves to %s, outside the folder", name, p)
		}
	})
}
