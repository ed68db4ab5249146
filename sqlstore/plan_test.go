package sqlstore_test

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// hotQueries are the statements a live session runs per join, note, hat count, draw, vote and
// event-stream read, as the store sends them. Each must find its rows through an index keyed
// by the session, a group, a note or a token: a scan of a table that grows with every session
// ever held makes a session slower the longer the platform has run.
var hotQueries = []struct {
	name string
	sql  string
	args []any
}{
	{"join: session by code", `SELECT id FROM ipe_sessions WHERE join_code = $1`, []any{"ABCDEF"}},
	{"join: emptiest group", `SELECT g.id FROM ipe_groups g WHERE g.session_id = $1
		ORDER BY (SELECT COUNT(*) FROM ipe_participants p WHERE p.group_id = g.id)
			+ (SELECT COUNT(*) FROM ipe_group_persons gp WHERE gp.group_id = g.id), g.position
		LIMIT 1`, []any{1}},
	{"join: group of the session", `SELECT COUNT(*) FROM ipe_groups WHERE id = $1 AND session_id = $2`, []any{1, 1}},
	{"participant by token", `SELECT id, session_id, group_id, token_hash, spent
		FROM ipe_participants WHERE token_hash = $1`, []any{"x"}},
	{"participant with session", `SELECT p.id, s.phase FROM ipe_participants p JOIN ipe_sessions s
		ON s.id = p.session_id WHERE p.token_hash = $1`, []any{"x"}},
	{"note: session", `SELECT phase FROM ipe_sessions WHERE id = $1`, []any{1}},
	{"note: writer key", `SELECT writer_key FROM ipe_sessions WHERE id = $1`, []any{1}},
	{"note: writer mark", `INSERT INTO ipe_writers (institution_id, session_id, mark)
		VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, []any{1, 1, "x"}},
	{"note: event sequence", `UPDATE ipe_sessions SET event_seq = event_seq + 1 WHERE id = $1 RETURNING event_seq`, []any{1}},
	{"hat", `SELECT hat_notes, hat_writers, hat_participants FROM ipe_sessions WHERE id = $1`, []any{1}},
	{"draw: next note", `SELECT id, text FROM ipe_notes n WHERE session_id = $1 AND id >= $2
		AND NOT EXISTS (SELECT 1 FROM ipe_draws d WHERE d.note_id = n.id) ORDER BY id ASC LIMIT 1`, []any{1, "x"}},
	{"draw: previous note", `SELECT id, text FROM ipe_notes n WHERE session_id = $1 AND id < $2
		AND NOT EXISTS (SELECT 1 FROM ipe_draws d WHERE d.note_id = n.id) ORDER BY id DESC LIMIT 1`, []any{1, "x"}},
	{"draw: turn", `SELECT COUNT(*) + 1 FROM ipe_draws WHERE group_id = $1 AND session_id = $2`, []any{1, 1}},
	{"draw: members", `SELECT id FROM ipe_participants WHERE session_id = $1 AND group_id = $2 ORDER BY id`, []any{1, 1}},
	{"draw: moves", `SELECT g.passes + (SELECT COUNT(*) FROM ipe_draws d WHERE d.group_id = g.id)
		FROM ipe_groups g WHERE g.id = $1 AND g.session_id = $2`, []any{1, 1}},
	{"vote: budget", `UPDATE ipe_participants SET spent = spent + 1 WHERE id = $1 AND spent < $2`, []any{1, 3}},
	{"vote: draw", `UPDATE ipe_draws SET votes = votes + 1 WHERE note_id = $1 AND group_id = $2 AND session_id = $3`,
		[]any{"x", 1, 1}},
	{"events after", `SELECT seq, kind, data FROM ipe_events WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
		[]any{1, 0, 1000}},
}

// postgresHotQueries are the statements only PostgreSQL runs: a note's insert, repeat check
// and count in one, and the writers' marks with their count.
var postgresHotQueries = []struct {
	name string
	sql  string
	args []any
}{
	{"note: pool, repeats and count", `WITH ins AS (
			INSERT INTO ipe_note_pool (id, institution_id, session_id, text, phase, redacted) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (id) DO NOTHING RETURNING id, session_id),
		counted AS (
			UPDATE ipe_sessions SET hat_notes = hat_notes + c.n
			FROM (SELECT session_id, COUNT(*) AS n FROM ins GROUP BY session_id) c
			WHERE ipe_sessions.id = c.session_id)
		SELECT id FROM ins`, []any{"x", 1, 1, "t", "capture", false}},
	{"note: writer marks and count", `WITH ins AS (INSERT INTO ipe_writers (institution_id, session_id, mark)
			VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1)
		UPDATE ipe_sessions SET hat_writers = hat_writers + (SELECT COUNT(*) FROM ins)
		WHERE id = $4 AND EXISTS (SELECT 1 FROM ins)`, []any{1, 1, "x", 1}},
}

func TestHotQueryPlansSQLite(t *testing.T) {
	_, read := sqltest.OpenSQLite(t).Pools()
	for _, q := range hotQueries {
		t.Run(q.name, func(t *testing.T) {
			plan, err := sqlitePlan(read, q.sql, q.args)
			must(t, err)
			for _, step := range plan {
				if bad := sqliteScan(step); bad != "" {
					t.Errorf("%s\nplan:\n  %s", bad, strings.Join(plan, "\n  "))
				}
			}
		})
	}
}

func sqlitePlan(db *sql.DB, query string, args []any) ([]string, error) {
	rows, err := db.QueryContext(ctx, `EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return nil, err
		}
		plan = append(plan, detail)
	}
	return plan, rows.Err()
}

// sqliteScan says what is wrong with a step of a SQLite plan: a full scan of a table (every
// table a hot query reads grows with history), or a search on the institution alone.
func sqliteScan(step string) string {
	switch {
	case strings.HasPrefix(step, "SCAN ") && !strings.HasPrefix(step, "SCAN CONSTANT ROW"):
		return "full scan: " + step
	case strings.HasPrefix(step, "SEARCH ") && strings.HasSuffix(step, "(institution_id=?)"):
		return "search by institution only: " + step
	}
	return ""
}

func TestHotQueryPlansPostgres(t *testing.T) {
	db := sqltest.OpenPostgres(t)
	for _, q := range append(hotQueries, postgresHotQueries...) {
		t.Run(q.name, func(t *testing.T) {
			nodes, err := postgresPlan(db, q.sql, q.args)
			must(t, err)
			for _, n := range nodes {
				if bad := postgresScan(n); bad != "" {
					t.Error(bad)
				}
			}
		})
	}
}

// planNode is the part of a node of PostgreSQL's JSON plan that the test reads.
type planNode struct {
	NodeType  string     `json:"Node Type"`
	Relation  string     `json:"Relation Name"`
	Index     string     `json:"Index Name"`
	IndexCond string     `json:"Index Cond"`
	Plans     []planNode `json:"Plans"`
}

// postgresPlan returns every node of the query's plan. Sequential scans are priced out
// (enable_seqscan=off) so that the planner, on an empty test database where a scan would be
// cheapest, shows the index it would use on a full one; a sequential scan left in the plan
// means there is none.
func postgresPlan(db *sqlstore.DB, query string, args []any) ([]planNode, error) {
	pool, _ := db.Pools()
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
		return nil, err
	}
	var out string
	if err := tx.QueryRowContext(ctx, `EXPLAIN (FORMAT JSON) `+query, args...).Scan(&out); err != nil {
		return nil, err
	}
	var plans []struct{ Plan planNode }
	if err := json.Unmarshal([]byte(out), &plans); err != nil {
		return nil, err
	}
	var all []planNode
	var walk func(n planNode)
	walk = func(n planNode) {
		all = append(all, n)
		for _, c := range n.Plans {
			walk(c)
		}
	}
	for _, p := range plans {
		walk(p.Plan)
	}
	return all, nil
}

// postgresScan says what is wrong with a plan node: a sequential scan, an index read whole
// (no condition), or an index condition on the institution alone.
func postgresScan(n planNode) string {
	switch n.NodeType {
	case "Seq Scan":
		return "sequential scan of " + n.Relation
	case "Index Scan", "Index Only Scan", "Bitmap Index Scan":
		if n.IndexCond == "" {
			return fmt.Sprintf("%s of %s reads index %s whole", n.NodeType, n.Relation, n.Index)
		}
		if strings.Contains(n.IndexCond, "institution_id") && !strings.Contains(n.IndexCond, "AND") {
			return fmt.Sprintf("index %s searched by institution only: %s", n.Index, n.IndexCond)
		}
	}
	return ""
}
