package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIGroupHelp checks every command group answers --help with exit 0 and its subcommands.
func TestCLIGroupHelp(t *testing.T) {
	for group, sub := range map[string]string{"user": "user list", "token": "token create", "export": "export exam-list", "report": "report participation"} {
		for _, flag := range []string{"--help", "-h"} {
			code, out, _ := cli(t, nil, "", group, flag)
			if code != 0 || !strings.Contains(out, sub) {
				t.Errorf("%s %s: exit %d:\n%s", group, flag, code, out)
			}
		}
	}
}

// TestCLIReadOnlyRefusesMissingDatabase checks that commands that only read name the missing
// file, in the user's language, and create nothing: neither the file nor its folders.
func TestCLIReadOnlyRefusesMissingDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mistyped", "path.db")
	for _, c := range []struct {
		args []string
		lang string
		want string
	}{
		{[]string{"report", "participation"}, "", "finnes ikke"},
		{[]string{"report", "evidence"}, "nb_NO.UTF-8", "finnes ikke"},
		{[]string{"export", "exam-list"}, "nn_NO.UTF-8", "finst ikkje"},
		{[]string{"user", "list"}, "en_GB.UTF-8", "does not exist"},
		{[]string{"user", "passwd", "--email", "a@b.no"}, "C.UTF-8", "finnes ikke"},
		{[]string{"token", "create", "--user", "a@b.no"}, "en_US", "does not exist"},
	} {
		env := map[string]string{"LAERINGSLIV_DATABASE": path}
		if c.lang != "" {
			env["LANG"] = c.lang
		}
		code, _, errOut := cli(t, env, "", c.args...)
		if code != 1 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, path) {
			t.Errorf("%q (LANG=%s): exit %d, stderr %q", c.args, c.lang, code, errOut)
		}
		if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
			t.Fatalf("%q created %s", c.args, filepath.Dir(path))
		}
	}
}

// TestCLIErrorsAreSentences checks a domain error prints the catalog's sentence, not its key.
func TestCLIErrorsAreSentences(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db.sqlite")
	env := map[string]string{"LAERINGSLIV_DATABASE": path, "LANG": "en_GB.UTF-8"}
	if code, _, errOut := cli(t, env, "", "migrate"); code != 0 {
		t.Fatalf("migrate: %s", errOut)
	}
	for _, c := range []struct {
		args   []string
		want   string
		refuse string
	}{
		{[]string{"backup", path}, "exists already", "error.backup_exists"},
		{[]string{"report", "participation"}, "no institution", "error."},
		{[]string{"user", "passwd", "--email", "nobody@example.no", "--password-stdin"}, "", "error."},
	} {
		code, _, errOut := cli(t, env, "secret-password-1234\n", c.args...)
		if code != 1 || !strings.Contains(errOut, c.want) || strings.Contains(errOut, c.refuse) {
			t.Errorf("%q: exit %d, stderr %q", c.args, code, errOut)
		}
	}
}

// TestServeBindsFirst checks serve on a port in use fails before it creates the database.
func TestServeBindsFirst(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	path := filepath.Join(t.TempDir(), "new", "demo.db")
	env := map[string]string{"LAERINGSLIV_DATABASE": path, "LAERINGSLIV_ADDR": ln.Addr().String(), "LAERINGSLIV_DEMO": "true"}
	code, _, errOut := cli(t, env, "", "serve")
	if code != 1 || !strings.Contains(errOut, "address already in use") {
		t.Errorf("serve: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Errorf("serve touched the database before listening: %v", err)
	}
}
