package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestLoginSession(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		s := &laeringsliv.LoginSession{PersonID: o.person.ID, TokenHash: laeringsliv.HashToken("a"), SharedDevice: true}
		must(t, db.CreateLoginSession(ctx, s))
		if s.ID == 0 || s.InstitutionID != o.inst.ID || s.IdleTimeout != laeringsliv.SharedDeviceIdleTimeout ||
			!recent(s.CreatedAt) || !s.LastSeenAt.Equal(s.CreatedAt) {
			t.Fatalf("created %+v", s)
		}
		got, err := db.FindLoginSession(ctx, s.TokenHash)
		must(t, err)
		if *got != *s {
			t.Fatalf("found %+v, want %+v", got, s)
		}

		later := s.LastSeenAt.Add(10 * time.Minute)
		must(t, db.TouchLoginSession(ctx, s.ID, later))
		got, err = db.FindLoginSession(ctx, s.TokenHash)
		must(t, err)
		if !got.LastSeenAt.Equal(later) {
			t.Fatalf("LastSeenAt = %v, want %v", got.LastSeenAt, later)
		}
		wantNotFound(t, db.TouchLoginSession(ctx, 999, later))

		must(t, db.DeleteLoginSession(ctx, s.TokenHash))
		_, err = db.FindLoginSession(ctx, s.TokenHash)
		wantNotFound(t, err)
		must(t, db.DeleteLoginSession(ctx, s.TokenHash)) // signing out twice is fine

		wantNotFound(t, db.CreateLoginSession(ctx, &laeringsliv.LoginSession{PersonID: 999, TokenHash: "x"}))
		wantCode(t, db.CreateLoginSession(ctx, &laeringsliv.LoginSession{PersonID: o.person.ID}), laeringsliv.EINVALID, "")
	})
}

func TestDeleteLoginSessions(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		other := newPerson(t, db, o.inst.ID, "Per", "per@example.no")
		var mine []*laeringsliv.LoginSession
		for _, tok := range []string{"1", "2", "3"} {
			s := &laeringsliv.LoginSession{PersonID: o.person.ID, TokenHash: laeringsliv.HashToken(tok)}
			must(t, db.CreateLoginSession(ctx, s))
			mine = append(mine, s)
		}
		theirs := &laeringsliv.LoginSession{PersonID: other.ID, TokenHash: laeringsliv.HashToken("4")}
		must(t, db.CreateLoginSession(ctx, theirs))

		must(t, db.DeleteLoginSessions(ctx, o.person.ID, mine[1].ID))
		for i, s := range mine {
			_, err := db.FindLoginSession(ctx, s.TokenHash)
			if i == 1 {
				must(t, err)
			} else {
				wantNotFound(t, err)
			}
		}
		_, err := db.FindLoginSession(ctx, theirs.TokenHash)
		must(t, err)

		must(t, db.DeleteLoginSessions(ctx, o.person.ID, 0))
		_, err = db.FindLoginSession(ctx, mine[1].TokenHash)
		wantNotFound(t, err)
	})
}

func TestDeleteExpiredLoginSessions(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
		shared := &laeringsliv.LoginSession{PersonID: o.person.ID, TokenHash: "shared", SharedDevice: true,
			CreatedAt: t0, LastSeenAt: t0}
		own := &laeringsliv.LoginSession{PersonID: o.person.ID, TokenHash: "own", CreatedAt: t0, LastSeenAt: t0}
		must(t, db.CreateLoginSession(ctx, shared))
		must(t, db.CreateLoginSession(ctx, own))
		if own.IdleTimeout != laeringsliv.OwnDeviceIdleTimeout {
			t.Fatalf("own device idle timeout = %v", own.IdleTimeout)
		}

		for _, c := range []struct {
			now  time.Time
			want int64
			gone []string
		}{
			{t0.Add(15 * time.Minute), 0, nil}, // exactly at the timeout is not yet expired
			{t0.Add(16 * time.Minute), 1, []string{"shared"}},
			{t0.Add(13 * time.Hour), 1, []string{"shared", "own"}},
		} {
			n, err := db.DeleteExpiredLoginSessions(ctx, c.now)
			must(t, err)
			if n != c.want {
				t.Errorf("at %v deleted %d, want %d", c.now, n, c.want)
			}
			for _, s := range []*laeringsliv.LoginSession{shared, own} {
				if s.Expired(c.now) != contains(c.gone, s.TokenHash) {
					t.Fatalf("test is wrong about %s at %v", s.TokenHash, c.now)
				}
				_, err := db.FindLoginSession(ctx, s.TokenHash)
				if contains(c.gone, s.TokenHash) {
					wantNotFound(t, err)
				} else {
					must(t, err)
				}
			}
		}
	})
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// A session kept busy is still ended at MaxSessionAge.
func TestLoginSessionAbsoluteLifetime(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
		s := &laeringsliv.LoginSession{PersonID: o.person.ID, TokenHash: "busy", CreatedAt: t0, LastSeenAt: t0}
		must(t, db.CreateLoginSession(ctx, s))
		end := t0.Add(laeringsliv.MaxSessionAge + time.Minute)
		must(t, db.TouchLoginSession(ctx, s.ID, end.Add(-time.Minute)))
		s.LastSeenAt = end.Add(-time.Minute)
		if !s.Expired(end) {
			t.Fatal("a busy session outlives MaxSessionAge")
		}
		n, err := db.DeleteExpiredLoginSessions(ctx, end)
		must(t, err)
		if n != 1 {
			t.Errorf("deleted %d; want the busy session gone", n)
		}
	})
}
