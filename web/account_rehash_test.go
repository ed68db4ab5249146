package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"laeringsliv"
	"laeringsliv/password"
	"laeringsliv/sqlstore/sqltest"
)

// Signing in with a hash made under older parameters stores a fresh one under the current.
func TestRehashOnLogin(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	current := password.Params{Memory: 128, Time: 1, Threads: 1, KeyLen: 16} // raised from testParams
	f.server.cfg.PasswordHasher = func(pw string) (string, error) { return password.Hash(pw, current) }
	f.server.cfg.PasswordNeedsRehash = func(h string) bool { return password.NeedsRehash(h, current) }
	p := f.people[laeringsliv.RoleTeacher]
	before, err := f.db.PasswordHash(context.Background(), p.ID)
	must(t, err)
	resp, _ := f.do(t, f.client(t), "POST", "/login", url.Values{"email": {p.Email}, "password": {testPassword}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d", resp.StatusCode)
	}
	after, err := f.db.PasswordHash(context.Background(), p.ID)
	must(t, err)
	if after == before || password.NeedsRehash(after, current) {
		t.Fatalf("hash not renewed: %q → %q", before, after)
	}
	if ok, _ := password.Check(testPassword, after); !ok {
		t.Fatal("the renewed hash does not take the password")
	}
}
