package codecheck

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimeZoneLoadedOnce holds that Norway's time zone is loaded in one place, the domain's
// Norway, so that every page, report and import agrees on it and on its fallback.
func TestTimeZoneLoadedOnce(t *testing.T) {
	root := moduleRoot(t)
	var loaders []string
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
		if filepath.Ext(path) != ".go" || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte("time.LoadLocation(")) {
			rel, _ := filepath.Rel(root, path)
			loaders = append(loaders, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(loaders) != 1 || loaders[0] != "progress.go" {
		t.Errorf("time zones are loaded in %v; load Norway's once, in progress.go (laeringsliv.Norway), and call it", loaders)
	}
}
