package demo_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestSeedDates seeds the demo with its clock on both engines, walks every time column
// (named *_at) of every table and fails on any date outside the programme's years; the
// progress report then covers exactly those years, none of them empty.
func TestSeedDates(t *testing.T) {
	for _, engine := range []struct {
		name, driver, columns string
		dsn                   func(testing.TB) string
	}{
		{"sqlite", "sqlite", `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
			WHERE m.type = 'table' AND p.name LIKE '%\_at' ESCAPE '\'`,
			func(tb testing.TB) string { return filepath.Join(tb.TempDir(), "demo.db") }},
		{"postgres", "pgx", `SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND column_name LIKE '%\_at' ESCAPE '\'`,
			sqltest.PostgresURL},
	} {
		t.Run(engine.name, func(t *testing.T) {
			ctx := context.Background()
			dsn := engine.dsn(t)
			db, err := sqlstore.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			clock := &demo.Clock{}
			db.Now = clock.Now
			res, err := demo.Seed(ctx, demo.Services{Org: db, People: db, Members: db, Auth: db,
				Innovations: db, Timeline: db, Participation: db, Reading: db, IPE: db, Study: db, Research: db, Rota: db, Handbook: db,
				TimeRecords: db, Shares: db, Clock: clock}, func(string) (string, error) { return "x", nil })
			if err != nil {
				t.Fatal(err)
			}
			if now := clock.Now(); time.Since(now) > time.Minute {
				t.Errorf("after seeding the clock reads %v, not the real time", now)
			}
			prog, err := db.FindProgramme(ctx, res.ProgrammeID)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := sql.Open(engine.driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { raw.Close() })
			checkDates(t, raw, engine.columns, prog)
			checkProgress(t, db, prog)
		})
	}
}

// checkDates fails on every time column holding a time outside the programme's years, in
// Norway, and on a walk that finds almost nothing to check.
func checkDates(t *testing.T, raw *sql.DB, columns string, prog *laeringsliv.Programme) {
	t.Helper()
	ctx := context.Background()
	from := time.Date(prog.StartYear, 1, 1, 0, 0, 0, 0, laeringsliv.Norway()).UnixMilli()
	until := time.Date(prog.EndYear+1, 1, 1, 0, 0, 0, 0, laeringsliv.Norway()).UnixMilli()
	rows, err := raw.QueryContext(ctx, columns)
	if err != nil {
		t.Fatal(err)
	}
	var cols [][2]string
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(table, "river_") && !strings.HasPrefix(table, "goose_") {
			cols = append(cols, [2]string{table, col})
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	checked, values := 0, 0
	for _, c := range cols {
		var n, outside int
		var lo, hi sql.NullInt64
		err := raw.QueryRowContext(ctx, fmt.Sprintf(`SELECT COUNT(%[2]s),
			COALESCE(SUM(CASE WHEN %[2]s < $1 OR %[2]s >= $2 THEN 1 ELSE 0 END), 0), MIN(%[2]s), MAX(%[2]s)
			FROM %[1]s`, c[0], c[1]), from, until).Scan(&n, &outside, &lo, &hi)
		if err != nil {
			t.Fatalf("%s.%s: %v", c[0], c[1], err)
		}
		if n > 0 {
			checked++
			values += n
		}
		if outside > 0 {
			t.Errorf("%s.%s: %d of %d outside %d–%d (from %v to %v)", c[0], c[1], outside, n, prog.StartYear, prog.EndYear,
				time.UnixMilli(lo.Int64).UTC(), time.UnixMilli(hi.Int64).UTC())
		}
	}
	t.Logf("%d time columns with data, %d values, all within %d–%d", checked, values, prog.StartYear, prog.EndYear)
	if checked < 20 {
		t.Errorf("only %d time columns hold data; the walk found too little", checked)
	}
}

// checkProgress wants one row per year of the programme, and something to count in each.
func checkProgress(t *testing.T, db *sqlstore.DB, prog *laeringsliv.Programme) {
	t.Helper()
	years, err := laeringsliv.ProgressReport(context.Background(), db, db, db, prog)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, y := range years {
		got = append(got, y.Year)
	}
	if want := fmt.Sprint([]int{2016, 2017, 2018, 2019}); fmt.Sprint(got) != want {
		t.Fatalf("progress report covers %v, want %s", got, want)
	}
	if y := years[0]; y.Participants == 0 || y.Innovations[laeringsliv.InnovationIdea] == 0 {
		t.Errorf("2016: %+v", y)
	}
	if y := years[1]; y.Approvals == 0 || y.Gatherings == 0 {
		t.Errorf("2017: %+v", y)
	}
	if y := years[2]; y.Exams == 0 || y.Innovations[laeringsliv.InnovationImplemented] == 0 {
		t.Errorf("2018: %+v", y)
	}
}
