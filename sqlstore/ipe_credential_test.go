package sqlstore_test

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"math"
	"math/big"
	mrand "math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/cloudflare/circl/blindsign/blindrsa"

	"laeringsliv"
	"laeringsliv/blindcred"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func newMembersSession(t *testing.T, db *sqlstore.DB, o *org) *laeringsliv.IPESession {
	t.Helper()
	s := &laeringsliv.IPESession{WorkplaceID: o.wpA.ID, Kind: laeringsliv.IPEKindCapture,
		Question: "Hva kan vi gjøre bedre?", JoinMode: laeringsliv.IPEJoinMembers}
	must(t, db.CreateIPESession(ctx, s, []string{"Gruppe 1"}, nil))
	return s
}

// credentialFor runs the member's side of issuance with circl's client, as the browser does.
func credentialFor(t *testing.T, db *sqlstore.DB, sessionID, personID int64) (msg, sig []byte, err error) {
	t.Helper()
	pk, err := db.FindIPECredentialKey(ctx, sessionID)
	must(t, err)
	n, _ := base64.RawURLEncoding.DecodeString(pk.N)
	e, _ := base64.RawURLEncoding.DecodeString(pk.E)
	pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	c, err := blindrsa.NewClient(blindcred.Variant, pub)
	must(t, err)
	msg = make([]byte, blindcred.MessageSize)
	_, _ = rand.Read(msg)
	blinded, state, err := c.Blind(rand.Reader, msg)
	must(t, err)
	bsig, err := db.IssueIPECredential(ctx, sessionID, personID, blinded)
	if err != nil {
		return nil, nil, err
	}
	sig, err = c.Finalize(state, bsig)
	must(t, err)
	return msg, sig, nil
}

// One member, one credential: a second is refused until a facilitator allows another; a
// credential joins once; a made-up one never; plain joins are refused; k counts people.
func TestIPEMembersOnly(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		s := newMembersSession(t, db, o)
		_, _, err := db.JoinIPE(ctx, s.ID, 0)
		wantCode(t, err, laeringsliv.EFORBIDDEN, "ipe.error.members_only")
		_, _, err = db.JoinIPE(ctx, s.ID, laeringsliv.IPEObserver) // the facilitator's screens
		must(t, err)

		msg, sig, err := credentialFor(t, db, s.ID, o.person.ID)
		must(t, err)
		_, _, err = credentialFor(t, db, s.ID, o.person.ID)
		wantCode(t, err, laeringsliv.ECONFLICT, "ipe.error.already_joined")

		p, token, err := db.RedeemIPECredential(ctx, s.ID, msg, sig, 0)
		must(t, err)
		if p.GroupID == 0 || token == "" {
			t.Fatalf("redeemed %+v", p)
		}
		_, _, err = db.RedeemIPECredential(ctx, s.ID, msg, sig, 0)
		wantCode(t, err, laeringsliv.ECONFLICT, "ipe.error.credential_used")
		bad := append([]byte(nil), msg...)
		bad[0] ^= 1
		_, _, err = db.RedeemIPECredential(ctx, s.ID, bad, sig, 0)
		wantCode(t, err, laeringsliv.EINVALID, "ipe.error.credential_invalid")

		// Lost phone: the facilitator allows one more.
		must(t, db.AllowIPEReissue(ctx, s.ID, o.person.ID))
		msg2, sig2, err := credentialFor(t, db, s.ID, o.person.ID)
		must(t, err)
		_, _, err = db.RedeemIPECredential(ctx, s.ID, msg2, sig2, 0)
		must(t, err)
		iss, err := db.FindIPEIssuance(ctx, s.ID)
		must(t, err)
		if len(iss) != 1 || iss[0].PersonID != o.person.ID || iss[0].Issued != 2 || iss[0].Allowed != 2 {
			t.Fatalf("issuance %+v", iss)
		}

		// An open session has no key; its credentials do not exist.
		open := newIPESession(t, db, o)
		_, err = db.FindIPECredentialKey(ctx, open.ID)
		wantNotFound(t, err)
	})
}

// Issuing and redeeming cannot be matched by storage order: members ask for credentials at
// about the same moment (a session starting) and each phone redeems after a random delay, so
// the order of redemptions is a shuffle of the order of issuance. The examiner pairs the k-th
// issuance row (by physical position in the SQLite file, or by xmin on PostgreSQL) with the
// k-th redemption (participant id, or spent hash position); over the runs, no better than
// chance (one right per run on average; the bound is four standard deviations above).
func TestIPECredentialUnlinkable(t *testing.T) {
	const runs, members = 6, 8
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			right := 0
			for range runs {
				var db *sqlstore.DB
				var path string
				if engine == "sqlite" {
					path = filepath.Join(t.TempDir(), "cred.db")
					var err error
					db, err = sqlstore.Open(ctx, path)
					must(t, err)
					t.Cleanup(func() { _ = db.Close() })
				} else {
					db = sqltest.OpenPostgres(t)
				}
				o := newOrg(t, db)
				s := newMembersSession(t, db, o)
				type cred struct{ msg, sig []byte }
				var creds []cred
				var persons []int64
				for i := range members {
					p := newPerson(t, db, o.inst.ID, "Medlem", "medlem"+string(rune('a'+i))+"@example.no")
					persons = append(persons, p.ID)
					m, sg, err := credentialFor(t, db, s.ID, p.ID)
					must(t, err)
					creds = append(creds, cred{m, sg})
				}
				order := mrand.Perm(members)  // the phones' random delays
				joinedBy := map[int64]int64{} // participant id → person
				for _, i := range order {
					p, _, err := db.RedeemIPECredential(ctx, s.ID, creds[i].msg, creds[i].sig, 0)
					must(t, err)
					joinedBy[p.ID] = persons[i]
				}
				issued := issuanceOrder(t, db, path, s.ID, persons)
				redeemed := redemptionOrder(t, db, s.ID)
				for k := range min(len(issued), len(redeemed)) {
					if joinedBy[redeemed[k]] == issued[k] {
						right++
					}
				}
			}
			bound := runs + 4*math.Sqrt(runs)
			t.Logf("%s: issuance ~ redemption order: %d of %d right (%.1f%%), chance %.1f%%",
				engine, right, runs*members, 100*float64(right)/float64(runs*members), 100.0/members)
			if float64(right) > bound {
				t.Errorf("issuance and redemption link better than chance: %d right (bound %.1f)", right, bound)
			}
		})
	}
}

// issuanceOrder is the persons in the order of their issuance rows: by xmin on PostgreSQL.
func issuanceOrder(t *testing.T, db *sqlstore.DB, path string, sessionID int64, persons []int64) []int64 {
	t.Helper()
	_, read := db.Pools()
	if path == "" {
		rows, err := read.QueryContext(ctx, `SELECT person_id FROM ipe_credentials WHERE session_id = $1
			ORDER BY xmin::text::bigint`, sessionID)
		must(t, err)
		defer rows.Close()
		var out []int64
		for rows.Next() {
			var p int64
			must(t, rows.Scan(&p))
			out = append(out, p)
		}
		return out
	}
	// On SQLite the examiner is granted the true order of issuance, the best any reading of
	// the pages or the log could give: the order in which this script asked.
	return persons
}

// redemptionOrder is the participants in the order their rows were written.
func redemptionOrder(t *testing.T, db *sqlstore.DB, sessionID int64) []int64 {
	t.Helper()
	_, read := db.Pools()
	rows, err := read.QueryContext(ctx, `SELECT id FROM ipe_participants WHERE session_id = $1 AND group_id IS NOT NULL ORDER BY id`, sessionID)
	must(t, err)
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		must(t, rows.Scan(&id))
		out = append(out, id)
	}
	return out
}
