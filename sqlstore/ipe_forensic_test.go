package sqlstore_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// The forensic suite examines the database the way an outsider with a copy of it would: the
// SQLite main file page by page and cell by cell, its write-ahead log commit by commit, and a
// PostgreSQL database through its system columns (ctid, xmin), its heap files and pg_dump. It
// runs scripted sessions in which writers of known identity (signed in and anonymous,
// interleaved) join in one order and write, with distinct timing, in another; every linkage an
// examiner could try is then scored against the truth. A linkage passes only if, over all runs,
// it does no better than chance: each attack guesses a one-to-one mapping of notes to writers,
// so chance gives one correct guess per run on average (the expected number of fixed points of
// a random permutation), and a test fails when an attack's total exceeds that by more than four
// standard deviations (the count is close to Poisson, variance 1 per run). Chance is one in
// forensicWriters per note, so more writers a run make a partial leak stand out: with sixteen,
// the bound is 15.8 of 96 guesses (16.5 %) against a chance of 6.2 %.
//
// The rates are printed, for the record: go test ./sqlstore -run Forensic -v.

const (
	forensicRuns    = 6
	forensicWriters = 16
)

// forensicRun is one scripted session and what the examiner may read of it.
type forensicRun struct {
	db        *sqlstore.DB
	path      string // the SQLite file; "" on PostgreSQL
	session   *laeringsliv.IPESession
	texts     []string // texts[i] was written by writer i
	joinedAs  []int64  // participant id of writer i
	wroteAt   []int    // the place of writer i's note in the order of writing
	signedIn  []bool
	personOf  []int64 // person id of a signed-in writer
	redacted  string  // the original text of the note redacted after the session
	redaction string
	guesses   map[string]map[string]int // each attack's guess, made before the redaction
}

func TestIPEForensic(t *testing.T) {
	engines := []struct {
		name string
		open func(t *testing.T) (*sqlstore.DB, string)
	}{
		{"sqlite", func(t *testing.T) (*sqlstore.DB, string) {
			path := filepath.Join(t.TempDir(), "forensic.db")
			db, err := sqlstore.Open(ctx, path)
			must(t, err)
			t.Cleanup(func() { _ = db.Close() })
			return db, path
		}},
		{"postgres", func(t *testing.T) (*sqlstore.DB, string) { return sqltest.OpenPostgres(t), "" }},
	}
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			score := map[string]int{}
			for run := range forensicRuns {
				db, path := e.open(t)
				r := scriptSession(t, db, path, run)
				for name, guess := range r.guesses {
					score[name] += r.correct(guess)
				}
				r.checkRedaction(t)
				r.checkParticipantColumns(t)
			}
			bound := forensicRuns + 4*math.Sqrt(forensicRuns)
			names := make([]string, 0, len(score))
			for n := range score {
				names = append(names, n)
			}
			slices.Sort(names)
			for _, name := range names {
				got := score[name]
				t.Logf("%s: linkage %-36s %2d of %d right (%.1f%%), chance %.1f%%",
					e.name, name, got, forensicRuns*forensicWriters,
					100*float64(got)/float64(forensicRuns*forensicWriters), 100.0/forensicWriters)
				if float64(got) > bound {
					t.Errorf("linkage %q does better than chance: %d right over %d runs (bound %.1f)", name, got, forensicRuns, bound)
				}
			}
		})
	}
}

// scriptSession runs one session: writers join in order 0..n-1 (participant ids ascending)
// and write one note each in a random order, a few milliseconds apart; half are signed in
// with a login session. The hat is then closed to writing, notes are drawn, and one drawn
// note is redacted.
func scriptSession(t *testing.T, db *sqlstore.DB, path string, run int) *forensicRun {
	t.Helper()
	o := newOrg(t, db)
	r := &forensicRun{db: db, path: path}
	s := &laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva kan vi gjøre bedre?"}
	must(t, db.CreateIPESession(ctx, s, []string{"Gruppe 1", "Gruppe 2"}, nil))
	advance(t, db, s)
	r.session = s
	var parts []*laeringsliv.IPEParticipant
	for i := range forensicWriters {
		signed := i%2 == 0
		r.signedIn = append(r.signedIn, signed)
		var pid int64
		if signed {
			p := newPerson(t, db, o.inst.ID, fmt.Sprintf("Skriver %d-%d", run, i), fmt.Sprintf("skriver%d-%d@example.no", run, i))
			must(t, db.CreateLoginSession(ctx, &laeringsliv.LoginSession{PersonID: p.ID,
				TokenHash: laeringsliv.HashToken(laeringsliv.NewToken()), IdleTimeout: time.Hour}))
			pid = p.ID
		}
		r.personOf = append(r.personOf, pid)
		p, token, err := db.JoinIPE(ctx, s.ID, 0)
		must(t, err)
		p.Token = token
		parts = append(parts, p)
		r.joinedAs = append(r.joinedAs, p.ID)
		r.texts = append(r.texts, fmt.Sprintf("forensic note %d of writer %d: %s", run, i, laeringsliv.NewNoteID()))
	}
	order := rand.Perm(forensicWriters)
	r.wroteAt = make([]int, forensicWriters)
	for place, i := range order {
		r.wroteAt[i] = place
		_, err := db.AddIPENote(ctx, parts[i], r.texts[i])
		must(t, err)
		time.Sleep(3 * time.Millisecond)
	}
	advance(t, db, s) // capture → draw: the pool moves to the hat
	groups, err := db.FindIPEGroups(ctx, s.ID)
	must(t, err)
	d, err := db.DrawIPENote(ctx, s.ID, groups[0].ID)
	must(t, err)
	// The examiner's copy is taken here, before a redaction rewrites a page (which may repack
	// its cells and so hide the order by accident rather than by design).
	r.guesses = r.attacks(t)
	r.redacted, r.redaction = d.Text, "Sladdet av fasilitator"
	must(t, db.RedactIPENote(ctx, s.ID, d.NoteID, r.redaction))
	return r
}

// correct counts the writers an attack's guess (writer index by note text) gets right.
func (r *forensicRun) correct(guess map[string]int) int {
	n := 0
	for i, text := range r.texts {
		if g, ok := guess[text]; ok && g == i {
			n++
		}
	}
	return n
}

// attacks returns each linkage's guess of who wrote each note.
func (r *forensicRun) attacks(t *testing.T) map[string]map[string]int {
	t.Helper()
	out := map[string]map[string]int{}
	// Two orders of writers an examiner may know or learn: when each wrote (seen in the room,
	// or from any stamp), and when each joined (the participant rows' order).
	orders := map[string][]int{
		"when": r.writersBy(func(i int) float64 { return float64(r.wroteAt[i]) }),
		"join": r.writersBy(func(i int) float64 { return float64(r.joinedAs[i]) }),
	}
	positions := map[string]map[string]float64{}
	if r.path != "" {
		main, err := os.ReadFile(r.path)
		must(t, err)
		positions["sqlite page/cell"] = sqlitePositions(t, main, r.texts)
		wal, _ := os.ReadFile(r.path + "-wal")
		positions["wal commit"] = walCommits(wal, r.texts)
	} else {
		for _, col := range []string{"ctid", "xmin"} {
			positions["postgres "+col] = postgresPositions(t, r.db, r.session.ID, col, r.texts)
		}
	}
	for pname, pos := range positions {
		for oname, writers := range orders {
			out[pname+" ~ "+oname] = r.match(pos, writers, false)
			out[pname+" ~ "+oname+" (rev)"] = r.match(pos, writers, true)
		}
	}
	// Login stamps: signed-in writers ordered by their session's last activity, matched to
	// the notes in the physical order of the file (the attack of the earlier schema).
	stamps := loginStamps(t, r.db)
	byStamp := r.writersBy(func(i int) float64 {
		if !r.signedIn[i] {
			return math.Inf(1)
		}
		return float64(stamps[r.personOf[i]])
	})
	out["login stamp ~ stored order"] = r.match(r.notesInStoredOrder(t), byStamp, false)
	return out
}

// writersBy returns writer indexes sorted by key, ties broken at random.
func (r *forensicRun) writersBy(key func(i int) float64) []int {
	idx := rand.Perm(forensicWriters)
	sort.SliceStable(idx, func(a, b int) bool { return key(idx[a]) < key(idx[b]) })
	return idx
}

// match pairs notes, in the order of their position (unplaced notes at random), with writers
// in the given order: the k-th note is guessed to be the k-th writer's.
func (r *forensicRun) match(pos map[string]float64, writers []int, reverse bool) map[string]int {
	texts := slices.Clone(r.texts)
	rand.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	sort.SliceStable(texts, func(a, b int) bool {
		pa, oka := pos[texts[a]]
		pb, okb := pos[texts[b]]
		if !oka || !okb {
			return oka && !okb
		}
		if reverse {
			return pa > pb
		}
		return pa < pb
	})
	guess := map[string]int{}
	for k, text := range texts {
		guess[text] = writers[k]
	}
	return guess
}

// notesInStoredOrder is the physical order of the notes on whichever engine.
func (r *forensicRun) notesInStoredOrder(t *testing.T) map[string]float64 {
	if r.path != "" {
		main, err := os.ReadFile(r.path)
		must(t, err)
		return sqlitePositions(t, main, r.texts)
	}
	return postgresPositions(t, r.db, r.session.ID, "ctid", r.texts)
}

// sqlitePositions parses the main file page by page: for each leaf page it reads the cell
// pointer array and places every note by (page, cell content offset). SQLite fills a page's
// cell content area from the end towards the start, so within a page a lower offset means a
// later insert: the position is page*pagesize + (pagesize - offset), increasing with writing.
func sqlitePositions(t *testing.T, file []byte, texts []string) map[string]float64 {
	t.Helper()
	if len(file) < 100 || string(file[:15]) != "SQLite format 3" {
		t.Fatalf("not a SQLite file (%d bytes)", len(file))
	}
	size := int(binary.BigEndian.Uint16(file[16:18]))
	if size == 1 {
		size = 65536
	}
	pos := map[string]float64{}
	for pg := 0; (pg+1)*size <= len(file); pg++ {
		page := file[pg*size : (pg+1)*size]
		hdr := 0
		if pg == 0 {
			hdr = 100
		}
		kind := page[hdr]
		if kind != 0x0a && kind != 0x0d { // leaf index / leaf table pages hold the rows
			continue
		}
		cells := int(binary.BigEndian.Uint16(page[hdr+3 : hdr+5]))
		ptrs := make([]int, 0, cells)
		for c := range cells {
			at := hdr + 8 + 2*c
			if at+2 > len(page) {
				break
			}
			ptrs = append(ptrs, int(binary.BigEndian.Uint16(page[at:at+2])))
		}
		slices.Sort(ptrs)
		for _, text := range texts {
			off := bytes.Index(page, []byte(text))
			if off < 0 {
				continue
			}
			cell := off // the cell that holds the text starts at the nearest pointer below it
			for _, p := range ptrs {
				if p <= off {
					cell = p
				}
			}
			if _, seen := pos[text]; !seen {
				pos[text] = float64(pg*size + (size - cell))
			}
		}
	}
	return pos
}

// walCommits replays the write-ahead log frame by frame and gives each note the number of the
// commit in which its text first appears.
func walCommits(wal []byte, texts []string) map[string]float64 {
	pos := map[string]float64{}
	if len(wal) < 32 {
		return pos
	}
	size := int(binary.BigEndian.Uint32(wal[8:12]))
	salt := wal[16:24]
	commit := 0
	for off := 32; off+24+size <= len(wal); off += 24 + size {
		fh := wal[off : off+24]
		if !bytes.Equal(fh[8:16], salt) {
			break // a frame of an earlier generation of the log
		}
		page := wal[off+24 : off+24+size]
		for _, text := range texts {
			if _, seen := pos[text]; !seen && bytes.Contains(page, []byte(text)) {
				pos[text] = float64(commit)
			}
		}
		if binary.BigEndian.Uint32(fh[4:8]) != 0 {
			commit++
		}
	}
	return pos
}

// postgresPositions orders the notes by a system column of their rows: ctid (block, item) or
// xmin (the inserting transaction).
func postgresPositions(t *testing.T, db *sqlstore.DB, sessionID int64, col string, texts []string) map[string]float64 {
	t.Helper()
	_, read := db.Pools()
	expr := `(ctid::text::point)[0] * 1000 + (ctid::text::point)[1]`
	if col == "xmin" {
		expr = `xmin::text::bigint`
	}
	rows, err := read.QueryContext(ctx, `SELECT text, `+expr+` FROM ipe_notes WHERE session_id = $1`, sessionID)
	must(t, err)
	defer rows.Close()
	pos := map[string]float64{}
	for rows.Next() {
		var text string
		var p float64
		must(t, rows.Scan(&text, &p))
		pos[text] = p + rand.Float64()*1e-6 // equal xmins (one transaction) tie at random
	}
	must(t, rows.Err())
	return pos
}

// loginStamps returns each person's latest login-session activity, in milliseconds.
func loginStamps(t *testing.T, db *sqlstore.DB) map[int64]int64 {
	t.Helper()
	_, read := db.Pools()
	rows, err := read.QueryContext(ctx, `SELECT person_id, MAX(last_seen_at) FROM login_sessions GROUP BY person_id`)
	must(t, err)
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var p, at int64
		must(t, rows.Scan(&p, &at))
		out[p] = at
	}
	must(t, rows.Err())
	return out
}

// checkRedaction searches every byte the examiner can read for the redacted note's original
// text: the SQLite main file, WAL and shared memory file; on PostgreSQL the table's heap file
// and a pg_dump of the database; and every event a client can be served.
func (r *forensicRun) checkRedaction(t *testing.T) {
	t.Helper()
	needle := []byte(r.redacted)
	if r.path != "" {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			b, err := os.ReadFile(r.path + suffix)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			if bytes.Contains(b, needle) {
				t.Errorf("the redacted text survives in %s", filepath.Base(r.path+suffix))
			}
		}
	} else {
		_, read := r.db.Pools()
		for _, table := range []string{"ipe_notes", "ipe_note_pool", "ipe_events"} {
			var heap []byte
			err := read.QueryRowContext(ctx, `SELECT pg_read_binary_file(pg_relation_filepath($1))`, table).Scan(&heap)
			must(t, err)
			if bytes.Contains(heap, needle) {
				t.Errorf("the redacted text survives in the heap file of %s", table)
			}
		}
		if dump := pgDump(t, r.db); bytes.Contains(dump, needle) {
			t.Error("the redacted text survives in pg_dump")
		}
	}
	events, err := r.db.FindIPEEvents(ctx, r.session.ID, 0, 1000)
	must(t, err)
	served := false
	for _, e := range events {
		if bytes.Contains(e.Data, needle) {
			t.Errorf("event %d (%s) serves the redacted text", e.Seq, e.Kind)
		}
		served = served || bytes.Contains(e.Data, []byte(r.redaction))
	}
	if !served {
		t.Error("no event serves the redacted version")
	}
}

// checkParticipantColumns fails if a participant row could hold anything about a person or a
// note: only these columns may exist.
func (r *forensicRun) checkParticipantColumns(t *testing.T) {
	t.Helper()
	_, read := r.db.Pools()
	rows, err := read.QueryContext(ctx, `SELECT * FROM ipe_participants WHERE 1 = 0`)
	must(t, err)
	cols, err := rows.Columns()
	must(t, err)
	must(t, rows.Close())
	slices.Sort(cols)
	want := []string{"group_id", "id", "institution_id", "session_id", "spent", "token_hash"}
	if !slices.Equal(cols, want) {
		t.Errorf("ipe_participants has columns %v, want only %v", cols, want)
	}
}

// pgDump runs pg_dump on the test database; in CI a missing pg_dump fails the test.
func pgDump(t *testing.T, db *sqlstore.DB) []byte {
	t.Helper()
	bin, err := exec.LookPath("pg_dump")
	if err != nil {
		dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_dump")
		if len(dirs) == 0 {
			t.Fatal("pg_dump not found in PATH or /usr/lib/postgresql/*/bin")
		}
		bin = dirs[len(dirs)-1]
	}
	_, read := db.Pools()
	var name string
	must(t, read.QueryRowContext(ctx, `SELECT current_database()`).Scan(&name))
	url := sqltest.DatabaseURL(t, name)
	out, err := exec.Command(bin, "--no-owner", url).Output()
	if err != nil {
		t.Fatalf("pg_dump: %v", err)
	}
	if !strings.Contains(string(out), "ipe_notes") {
		t.Fatal("pg_dump printed no ipe_notes")
	}
	return out
}
