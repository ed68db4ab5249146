package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The command line never surprises: a command that reads refuses a database that does not
// exist, names its path and creates nothing; errors are sentences in the user's language,
// never catalogue keys; every command group answers --help; serve reports a port in use
// before it touches the database.
func TestCLINeverSurprises(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "mistyped", "path.db")
	existing := filepath.Join(dir, "real.db")
	if code, _, errOut := cli(t, nil, "", "migrate", "--database", existing); code != 0 {
		t.Fatalf("migrate: %d %s", code, errOut)
	}
	backup := filepath.Join(dir, "copy.db")
	if code, _, errOut := cli(t, nil, "", "backup", "--database", existing, backup); code != 0 {
		t.Fatalf("backup: %d %s", code, errOut)
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	servedDB := filepath.Join(dir, "served", "demo.db")

	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string // in stdout for exit 0, in stderr otherwise
	}{
		{"report on a missing database", nil, []string{"report", "participation", "--database", missing}, 1, "Databasen " + missing + " finnes ikke"},
		{"report evidence, missing", nil, []string{"report", "evidence", "--database", missing}, 1, "finnes ikke"},
		{"exam list, missing, English", map[string]string{"LANG": "en_GB.UTF-8"}, []string{"export", "exam-list", "--database", missing}, 1, "The database " + missing + " does not exist"},
		{"user list, missing, Nynorsk", map[string]string{"LC_ALL": "nn_NO.UTF-8"}, []string{"user", "list", "--database", missing}, 1, "finst ikkje"},
		{"token, missing", nil, []string{"token", "create", "--user", "a@b.no", "--database", missing}, 1, "finnes ikke"},
		{"backup, missing", nil, []string{"backup", "--database", missing, filepath.Join(dir, "x.db")}, 1, "finnes ikke"},
		{"backup over a file", nil, []string{"backup", "--database", existing, backup}, 1, backup + " finnes allerede"},
		{"user --help", nil, []string{"user", "--help"}, 0, "Usage: laeringsliv user add|passwd|list"},
		{"token --help", nil, []string{"token", "--help"}, 0, "Usage: laeringsliv token create"},
		{"export --help", nil, []string{"export", "--help"}, 0, "Usage: laeringsliv export exam-list"},
		{"report --help", nil, []string{"report", "-h"}, 0, "Usage: laeringsliv report participation|evidence"},
		{"user alone", nil, []string{"user"}, 2, "Usage: laeringsliv user"},
		{"serve on a busy port", nil, []string{"serve", "--demo", "--addr", busy.Addr().String(), "--admin-addr", "off", "--database", servedDB}, 1, "cannot listen on " + busy.Addr().String()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := cli(t, tc.env, "", tc.args...)
			text := errOut
			if tc.code == 0 {
				text = out
			}
			if code != tc.code || !strings.Contains(text, tc.want) {
				t.Errorf("exit %d (want %d); stdout:\n%s\nstderr:\n%s", code, tc.code, out, errOut)
			}
			for _, key := range []string{"error.", "cli.error", "not_found:", "invalid:"} {
				if strings.Contains(errOut, key) {
					t.Errorf("stderr shows an internal key %q:\n%s", key, errOut)
				}
			}
		})
	}
	for _, path := range []string{filepath.Dir(missing), filepath.Dir(servedDB)} {
		if _, err := os.Stat(path); err == nil {
			t.Errorf("%s was created", path)
		}
	}
}
