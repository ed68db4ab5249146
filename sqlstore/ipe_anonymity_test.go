package sqlstore_test

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"

	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// After a session with several writers, signed in and anonymous, no row of any table holds a
// note's id or text together with anything that identifies a participant: a participant id,
// token hash, person id, name or e-mail. Ids are integers shared by many tables, so integer
// identifiers count only in columns whose name says they hold one.
func TestIPEAnonymity(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		ola := newPerson(t, db, o.inst.ID, "Ola Writer", "ola@example.no")
		s := newIPESession(t, db, o)
		advance(t, db, s)
		var secrets []string // identifiers of writers
		var notes []string   // note ids and texts
		for i := range 5 {
			p, token, err := db.JoinIPE(ctx, s.ID, 0)
			must(t, err)
			p.Token = token
			secrets = append(secrets, token, p.TokenHash)
			for j := range 2 {
				n, err := db.AddIPENote(ctx, p, fmt.Sprintf("anonymity-note-%d-%d", i, j))
				must(t, err)
				notes = append(notes, n.ID, n.Text)
			}
		}
		secrets = append(secrets, o.person.Email, o.person.Name, ola.Email, ola.Name)
		advance(t, db, s)
		for range 4 {
			_, err := db.DrawIPENote(ctx, s.ID, firstGroup(t, db, s.ID))
			must(t, err)
		}

		_, read := db.Pools()
		for _, table := range allTables(t, db) {
			rows, err := read.QueryContext(ctx, `SELECT * FROM `+table)
			must(t, err)
			cols, _ := rows.Columns()
			for rows.Next() {
				vals := make([]sql.NullString, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				must(t, rows.Scan(ptrs...))
				hasNote, hasWriter := false, false
				for i, v := range vals {
					if !v.Valid {
						continue
					}
					for _, n := range notes {
						hasNote = hasNote || strings.Contains(v.String, n)
					}
					for _, sec := range secrets {
						hasWriter = hasWriter || strings.Contains(v.String, sec)
					}
					c := strings.ToLower(cols[i])
					if slices.Contains([]string{"person_id", "participant_id", "created_by", "writer", "author", "token_hash", "mark"}, c) {
						hasWriter = true
					}
				}
				if hasNote && hasWriter {
					t.Errorf("%s: a row links a note to a writer: %v", table, vals)
				}
			}
			must(t, rows.Close())
		}
	})
}

func firstGroup(t *testing.T, db *sqlstore.DB, sessionID int64) int64 {
	t.Helper()
	groups, err := db.FindIPEGroups(ctx, sessionID)
	must(t, err)
	return groups[0].ID
}

// allTables lists every table of the schema, whatever later migrations add.
func allTables(t *testing.T, db *sqlstore.DB) []string {
	t.Helper()
	_, read := db.Pools()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if db.Dialect() == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	rows, err := read.QueryContext(ctx, q)
	must(t, err)
	var list []string
	for rows.Next() {
		var name string
		must(t, rows.Scan(&name))
		list = append(list, name)
	}
	must(t, rows.Close())
	if !slices.Contains(list, "ipe_notes") {
		t.Fatalf("tables %v", list)
	}
	return list
}
