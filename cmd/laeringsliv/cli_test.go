package main

import (
	"bytes"
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"laeringsliv/password"
	"laeringsliv/sqlstore"
)

// cli runs the command line with an environment and standard input.
func cli(t *testing.T, env map[string]string, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &CLI{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	}}
	code = c.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func TestCLIHelp(t *testing.T) {
	for _, args := range [][]string{
		{"serve"}, {"migrate"}, {"backup"}, {"version"}, {"user", "add"}, {"user", "passwd"}, {"user", "list"},
	} {
		code, out, _ := cli(t, nil, "", append(args, "--help")...)
		name := strings.Join(args, " ")
		if code != 0 || !strings.Contains(out, "Usage: laeringsliv "+name) {
			t.Errorf("%s --help: exit %d, output:\n%s", name, code, out)
		}
	}
	code, out, _ := cli(t, nil, "", "serve", "--help")
	for _, env := range []string{"LAERINGSLIV_ADDR", "LAERINGSLIV_DATABASE", "LAERINGSLIV_DEMO", "LAERINGSLIV_LOG_FORMAT", "LAERINGSLIV_LOG_LEVEL"} {
		if code != 0 || !strings.Contains(out, env) {
			t.Errorf("serve --help does not document %s", env)
		}
	}
	if code, out, _ := cli(t, nil, "", "--help"); code != 0 || !strings.Contains(out, "Commands:") {
		t.Errorf("--help: exit %d:\n%s", code, out)
	}
}

func TestCLIUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nope"}, {"user"}, {"user", "nope"}, {"serve", "--nope"}, {"backup"}, {"version", "x"}} {
		code, _, errOut := cli(t, nil, "", args...)
		if code != 2 || !strings.Contains(errOut, "Usage: laeringsliv") {
			t.Errorf("%q: exit %d, stderr:\n%s", args, code, errOut)
		}
	}
}

func TestCLIVersion(t *testing.T) {
	code, out, _ := cli(t, nil, "", "version")
	if code != 0 || !strings.HasPrefix(out, "laeringsliv ") || !strings.Contains(out, runtime.Version()) {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

func checkPassword(t *testing.T, path, email, pw string) {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := db.FindPersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	h, err := db.PasswordHash(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := password.Check(pw, h); !ok || err != nil {
		t.Errorf("password of %s does not check (%v)", email, err)
	}
}

func TestCLIUsers(t *testing.T) {
	path := tempDB(t)
	db := []string{"--database", path, "--log-level", "warn"}
	code, out, errOut := cli(t, nil, "hemmelig-passord\n", append([]string{"user", "add", "--email", "Kari@Example.no", "--name", "Kari Nordmann", "--admin", "--password-stdin"}, db...)...)
	if code != 0 || !strings.Contains(out, "kari@example.no") || strings.Contains(out, "shown once") {
		t.Fatalf("user add: exit %d\n%s%s", code, out, errOut)
	}
	checkPassword(t, path, "kari@example.no", "hemmelig-passord")

	code, out, _ = cli(t, nil, "", append([]string{"user", "add", "--email", "ola@example.no", "--name", "Ola"}, db...)...)
	_, generated, ok := strings.Cut(out, "Password (shown once): ")
	if code != 0 || !ok {
		t.Fatalf("user add without stdin: exit %d\n%s", code, out)
	}
	checkPassword(t, path, "ola@example.no", strings.TrimSpace(generated))

	if code, _, _ := cli(t, nil, "", append([]string{"user", "add", "--email", "ola@example.no", "--name", "Ola"}, db...)...); code != 1 {
		t.Errorf("duplicate user add: exit %d, want 1", code)
	}
	for _, bad := range [][]string{{"--email", "not-an-address", "--name", "X"}, {"--name", "X"}, {"--email", "x@example.no"}} {
		if code, _, _ := cli(t, nil, "", append(append([]string{"user", "add"}, bad...), db...)...); code != 2 {
			t.Errorf("user add %q: exit %d, want 2", bad, code)
		}
	}
	if code, _, _ := cli(t, nil, "short\n", append([]string{"user", "add", "--email", "y@example.no", "--name", "Y", "--password-stdin"}, db...)...); code != 2 {
		t.Errorf("short password: exit %d, want 2", code)
	}

	if code, out, _ = cli(t, nil, "et-nytt-passord", append([]string{"user", "passwd", "--email", "OLA@example.no", "--password-stdin"}, db...)...); code != 0 {
		t.Fatalf("user passwd: exit %d\n%s", code, out)
	}
	checkPassword(t, path, "ola@example.no", "et-nytt-passord")
	if code, _, _ := cli(t, nil, "", append([]string{"user", "passwd", "--email", "nobody@example.no"}, db...)...); code != 1 {
		t.Errorf("passwd of unknown user: exit %d, want 1", code)
	}

	code, out, _ = cli(t, nil, "", append([]string{"user", "list"}, db...)...)
	if code != 0 || !strings.Contains(out, "E-MAIL") {
		t.Fatalf("user list: exit %d\n%s", code, out)
	}
	for _, want := range []string{"Kari Nordmann", "kari@example.no", "admin", "ola@example.no"} {
		if !strings.Contains(out, want) {
			t.Errorf("user list lacks %q:\n%s", want, out)
		}
	}
}

// The environment names the database unless --database is given.
func TestCLIEnvPrecedence(t *testing.T) {
	a, b := tempDB(t), tempDB(t)
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		want string // database that gets the user
	}{
		{"env", map[string]string{"LAERINGSLIV_DATABASE": a}, nil, a},
		{"flag", nil, []string{"--database", b}, b},
		{"flag wins", map[string]string{"LAERINGSLIV_DATABASE": a}, []string{"--database", b}, b},
	} {
		t.Run(tt.name, func(t *testing.T) {
			email := strings.ReplaceAll(tt.name, " ", "-") + "@example.no"
			args := append([]string{"user", "add", "--email", email, "--name", "N", "--log-format", "json"}, tt.args...)
			if code, out, errOut := cli(t, tt.env, "", args...); code != 0 {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			_, out, _ := cli(t, nil, "", "user", "list", "--database", tt.want)
			if !strings.Contains(out, email) {
				t.Errorf("%s not in %s:\n%s", email, tt.want, out)
			}
		})
	}
}

func TestCLIMigrate(t *testing.T) {
	path := tempDB(t)
	code, out, errOut := cli(t, nil, "", "migrate", "--database", path)
	if code != 0 || !strings.Contains(out, "migrated") || !strings.Contains(out, "empty") {
		t.Fatalf("migrate: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := cli(t, nil, "pw-for-backup-test", "user", "add", "--email", "b@example.no", "--name", "B", "--password-stdin", "--database", path); code != 0 {
		t.Fatal("user add failed")
	}
	if code, out, _ := cli(t, nil, "", "migrate", "--database", path); code != 0 || !strings.Contains(out, "1 people") {
		t.Errorf("migrate after user add: exit %d\n%s", code, out)
	}
}

func TestCLIBackup(t *testing.T) {
	path := tempDB(t)
	if code, _, _ := cli(t, nil, "pw-for-backup-test", "user", "add", "--email", "b@example.no", "--name", "B", "--password-stdin", "--database", path); code != 0 {
		t.Fatal("user add failed")
	}
	backup := filepath.Join(t.TempDir(), "backup.tar.gz")
	if code, out, errOut := cli(t, nil, "", "backup", "--database", path, backup); code != 0 {
		t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	if code, out, errOut := cli(t, nil, "", "restore", "--database", restored, backup); code != 0 {
		t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
	}
	checkPassword(t, restored, "b@example.no", "pw-for-backup-test")
	if code, _, _ := cli(t, nil, "", "restore", "--database", restored, backup); code != 1 {
		t.Errorf("restore over an existing database: exit %d, want 1", code)
	}
	if code, _, _ := cli(t, nil, "", "backup", "--database", path, backup); code != 1 {
		t.Errorf("backup over an existing file: exit %d, want 1", code)
	}
}
