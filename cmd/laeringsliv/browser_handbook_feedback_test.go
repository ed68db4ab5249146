package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"laeringsliv"
	"laeringsliv/browsertest"
)

// TestBrowserHandbookAnonymousFeedback: the author opens the demo handbook's draft for
// feedback; a participant marks a passage as unclear with a comment, anonymously; the author
// sees the mark in the chapter's margin and resolves it. Then the raw database is searched as
// an examiner would: the mark's row has no writer and no time, and no other row of any table
// holds the mark's id.
func TestBrowserHandbookAnonymousFeedback(t *testing.T) {
	b := browsers.acquire(t)
	t.Parallel()
	var dbPath string
	m := startAppWith(t, func(c *Config) { dbPath = c.Database })
	ctx := context.Background()
	prog := workplaces(t, m)[0].ProgrammeID
	h := programmeHandbook(t, m, prog)
	chs, err := m.DB.FindChapters(ctx, h.ID)
	if err != nil || len(chs) == 0 {
		t.Fatalf("the demo handbook has no chapters: %v", err)
	}
	base := m.URL() + "/programmes/" + itoa(prog) + "/handbook"

	author := b.NewTab(t, norwegian(browsertest.Desktop))
	signIn(t, author, m.URL(), loginFor(t, m, laeringsliv.RoleTeacher), "/")
	browsertest.Navigate(t, author, base)
	clickAndWait(t, author, `form[action$="/handbook/feedback"] button`)

	reader := b.NewTab(t, norwegian(browsertest.Phone))
	signIn(t, reader, m.URL(), loginFor(t, m, laeringsliv.RoleParticipant), "/")
	browsertest.Navigate(t, reader, base+"/draft")
	c := chs[0]
	id := itoa(c.ID)
	passage := strings.SplitN(c.Body, "\n", 2)[0]
	do(t, reader, chromedp.SendKeys(chromedp.CSS("#f-passage-"+id), passage),
		chromedp.Click(chromedp.CSS("#f-kind-"+id+"-unclear")),
		chromedp.SendKeys(chromedp.CSS("#f-comment-"+id), "Hva betyr «sammen» her?"),
		chromedp.Click(chromedp.CSS("#f-anon-"+id)))
	clickAndWait(t, reader, `#chapter-`+id+` form button[type=submit]`)
	if text := mainText(t, reader); !strings.Contains(text, "Takk!") {
		t.Fatalf("the reader was not thanked: %.200q", text)
	}

	browsertest.Navigate(t, author, base+"/chapters/"+id)
	if text := mainText(t, author); !strings.Contains(text, "Hva betyr «sammen» her?") || !strings.Contains(text, "Uklart") {
		t.Fatalf("the margin lacks the mark: %.300q", text)
	}
	clickAndWait(t, author, `#marks form button`)
	if text := eval[string](t, author, `document.getElementById("marks").innerText`); !strings.Contains(text, "Løst") {
		t.Errorf("the mark was not resolved: %q", text)
	}
	browsertest.AssertAxe(t, author, "chapter editor with a resolved mark")

	marks, err := m.DB.FindMarks(ctx, c.ID)
	if err != nil || len(marks) != 1 || marks[0].PersonID != 0 || !marks[0].Resolved {
		t.Fatalf("marks = %+v, %v", marks, err)
	}
	checkRawMark(t, dbPath, marks[0].ID)
}

// checkRawMark opens the SQLite file as it is on disk and checks that the mark's row names no
// writer and carries no time, and that no other row anywhere holds the mark's id.
func checkRawMark(t *testing.T, path, markID string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT * FROM handbook_marks WHERE id = ?`, markID)
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := rows.Columns()
	for _, c := range cols {
		if strings.Contains(c, "time") || strings.HasSuffix(c, "_at") || c == "created" {
			t.Errorf("handbook_marks has a time column %q", c)
		}
	}
	if !rows.Next() {
		t.Fatal("the mark is not in the database")
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	for i, c := range cols {
		if c == "person_id" && vals[i] != nil {
			t.Errorf("the anonymous mark's person_id is %v", vals[i])
		}
	}
	tables, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		if err := tables.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	tables.Close()
	for _, n := range names {
		if n == "handbook_marks" {
			continue
		}
		var hits int
		all, err := db.Query(fmt.Sprintf(`SELECT * FROM %q`, n))
		if err != nil {
			continue // a virtual or internal table
		}
		cs, _ := all.Columns()
		v := make([]any, len(cs))
		p := make([]any, len(cs))
		for i := range v {
			p[i] = &v[i]
		}
		for all.Next() {
			if err := all.Scan(p...); err != nil {
				t.Fatal(err)
			}
			for _, x := range v {
				if s := fmt.Sprint(x); strings.Contains(s, markID) {
					hits++
				}
				if b, ok := x.([]byte); ok && strings.Contains(string(b), markID) {
					hits++
				}
			}
		}
		all.Close()
		if hits > 0 {
			t.Errorf("table %s holds the anonymous mark's id %d times", n, hits)
		}
	}
}
