package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"

	"laeringsliv"
	"laeringsliv/blindcred"
)

// Credentials of members-only sessions (see laeringsliv.IPECredentials). Issuing writes one
// row per member and session, keyed by the member, with counts and no time; redeeming writes a
// hash of the message, keyed by that hash, and an ordinary participant. Neither row holds
// anything of the other.

// sessionKey returns a members-only session's key, or ENOTFOUND.
func sessionKey(ctx context.Context, tx *Tx, sessionID int64) (*laeringsliv.IPESession, *blindcred.Key, error) {
	s, err := findIPESession(ctx, tx, sessionID)
	if err != nil {
		return nil, nil, err
	}
	var stored string
	if err := tx.QueryRowContext(ctx, `SELECT credential_key FROM ipe_sessions WHERE id = $1`, sessionID).Scan(&stored); err != nil {
		return nil, nil, err
	}
	if s.JoinMode != laeringsliv.IPEJoinMembers || stored == "" {
		return nil, nil, notFound()
	}
	k, err := blindcred.ParseKey(stored)
	return s, k, err
}

// FindIPECredentialKey returns the public key of a members-only session.
func (db *DB) FindIPECredentialKey(ctx context.Context, sessionID int64) (pk laeringsliv.IPEPublicKey, err error) {
	err = db.view(ctx, "find ipe credential key", func(tx *Tx) error {
		_, k, err := sessionKey(ctx, tx, sessionID)
		if err == nil {
			pub := k.Public()
			pk = laeringsliv.IPEPublicKey{N: pub.N, E: pub.E}
		}
		return err
	})
	return pk, err
}

// IssueIPECredential signs a member's blinded message, once unless a facilitator allowed more.
func (db *DB) IssueIPECredential(ctx context.Context, sessionID, personID int64, blinded []byte) (sig []byte, err error) {
	err = db.update(ctx, "issue ipe credential", func(tx *Tx) error {
		s, k, err := sessionKey(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		if s.Phase == laeringsliv.IPEPhaseClosed {
			return invalid("ipe.error.closed")
		}
		var issued, allowed int
		err = tx.QueryRowContext(ctx, `SELECT issued, allowed FROM ipe_credentials WHERE session_id = $1 AND person_id = $2`,
			sessionID, personID).Scan(&issued, &allowed)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = tx.ExecContext(ctx, `INSERT INTO ipe_credentials (institution_id, session_id, person_id, issued, allowed)
				VALUES ($1, $2, $3, 1, 1)`, s.InstitutionID, sessionID, personID)
		case err != nil:
		case issued >= allowed:
			return conflict("ipe.error.already_joined")
		default:
			_, err = tx.ExecContext(ctx, `UPDATE ipe_credentials SET issued = issued + 1 WHERE session_id = $1 AND person_id = $2`,
				sessionID, personID)
		}
		if err != nil {
			return err
		}
		if sig, err = k.Sign(blinded); err != nil {
			return laeringsliv.FieldError("credential", "ipe.error.credential_invalid")
		}
		return nil
	})
	return sig, err
}

// RedeemIPECredential joins a participant with a credential that checks out and was not used.
func (db *DB) RedeemIPECredential(ctx context.Context, sessionID int64, message, signature []byte, groupID int64) (p *laeringsliv.IPEParticipant, token string, err error) {
	err = db.update(ctx, "redeem ipe credential", func(tx *Tx) error {
		s, k, err := sessionKey(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		if k.Verify(message, signature) != nil {
			return laeringsliv.FieldError("credential", "ipe.error.credential_invalid")
		}
		h := sha256.Sum256(message)
		res, err := tx.ExecContext(ctx, `INSERT INTO ipe_spent (institution_id, session_id, hash) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, s.InstitutionID, sessionID, hex.EncodeToString(h[:]))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return conflict("ipe.error.credential_used")
		}
		if groupID == laeringsliv.IPEObserver {
			groupID = 0 // a credential joins a person, never a screen
		}
		// The same placement and insert as every other join (ipe_join_batch.go).
		js, err := loadJoinSession(ctx, tx, map[int64]*joinSession{}, s.ID)
		if err != nil {
			return err
		} else if js.err != nil {
			return js.err
		}
		group, ok := js.place(groupID)
		if !ok {
			return laeringsliv.FieldError("group", "ipe.error.group_invalid")
		}
		token = laeringsliv.NewToken()
		if p, err = insertParticipant(ctx, tx, s, group, laeringsliv.HashToken(token)); err != nil {
			return err
		}
		return addHatParticipants(ctx, tx, s.ID, int(min(group, 1)))
	})
	return p, token, err
}

// AllowIPEReissue allows a member one more credential than they have had.
func (db *DB) AllowIPEReissue(ctx context.Context, sessionID, personID int64) error {
	return db.update(ctx, "allow ipe reissue", func(tx *Tx) error {
		s, _, err := sessionKey(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE ipe_credentials SET allowed = issued + 1 WHERE session_id = $1 AND person_id = $2`,
			sessionID, personID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO ipe_credentials (institution_id, session_id, person_id, issued, allowed)
			VALUES ($1, $2, $3, 0, 1)`, s.InstitutionID, sessionID, personID)
		return err
	})
}

// FindIPEIssuance lists the members who got a credential, by person id.
func (db *DB) FindIPEIssuance(ctx context.Context, sessionID int64) (list []laeringsliv.IPEIssuance, err error) {
	err = db.view(ctx, "find ipe issuance", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT person_id, issued, allowed FROM ipe_credentials
			WHERE session_id = $1 ORDER BY person_id`, sessionID)
		if err != nil {
			return err
		}
		ptrs, err := scanAll(rows, func(sc scanner) (*laeringsliv.IPEIssuance, error) {
			var i laeringsliv.IPEIssuance
			return &i, sc.Scan(&i.PersonID, &i.Issued, &i.Allowed)
		})
		for _, p := range ptrs {
			list = append(list, *p)
		}
		return err
	})
	return list, err
}
