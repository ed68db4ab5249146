package sqlstore_test

import (
	"database/sql"
	"maps"
	"slices"
	"strings"
	"testing"

	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// schema is what the parity test compares: per table, its columns, indexes, primary key and
// foreign keys, each as a comparable string.
type schema map[string]*tableSchema

type tableSchema struct {
	columns map[string]string // name → "type class, null|not null"
	pk      string            // column list
	indexes map[string]bool   // "unique (a, b)" or "(a, b)"; primary keys excluded
	fks     map[string]bool   // "(a, b) → t (c, d)"
}

// deliberate lists the differences between the engines that are meant, each with its reason;
// any other difference fails the test. Keys are "table.column" or "table index …".
var deliberate = map[string]string{
	// SQLite cannot add a foreign key to a table without rebuilding it, and three tables
	// reference reading_workshops; the store checks on both engines that the gathering is the
	// workplace's (sqlstore/reading.go), and PostgreSQL adds the key in migration 00041.
	"reading_workshops (institution_id, gathering_id) → gatherings (institution_id, id)": "no rebuild on SQLite",
}

// typeClass folds an engine's column type into the classes the schema uses.
func typeClass(t string) string {
	t = strings.ToLower(t)
	switch {
	case strings.Contains(t, "int"):
		return "integer"
	case strings.Contains(t, "bool"):
		return "boolean"
	case strings.Contains(t, "char"), strings.Contains(t, "text"):
		return "text"
	case strings.Contains(t, "blob"), strings.Contains(t, "bytea"):
		return "bytes"
	case strings.Contains(t, "real"), strings.Contains(t, "double"), strings.Contains(t, "numeric"), strings.Contains(t, "float"):
		return "real"
	}
	return t
}

// sameClass reports whether two type classes store the same values: SQLite has no boolean
// type, so booleans are INTEGER 0/1 there (the queries pass Go bools, which both drivers map).
func sameClass(a, b string) bool {
	return a == b || (a == "integer" && b == "boolean") || (a == "boolean" && b == "integer")
}

func readSQLite(t *testing.T, db *sqlstore.DB) schema {
	t.Helper()
	_, r := db.Pools()
	s := schema{}
	for _, table := range strings1(t, r, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name != 'goose_db_version' AND name NOT LIKE 'river_%'`) {
		ts := &tableSchema{columns: map[string]string{}, indexes: map[string]bool{}, fks: map[string]bool{}}
		s[table] = ts
		rows, err := r.QueryContext(ctx, `SELECT name, type, "notnull", pk FROM pragma_table_info($1) ORDER BY cid`, table)
		must(t, err)
		var pk []string
		pkAt := map[int]string{}
		for rows.Next() {
			var name, typ string
			var notNull, pkPos int
			must(t, rows.Scan(&name, &typ, &notNull, &pkPos))
			null := "null"
			if notNull == 1 || pkPos > 0 {
				null = "not null"
			}
			ts.columns[name] = typeClass(typ) + ", " + null
			if pkPos > 0 {
				pkAt[pkPos] = name
			}
		}
		must(t, rows.Close())
		for i := 1; i <= len(pkAt); i++ {
			pk = append(pk, pkAt[i])
		}
		ts.pk = strings.Join(pk, ", ")
		idx, err := r.QueryContext(ctx, `SELECT name, "unique", origin FROM pragma_index_list($1)`, table)
		must(t, err)
		type index struct {
			name   string
			unique bool
		}
		var list []index
		for idx.Next() {
			var name, origin string
			var unique int
			must(t, idx.Scan(&name, &unique, &origin))
			if origin != "pk" {
				list = append(list, index{name, unique == 1})
			}
		}
		must(t, idx.Close())
		for _, ix := range list {
			cols := strings1(t, r, `SELECT name FROM pragma_index_info($1) ORDER BY seqno`, ix.name)
			ts.indexes[indexKey(ix.unique, cols)] = true
		}
		fk, err := r.QueryContext(ctx, `SELECT id, "table", "from", "to" FROM pragma_foreign_key_list($1) ORDER BY id, seq`, table)
		must(t, err)
		from, to, ref := map[int][]string{}, map[int][]string{}, map[int]string{}
		for fk.Next() {
			var id int
			var rt, f, tcol string
			must(t, fk.Scan(&id, &rt, &f, &tcol))
			from[id], to[id], ref[id] = append(from[id], f), append(to[id], tcol), rt
		}
		must(t, fk.Close())
		for id := range from {
			ts.fks[fkKey(from[id], ref[id], to[id])] = true
		}
	}
	return s
}

func readPostgres(t *testing.T, db *sqlstore.DB) schema {
	t.Helper()
	_, r := db.Pools()
	s := schema{}
	for _, table := range strings1(t, r, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name != 'goose_db_version'
		AND table_name NOT LIKE 'river_%'`) {
		ts := &tableSchema{columns: map[string]string{}, indexes: map[string]bool{}, fks: map[string]bool{}}
		s[table] = ts
		rows, err := r.QueryContext(ctx, `SELECT column_name, data_type, is_nullable FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1`, table)
		must(t, err)
		for rows.Next() {
			var name, typ, nullable string
			must(t, rows.Scan(&name, &typ, &nullable))
			null := "null"
			if nullable == "NO" {
				null = "not null"
			}
			ts.columns[name] = typeClass(typ) + ", " + null
		}
		must(t, rows.Close())
		// Indexes and constraints with their columns in order, from the catalog.
		idx, err := r.QueryContext(ctx, `SELECT i.indisunique, i.indisprimary,
				array_to_string(ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
					JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o), ',')
			FROM pg_index i WHERE i.indrelid = $1::regclass`, table)
		must(t, err)
		for idx.Next() {
			var unique, primary bool
			var cols string
			must(t, idx.Scan(&unique, &primary, &cols))
			if primary {
				ts.pk = strings.ReplaceAll(cols, ",", ", ")
				continue
			}
			ts.indexes[indexKey(unique, strings.Split(cols, ","))] = true
		}
		must(t, idx.Close())
		fk, err := r.QueryContext(ctx, `SELECT confrelid::regclass::text,
				array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
					JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o), ','),
				array_to_string(ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
					JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o), ',')
			FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = $1::regclass`, table)
		must(t, err)
		for fk.Next() {
			var ref, from, to string
			must(t, fk.Scan(&ref, &from, &to))
			ts.fks[fkKey(strings.Split(from, ","), ref, strings.Split(to, ","))] = true
		}
		must(t, fk.Close())
	}
	return s
}

func indexKey(unique bool, cols []string) string {
	k := "(" + strings.Join(cols, ", ") + ")"
	if unique {
		k = "unique " + k
	}
	return k
}

func fkKey(from []string, ref string, to []string) string {
	return "(" + strings.Join(from, ", ") + ") → " + ref + " (" + strings.Join(to, ", ") + ")"
}

func strings1(t *testing.T, r *sql.DB, q string, args ...any) []string {
	t.Helper()
	rows, err := r.QueryContext(ctx, q, args...)
	must(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		must(t, rows.Scan(&s))
		out = append(out, s)
	}
	must(t, rows.Err())
	return out
}

// TestSchemaParity reads every table (but River's river_* tables, whose two schemas River's
// own migrations define and its drivers read), column (type class and nullability), primary key, index
// and foreign key from both engines' catalogs after the migrations and fails on any difference
// that deliberate does not list. Every table but institutions carries the institution key.
func TestSchemaParity(t *testing.T) {
	lite := readSQLite(t, sqltest.OpenSQLite(t))
	pg := readPostgres(t, sqltest.OpenPostgres(t))
	diff := func(key, format string, args ...any) {
		if _, ok := deliberate[key]; !ok {
			t.Errorf("%s: "+format, append([]any{key}, args...)...)
		}
	}
	var nCols, nIdx, nFK int
	for _, table := range slices.Sorted(maps.Keys(lite)) {
		l, p := lite[table], pg[table]
		if p == nil {
			diff(table, "a table on SQLite only")
			continue
		}
		if table != "institutions" && l.columns["institution_id"] == "" {
			t.Errorf("%s has no institution_id", table)
		}
		for _, col := range slices.Sorted(maps.Keys(l.columns)) {
			nCols++
			lc, pc := l.columns[col], p.columns[col]
			lt, ln, _ := strings.Cut(lc, ", ")
			pt, pn, _ := strings.Cut(pc, ", ")
			if pc == "" || !sameClass(lt, pt) || ln != pn {
				diff(table+"."+col, "sqlite %q, postgres %q", lc, pc)
			}
		}
		for col := range p.columns {
			if l.columns[col] == "" {
				diff(table+"."+col, "a column on PostgreSQL only")
			}
		}
		if l.pk != p.pk {
			diff(table+" primary key", "sqlite (%s), postgres (%s)", l.pk, p.pk)
		}
		for _, pair := range [][2]map[string]bool{{l.indexes, p.indexes}, {l.fks, p.fks}} {
			for k := range pair[0] {
				if !pair[1][k] {
					diff(table+" "+k, "on SQLite only")
				}
			}
			for k := range pair[1] {
				if !pair[0][k] {
					diff(table+" "+k, "on PostgreSQL only")
				}
			}
		}
		nIdx += len(l.indexes)
		nFK += len(l.fks)
	}
	for table := range pg {
		if lite[table] == nil {
			diff(table, "a table on PostgreSQL only")
		}
	}
	t.Logf("compared %d tables, %d columns, %d indexes, %d foreign keys", len(lite), nCols, nIdx, nFK)
	if len(lite) < 50 {
		t.Fatalf("only %d tables read", len(lite))
	}
}
