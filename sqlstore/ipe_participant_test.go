package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// A phone's token finds its participant and session in one read, the same as read apart.
func TestFindIPEParticipantSession(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		s := newIPESession(t, db, o)
		advance(t, db, s)
		p, token, err := db.JoinIPE(ctx, s.ID, 0)
		must(t, err)
		got, sess, err := db.FindIPEParticipantSession(ctx, laeringsliv.HashToken(token))
		must(t, err)
		want, err := db.FindIPEParticipant(ctx, laeringsliv.HashToken(token))
		must(t, err)
		if *got != *want || got.ID != p.ID {
			t.Errorf("participant %+v; want %+v", got, want)
		}
		wantSess, err := db.FindIPESession(ctx, s.ID)
		must(t, err)
		if sess.ID != wantSess.ID || sess.Phase != wantSess.Phase || sess.K != wantSess.K ||
			sess.InstitutionID != wantSess.InstitutionID || sess.Question != wantSess.Question || !sess.CreatedAt.Equal(wantSess.CreatedAt) {
			t.Errorf("session %+v; want %+v", sess, wantSess)
		}
		_, _, err = db.FindIPEParticipantSession(ctx, laeringsliv.HashToken("no such token"))
		wantCode(t, err, laeringsliv.ENOTFOUND, "")
	})
}
