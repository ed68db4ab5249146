package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"laeringsliv"
)

// usedKeys collects the message keys the code and templates use: literal keys passed to t,
// and every "error.*"/"flash.*" string in Go source of this repository (Go code names no
// other keys). Keys built at run time
// from a prefix (role., level., …) are checked against the enumerations in TestCatalogsCoverEnums.
func usedKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	tmplKey := regexp.MustCompile(`\{\{-?\s*(?:t|\$\w+\s*:=\s*t)\s+"([a-z_]+\.[a-z_.]+)"`)
	tmplKey2 := regexp.MustCompile(`\(t "([a-z_]+\.[a-z_.]+)"`)
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := templateFS.ReadFile(p)
		for _, re := range []*regexp.Regexp{tmplKey, tmplKey2} {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				keys[m[1]] = true
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	goKey := regexp.MustCompile(`"((?:error|flash)\.[a-z_]+)"`)
	err = filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range goKey.FindAllStringSubmatch(string(b), -1) {
			keys[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

func TestCatalogsHaveEveryKey(t *testing.T) {
	c, err := loadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	used := usedKeys(t)
	if len(used) < 50 {
		t.Fatalf("found only %d keys in use; the scan is broken", len(used))
	}
	for _, lang := range []string{"nb", "nn", "en"} {
		var missing []string
		for k := range used {
			if !c.keys[lang][k] {
				missing = append(missing, k)
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("catalog %s lacks %d keys: %v", lang, len(missing), missing)
		}
	}
}

func TestCatalogsAgree(t *testing.T) {
	c, err := loadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"nn", "en"} {
		for k := range c.keys["nb"] {
			if !c.keys[lang][k] {
				t.Errorf("catalog %s lacks %q, which nb has", lang, k)
			}
		}
		for k := range c.keys[lang] {
			if !c.keys["nb"][k] {
				t.Errorf("catalog %s has %q, which nb lacks", lang, k)
			}
		}
	}
}

func TestPickLanguage(t *testing.T) {
	for _, tc := range []struct {
		accept, cookie, saved, want string
	}{
		{"", "", "", "nb"},
		{"en-US,en;q=0.9", "", "", "en"},
		{"nn-NO,nn;q=0.9,nb;q=0.8", "", "", "nn"},
		{"no", "", "", "nb"},
		{"nb-NO", "", "", "nb"},
		{"de-DE,de;q=0.9", "", "", "nb"},
		{"sv-SE", "", "", "nb"},
		{"en", "nn", "", "nn"},
		{"en", "xx", "", "en"},
		{"en", "nn", "nb", "nb"},
		{"garbage;;;q=", "", "", "nb"},
	} {
		r := httptestRequest("GET", "/", nil)
		if tc.accept != "" {
			r.Header.Set("Accept-Language", tc.accept)
		}
		if tc.cookie != "" {
			r.Header.Set("Cookie", langCookie+"="+tc.cookie)
		}
		if got := pickLanguage(r, tc.saved); got != tc.want {
			t.Errorf("pickLanguage(accept %q, cookie %q, saved %q) = %q; want %q", tc.accept, tc.cookie, tc.saved, got, tc.want)
		}
	}
}

func FuzzPickLanguage(f *testing.F) {
	f.Add("nn-NO,nn;q=0.9", "en")
	f.Add("*", "")
	f.Fuzz(func(t *testing.T, accept, cookie string) {
		r := httptestRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", accept)
		r.Header.Set("Cookie", langCookie+"="+cookie)
		switch got := pickLanguage(r, ""); got {
		case "nb", "nn", "en":
		default:
			t.Fatalf("pickLanguage = %q", got)
		}
	})
}

// TestCatalogsCoverEnums checks the keys that templates build from a prefix and a value.
func TestCatalogsCoverEnums(t *testing.T) {
	c, err := loadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range laeringsliv.Roles() {
		want = append(want, "role."+string(r), "role_count."+string(r))
	}
	for _, l := range []laeringsliv.Level{laeringsliv.LevelBachelor, laeringsliv.LevelMaster} {
		want = append(want, "level."+string(l))
	}
	for _, k := range laeringsliv.ServiceKinds() {
		want = append(want, "service_kind."+string(k))
	}
	for _, p := range laeringsliv.Professions() {
		want = append(want, "profession."+string(p))
	}
	for _, lang := range []string{"nb", "nn", "en"} {
		for _, k := range want {
			if !c.keys[lang][k] {
				t.Errorf("catalog %s lacks %q", lang, k)
			}
		}
	}
}
