package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// The participant API never reads or touches a login session: a signed-in person's browser
// sends its cookie with every request (EventSource cannot leave it out), and a stamp written
// while they write a note would date the note and name them. An ordinary page, by contrast,
// does record activity, so the check could fail.
func TestIPEParticipantAPIIgnoresLoginSession(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		sess := f.newIPESession(t, f.own)
		_, err := db.SetIPEPhase(ctx, sess.ID, laeringsliv.IPEPhaseDraft)
		must(t, err)

		c := f.client(t)
		token := laeringsliv.NewToken()
		hour := time.Now().Add(-time.Hour)
		must(t, db.CreateLoginSession(ctx, &laeringsliv.LoginSession{InstitutionID: f.inst.ID,
			PersonID: f.people[laeringsliv.RoleParticipant].ID, TokenHash: laeringsliv.HashToken(token),
			IdleTimeout: 2 * time.Hour, CreatedAt: hour, LastSeenAt: hour}))
		u, _ := url.Parse(f.srv.URL)
		c.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: token, Path: "/", Secure: true}})
		seen := func() time.Time {
			s, err := db.FindLoginSession(ctx, laeringsliv.HashToken(token))
			must(t, err)
			return s.LastSeenAt
		}
		before := seen()

		var joined JoinResponse
		if code := f.api(t, c, "POST", "/api/v1/join", "", map[string]string{"code": sess.JoinCode}, &joined); code != http.StatusCreated {
			t.Fatalf("join: %d", code)
		}
		if code := f.api(t, c, "POST", "/api/v1/sessions/"+itoa(sess.ID)+"/notes", joined.Token,
			map[string]any{"text": "Mer tid til overlapp"}, nil); code != http.StatusCreated {
			t.Fatalf("note: %d", code)
		}
		if code := f.api(t, c, "GET", "/api/v1/sessions/"+itoa(sess.ID), joined.Token, nil, nil); code != http.StatusOK {
			t.Fatalf("state: %d", code)
		}
		if got := seen(); !got.Equal(before) {
			t.Fatalf("the participant API touched the login session: %v → %v", before, got)
		}

		resp, err := c.Get(f.srv.URL + "/")
		must(t, err)
		resp.Body.Close()
		after := seen()
		if !after.After(before) {
			t.Fatalf("an ordinary page did not record activity (%v), so the check above proves nothing", after)
		}
		if after.Truncate(time.Minute) != after {
			t.Fatalf("activity stamp %v is finer than a minute", after)
		}
	})
}
