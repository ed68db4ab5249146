package codecheck

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// issueRef matches a comment that cites the tracker: the word issue with a number, a hash
// with a number, or an issue that is later, next or open. Such references go stale as the
// tracker moves on, and a reader of the code cannot follow them; comments say why in their
// own words.
var issueRef = regexp.MustCompile(`(?i)\bissues? #?\d+|(^|\s)#\d+\b|\b(later|next|this|that|the open) issues?\b`)

// TestNoIssueNumbersInComments reads every Go comment and every SQL comment in the module.
func TestNoIssueNumbersInComments(t *testing.T) {
	root := moduleRoot(t)
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == "vendor" || name == "node_modules" || strings.HasPrefix(name, ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		switch filepath.Ext(path) {
		case ".go":
			files++
			checkGo(t, path, rel)
		case ".sql":
			files++
			checkSQL(t, path, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("read only %d files from %s", files, root)
	}
}

func checkGo(t *testing.T, path, rel string) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	for _, g := range f.Comments {
		for _, c := range g.List {
			if m := issueRef.FindString(c.Text); m != "" {
				t.Errorf("%s:%d: comment cites the tracker (%q): say why in its own words", rel, fset.Position(c.Pos()).Line, strings.TrimSpace(m))
			}
		}
	}
}

func checkSQL(t *testing.T, path, rel string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		_, comment, ok := strings.Cut(line, "--")
		if ok && issueRef.MatchString(comment) {
			t.Errorf("%s:%d: comment cites the tracker: say why in its own words", rel, i+1)
		}
	}
}

// moduleRoot is the folder holding go.mod, above this package.
func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}
