package sqlstore_test

import (
	"fmt"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func newInvitation(t *testing.T, db *sqlstore.DB, o *org, token string, role laeringsliv.Role) *laeringsliv.Invitation {
	t.Helper()
	inv := &laeringsliv.Invitation{WorkplaceID: o.wpA.ID, Role: role, Email: "Ny@Example.no",
		TokenHash: laeringsliv.HashToken(token), CreatedBy: o.person.ID}
	must(t, db.CreateInvitation(ctx, inv))
	return inv
}

func TestInvitation(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		inv := newInvitation(t, db, o, "tok1", laeringsliv.RoleParticipant)
		if inv.ID == 0 || inv.InstitutionID != o.inst.ID || inv.Email != "ny@example.no" || !recent(inv.CreatedAt) ||
			!inv.ExpiresAt.Equal(inv.CreatedAt.Add(laeringsliv.InvitationLifetime)) {
			t.Fatalf("created %+v", inv)
		}
		got, err := db.FindInvitation(ctx, inv.TokenHash)
		must(t, err)
		if *got != *inv {
			t.Fatalf("found %+v, want %+v", got, inv)
		}
		_, err = db.FindInvitation(ctx, "nope")
		wantNotFound(t, err)

		second := newInvitation(t, db, o, "tok2", laeringsliv.RoleLeader)
		list, err := db.FindInvitations(ctx, o.wpA.ID)
		must(t, err)
		if len(list) != 2 || list[0].ID != second.ID || list[1].ID != inv.ID {
			t.Fatalf("FindInvitations = %+v, want newest first", list)
		}
		list, err = db.FindInvitations(ctx, o.wpB.ID)
		must(t, err)
		if len(list) != 0 {
			t.Fatalf("FindInvitations(B) = %+v", list)
		}

		at := time.Now().UTC().Truncate(time.Millisecond)
		must(t, db.RevokeInvitation(ctx, inv.ID, at))
		must(t, db.RevokeInvitation(ctx, inv.ID, at.Add(time.Hour))) // again: no error, first time kept
		got, err = db.FindInvitation(ctx, inv.TokenHash)
		must(t, err)
		if !got.RevokedAt.Equal(at) || got.Usable(at) {
			t.Fatalf("revoked %+v", got)
		}
		wantNotFound(t, db.RevokeInvitation(ctx, 999, at))

		wantCode(t, db.CreateInvitation(ctx, &laeringsliv.Invitation{WorkplaceID: o.wpA.ID,
			Role: laeringsliv.RoleAdmin, TokenHash: "x"}), laeringsliv.EINVALID, "error.role_invalid")
		wantNotFound(t, db.CreateInvitation(ctx, &laeringsliv.Invitation{WorkplaceID: 999,
			Role: laeringsliv.RoleParticipant, TokenHash: "x"}))
		wantCode(t, db.CreateInvitation(ctx, &laeringsliv.Invitation{WorkplaceID: o.wpA.ID,
			Role: laeringsliv.RoleParticipant}), laeringsliv.EINVALID, "")
	})
}

func TestAcceptInvitation(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		inv := newInvitation(t, db, o, "tok", laeringsliv.RoleParticipant)
		now := time.Now().UTC().Truncate(time.Millisecond)
		p := &laeringsliv.Person{Name: "Nina Ny", Profession: laeringsliv.ProfessionAssistant}
		m, err := db.AcceptInvitation(ctx, inv.TokenHash, p, "$argon2id$hash", now)
		must(t, err)
		if p.ID == 0 || p.InstitutionID != o.inst.ID || p.Email != "ny@example.no" {
			t.Fatalf("person %+v", p)
		}
		if m.ID == 0 || m.PersonID != p.ID || m.WorkplaceID != o.wpA.ID || m.ProgrammeID != o.prog.ID ||
			m.Role != laeringsliv.RoleParticipant || m.InstitutionID != o.inst.ID {
			t.Fatalf("membership %+v", m)
		}
		hash, err := db.PasswordHash(ctx, p.ID)
		must(t, err)
		if hash != "$argon2id$hash" {
			t.Fatalf("hash = %q", hash)
		}
		got, err := db.FindInvitation(ctx, inv.TokenHash)
		must(t, err)
		if !got.AcceptedAt.Equal(now) || got.AcceptedBy != p.ID {
			t.Fatalf("invitation after accept %+v", got)
		}

		// Twice: the invitation is used up.
		_, err = db.AcceptInvitation(ctx, inv.TokenHash, &laeringsliv.Person{Name: "X", Email: "x@example.no"}, "", now)
		wantCode(t, err, laeringsliv.EINVALID, "error.invitation_unusable")
		// Revoking an accepted invitation is refused.
		wantCode(t, db.RevokeInvitation(ctx, inv.ID, now), laeringsliv.EINVALID, "error.invitation_unusable")
		// Unknown token.
		_, err = db.AcceptInvitation(ctx, "nope", &laeringsliv.Person{Name: "X", Email: "x@example.no"}, "", now)
		wantNotFound(t, err)
	})
}

func TestAcceptInvitationUnusable(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		now := time.Now().UTC()
		revoked := newInvitation(t, db, o, "revoked", laeringsliv.RoleParticipant)
		must(t, db.RevokeInvitation(ctx, revoked.ID, now))
		expired := newInvitation(t, db, o, "expired", laeringsliv.RoleParticipant)
		for _, c := range []struct {
			name  string
			token string
			now   time.Time
		}{
			{"revoked", revoked.TokenHash, now},
			{"expired", expired.TokenHash, expired.ExpiresAt},
			{"long expired", expired.TokenHash, expired.ExpiresAt.Add(time.Hour)},
		} {
			p := &laeringsliv.Person{Name: "X", Email: "x@example.no"}
			_, err := db.AcceptInvitation(ctx, c.token, p, "hash", c.now)
			wantCode(t, err, laeringsliv.EINVALID, "error.invitation_unusable")
			// Nothing of the transaction remains.
			_, err = db.FindPersonByEmail(ctx, "x@example.no")
			wantNotFound(t, err)
		}
		// Just before expiry it still works.
		p := &laeringsliv.Person{Name: "X", Email: "x@example.no"}
		_, err := db.AcceptInvitation(ctx, expired.TokenHash, p, "", expired.ExpiresAt.Add(-time.Millisecond))
		must(t, err)
		_, err = db.PasswordHash(ctx, p.ID)
		wantNotFound(t, err) // no hash given, none stored
	})
}

func TestAcceptInvitationExistingPerson(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		now := time.Now().UTC()

		// A person who joins a second workplace keeps their account.
		inv := newInvitation(t, db, o, "a", laeringsliv.RoleUnionRep)
		p := &laeringsliv.Person{ID: o.person.ID}
		m, err := db.AcceptInvitation(ctx, inv.TokenHash, p, "", now)
		must(t, err)
		if p.Email != o.person.Email || m.PersonID != o.person.ID || m.Role != laeringsliv.RoleUnionRep {
			t.Fatalf("person %+v, membership %+v", p, m)
		}

		// Accepting an invitation to a role one holds already still uses it up.
		inv2 := newInvitation(t, db, o, "b", laeringsliv.RoleUnionRep)
		m2, err := db.AcceptInvitation(ctx, inv2.TokenHash, &laeringsliv.Person{ID: o.person.ID}, "", now)
		must(t, err)
		if m2.ID != m.ID {
			t.Fatalf("second accept gave membership %+v, want the existing %+v", m2, m)
		}
		got, err := db.FindInvitation(ctx, inv2.TokenHash)
		must(t, err)
		if got.AcceptedAt.IsZero() || got.AcceptedBy != o.person.ID {
			t.Fatalf("invitation not marked accepted: %+v", got)
		}

		// A new account with a taken address is refused, and the invitation stays usable.
		inv3 := newInvitation(t, db, o, "c", laeringsliv.RoleParticipant)
		_, err = db.AcceptInvitation(ctx, inv3.TokenHash,
			&laeringsliv.Person{Name: "Dup", Email: "KARI@example.no"}, "", now)
		wantCode(t, err, laeringsliv.ECONFLICT, "error.email_taken")
		got, err = db.FindInvitation(ctx, inv3.TokenHash)
		must(t, err)
		if !got.Usable(now) {
			t.Fatalf("invitation used up by a failed accept: %+v", got)
		}

		// An unknown person id is not found.
		_, err = db.AcceptInvitation(ctx, inv3.TokenHash, &laeringsliv.Person{ID: 999}, "", now)
		wantNotFound(t, err)
	})
}

// Of several people accepting one invitation at the same moment, exactly one gets in.
func TestAcceptInvitationConcurrently(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		inv := newInvitation(t, db, o, "race", laeringsliv.RoleParticipant)
		const n = 8
		errs := make(chan error, n)
		for i := range n {
			go func() {
				p := &laeringsliv.Person{Name: "Racer", Email: fmt.Sprintf("racer%d@example.no", i)}
				_, err := db.AcceptInvitation(ctx, inv.TokenHash, p, "", time.Now())
				errs <- err
			}()
		}
		ok := 0
		for range n {
			if err := <-errs; err == nil {
				ok++
			} else {
				wantCode(t, err, laeringsliv.EINVALID, "error.invitation_unusable")
			}
		}
		if ok != 1 {
			t.Fatalf("%d accepts succeeded, want 1", ok)
		}
		members, err := db.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: o.wpA.ID})
		must(t, err)
		if len(members) != 1 {
			t.Fatalf("%d memberships, want 1", len(members))
		}
	})
}
