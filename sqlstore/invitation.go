package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"laeringsliv"
)

// CreateInvitation stores inv and sets its ID; the institution key comes from the workplace.
// CreatedAt defaults to now and ExpiresAt to InvitationLifetime later; given times are kept,
// so that a caller with its own clock sees the expiry it computed.
func (db *DB) CreateInvitation(ctx context.Context, inv *laeringsliv.Invitation) error {
	inv.Email = laeringsliv.NormalizeEmail(inv.Email)
	if err := inv.Validate(); err != nil {
		return err
	} else if inv.TokenHash == "" {
		return invalid("error.invitation_invalid")
	}
	return db.update(ctx, "create invitation", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, inv.WorkplaceID)
		if err != nil {
			return err
		}
		inv.InstitutionID = w.InstitutionID
		if inv.CreatedBy != 0 {
			if p, err := findPerson(ctx, tx, inv.CreatedBy); err != nil {
				return err
			} else if p.InstitutionID != inv.InstitutionID {
				return invalid("error.scope_other_institution")
			}
		}
		if inv.CreatedAt.IsZero() {
			inv.CreatedAt = tx.now
		}
		if inv.ExpiresAt.IsZero() {
			inv.ExpiresAt = inv.CreatedAt.Add(laeringsliv.InvitationLifetime)
		}
		inv.CreatedAt = inv.CreatedAt.UTC().Truncate(time.Millisecond)
		inv.ExpiresAt = inv.ExpiresAt.UTC().Truncate(time.Millisecond)
		err = tx.QueryRowContext(ctx, `
			INSERT INTO invitations (institution_id, workplace_id, role, email, token_hash, created_by,
				created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			inv.InstitutionID, inv.WorkplaceID, inv.Role, inv.Email, inv.TokenHash, nullID(inv.CreatedBy),
			millis(inv.CreatedAt), millis(inv.ExpiresAt),
		).Scan(&inv.ID)
		if err != nil || inv.Mail == nil {
			return err
		}
		if inv.Mail.To == "" {
			return invalid("error.invitation_invalid")
		}
		if inv.MailJobID, err = db.enqueue(ctx, tx, laeringsliv.MailJob{Mail: *inv.Mail, InvitationID: inv.ID}); err != nil {
			return err
		}
		inv.MailState = laeringsliv.JobWaiting
		return execOne(ctx, tx, `UPDATE invitations SET mail_job_id = $1 WHERE id = $2`, inv.MailJobID, inv.ID)
	})
}

// FindInvitation returns the invitation with the token hash, usable or not, or ENOTFOUND.
func (db *DB) FindInvitation(ctx context.Context, tokenHash string) (*laeringsliv.Invitation, error) {
	var inv *laeringsliv.Invitation
	err := db.view(ctx, "find invitation", func(tx *Tx) (err error) {
		inv, err = findInvitation(ctx, tx, "token_hash", tokenHash)
		return err
	})
	return inv, err
}

// FindInvitations returns a workplace's invitations, newest first.
func (db *DB) FindInvitations(ctx context.Context, workplaceID int64) ([]*laeringsliv.Invitation, error) {
	var list []*laeringsliv.Invitation
	err := db.view(ctx, "find invitations", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+invitationColumns+` FROM invitations
			WHERE workplace_id = $1 ORDER BY created_at DESC, id DESC`, workplaceID)
		if err != nil {
			return err
		}
		if list, err = scanAll(rows, scanInvitation); err != nil {
			return err
		}
		for _, inv := range list {
			if inv.MailJobID != 0 && inv.MailState == "" {
				if inv.MailState, err = jobState(ctx, tx, inv.MailJobID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return list, err
}

// RevokeInvitation stops an invitation from working. Revoking it again is not an error;
// revoking one that has been accepted is EINVALID error.invitation_unusable.
func (db *DB) RevokeInvitation(ctx context.Context, id int64, at time.Time) error {
	return db.update(ctx, "revoke invitation", func(tx *Tx) error {
		err := execOne(ctx, tx, `UPDATE invitations SET revoked_at = $1
			WHERE id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`, millis(at), id)
		if laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			return err
		}
		inv, err := findInvitation(ctx, tx, "id", id)
		switch {
		case err != nil:
			return err
		case !inv.AcceptedAt.IsZero():
			return invitationUnusable()
		}
		return nil
	})
}

// AcceptInvitation, in one transaction, claims the invitation (it must be usable at now),
// creates the person p (or loads the existing person p.ID into p), stores the password hash
// when one is given, adds the workplace membership with the invitation's role (or returns the
// one the person holds already) and records who accepted. A new person without an e-mail
// takes the address the invitation was sent to.
func (db *DB) AcceptInvitation(ctx context.Context, tokenHash string, p *laeringsliv.Person, passwordHash string, now time.Time) (*laeringsliv.Membership, error) {
	if p == nil {
		return nil, invalid("error.person_required")
	}
	var m *laeringsliv.Membership
	err := db.update(ctx, "accept invitation", func(tx *Tx) error {
		inv, err := claimInvitation(ctx, tx, tokenHash, now)
		if err != nil {
			return err
		}
		if err := acceptingPerson(ctx, tx, inv, p); err != nil {
			return err
		}
		if passwordHash != "" {
			if err := setPasswordHash(ctx, tx, p.ID, passwordHash); err != nil {
				return err
			}
		}
		m = &laeringsliv.Membership{PersonID: p.ID, Role: inv.Role, WorkplaceID: inv.WorkplaceID}
		err = createMembership(ctx, tx, m)
		if laeringsliv.ErrorCode(err) == laeringsliv.ECONFLICT {
			m, err = findWorkplaceMembership(ctx, tx, p.ID, inv.Role, inv.WorkplaceID)
		}
		if err != nil {
			return err
		}
		return execOne(ctx, tx, `UPDATE invitations SET accepted_by = $1 WHERE id = $2`, p.ID, inv.ID)
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// claimInvitation marks a usable invitation accepted in one conditional UPDATE, so that of two
// concurrent accepts only one succeeds. An unknown token is ENOTFOUND; a known but unusable
// one is EINVALID error.invitation_unusable.
func claimInvitation(ctx context.Context, tx *Tx, tokenHash string, now time.Time) (*laeringsliv.Invitation, error) {
	inv, err := scanOne(tx.QueryRowContext(ctx, `UPDATE invitations SET accepted_at = $1
		WHERE token_hash = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1
		RETURNING `+invitationColumns, millis(now), tokenHash), scanInvitation)
	if laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
		return inv, err
	}
	if _, err := findInvitation(ctx, tx, "token_hash", tokenHash); err != nil {
		return nil, err
	}
	return nil, invitationUnusable()
}

// acceptingPerson creates p in the invitation's institution, or loads the existing person
// p.ID, who must belong to that institution.
func acceptingPerson(ctx context.Context, tx *Tx, inv *laeringsliv.Invitation, p *laeringsliv.Person) error {
	if p.ID != 0 {
		existing, err := findPerson(ctx, tx, p.ID)
		if err != nil {
			return err
		} else if existing.InstitutionID != inv.InstitutionID {
			return invitationUnusable()
		}
		*p = *existing
		return nil
	}
	p.InstitutionID = inv.InstitutionID
	p.Email = laeringsliv.NormalizeEmail(p.Email)
	if p.Email == "" {
		p.Email = inv.Email
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return createPerson(ctx, tx, p)
}

func invitationUnusable() error { return invalid("error.invitation_unusable") }

const invitationColumns = `id, institution_id, workplace_id, role, email, token_hash, created_by,
	created_at, expires_at, accepted_at, accepted_by, revoked_at, mail_job_id, mail_sent_at`

// findInvitation looks an invitation up by a unique column: "id" or "token_hash".
func findInvitation(ctx context.Context, tx *Tx, column string, v any) (*laeringsliv.Invitation, error) {
	return scanOne(tx.QueryRowContext(ctx,
		`SELECT `+invitationColumns+` FROM invitations WHERE `+column+` = $1`, v), scanInvitation)
}

func scanInvitation(s scanner) (*laeringsliv.Invitation, error) {
	var inv laeringsliv.Invitation
	var createdBy, acceptedBy, accepted, revoked, mailJob, mailSent sql.NullInt64
	var created, expires int64
	err := s.Scan(&inv.ID, &inv.InstitutionID, &inv.WorkplaceID, &inv.Role, &inv.Email, &inv.TokenHash,
		&createdBy, &created, &expires, &accepted, &acceptedBy, &revoked, &mailJob, &mailSent)
	if err != nil {
		return nil, err
	}
	inv.MailJobID, inv.MailSentAt = mailJob.Int64, fromNullMillis(mailSent)
	if !inv.MailSentAt.IsZero() {
		inv.MailState = laeringsliv.JobDone
	}
	inv.CreatedBy, inv.AcceptedBy = createdBy.Int64, acceptedBy.Int64
	inv.CreatedAt, inv.ExpiresAt = fromMillis(created), fromMillis(expires)
	inv.AcceptedAt, inv.RevokedAt = fromNullMillis(accepted), fromNullMillis(revoked)
	return &inv, nil
}
