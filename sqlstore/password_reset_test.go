package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestPasswordReset(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
		must(t, db.SetPasswordHash(ctx, o.person.ID, "old"))
		must(t, db.CreateLoginSession(ctx, &laeringsliv.LoginSession{PersonID: o.person.ID, TokenHash: "s", CreatedAt: t0}))
		pr := &laeringsliv.PasswordReset{PersonID: o.person.ID, TokenHash: "reset", CreatedAt: t0}
		must(t, db.CreatePasswordReset(ctx, pr))
		if pr.InstitutionID != o.person.InstitutionID || !pr.ExpiresAt.Equal(t0.Add(laeringsliv.PasswordResetLifetime)) {
			t.Fatalf("stored %+v", pr)
		}
		late := &laeringsliv.PasswordReset{PersonID: o.person.ID, TokenHash: "late", CreatedAt: t0}
		must(t, db.CreatePasswordReset(ctx, late))

		_, err := db.UsePasswordReset(ctx, "reset", "new", t0.Add(laeringsliv.PasswordResetLifetime+time.Second))
		wantNotFound(t, err) // expired
		id, err := db.UsePasswordReset(ctx, "reset", "new", t0.Add(time.Minute))
		must(t, err)
		if id != o.person.ID {
			t.Errorf("person %d", id)
		}
		if h, _ := db.PasswordHash(ctx, o.person.ID); h != "new" {
			t.Errorf("hash %q", h)
		}
		_, err = db.FindLoginSession(ctx, "s")
		wantNotFound(t, err) // signed out everywhere
		_, err = db.UsePasswordReset(ctx, "reset", "again", t0.Add(2*time.Minute))
		wantNotFound(t, err) // single use
		_, err = db.UsePasswordReset(ctx, "late", "again", t0.Add(2*time.Minute))
		wantNotFound(t, err) // earlier links die with the used one
		_, err = db.UsePasswordReset(ctx, "nope", "x", t0)
		wantNotFound(t, err)
	})
}
