package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
	"laeringsliv/blindcred"
)

var _ laeringsliv.IPEService = (*DB)(nil)

const ipeSessionColumns = `id, institution_id, workplace_id, gathering_id, kind, evaluates_session_id,
	evaluates_idea_id, question, grouping, phase, k, vote_budget, phase_minutes, phase_started_at,
	join_code, join_mode, event_seq, created_by, created_at`

const sessionByID = `SELECT ` + ipeSessionColumns + ` FROM ipe_sessions WHERE id = $1`

// CreateIPESession stores s in its workplace as a draft with a fresh join code, and its groups.
func (db *DB) CreateIPESession(ctx context.Context, s *laeringsliv.IPESession, groups []string, persons [][]int64) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if len(groups) == 0 {
		return laeringsliv.FieldError("groups", "ipe.error.groups_required")
	}
	credKey := ""
	if s.JoinMode == laeringsliv.IPEJoinMembers {
		var err error
		if credKey, err = blindcred.NewKey(); err != nil {
			return err
		}
	}
	return db.update(ctx, "create ipe session", func(tx *Tx) error {
		return createIPESession(ctx, tx, s, groups, persons, credKey)
	})
}

func createIPESession(ctx context.Context, tx *Tx, s *laeringsliv.IPESession, groups []string, persons [][]int64, credKey string) error {
	w, err := findWorkplace(ctx, tx, s.WorkplaceID)
	if err != nil {
		return err
	}
	if s.EvaluatesSessionID != 0 {
		if _, err := findIPESession(ctx, tx, s.EvaluatesSessionID); err != nil {
			return laeringsliv.FieldError("evaluates", "ipe.error.evaluates_required")
		}
	}
	if s.EvaluatesIdeaID != 0 {
		var wid int64
		err := tx.QueryRowContext(ctx, `SELECT workplace_id FROM ideas WHERE id = $1`, s.EvaluatesIdeaID).Scan(&wid)
		if err != nil || wid != s.WorkplaceID {
			return laeringsliv.FieldError("evaluates", "ipe.error.evaluates_required")
		}
	}
	s.InstitutionID, s.Phase, s.CreatedAt = w.InstitutionID, laeringsliv.IPEPhaseDraft, tx.now
	s.JoinCode = laeringsliv.NewJoinCode()
	err = tx.QueryRowContext(ctx, `
		INSERT INTO ipe_sessions (institution_id, workplace_id, gathering_id, kind,
			evaluates_session_id, evaluates_idea_id, question, grouping, phase, k, vote_budget,
			phase_minutes, join_code, created_by, created_at, writer_key, join_mode, credential_key)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
		s.InstitutionID, s.WorkplaceID, nullID(s.GatheringID), s.Kind, nullID(s.EvaluatesSessionID),
		nullID(s.EvaluatesIdeaID), s.Question, s.Grouping, s.Phase, s.K, s.VoteBudget,
		s.PhaseMinutes, s.JoinCode, nullID(s.CreatedBy), millis(s.CreatedAt), laeringsliv.NewToken(),
		s.JoinMode, credKey).Scan(&s.ID)
	if err != nil {
		return err
	}
	for i, name := range groups {
		var gid int64
		err := tx.QueryRowContext(ctx, `INSERT INTO ipe_groups (institution_id, session_id, name, position)
			VALUES ($1, $2, $3, $4) RETURNING id`, s.InstitutionID, s.ID, name, i+1).Scan(&gid)
		if err != nil {
			return err
		}
		if i < len(persons) {
			for _, pid := range persons[i] {
				if _, err := tx.ExecContext(ctx, `INSERT INTO ipe_group_persons (institution_id, group_id, person_id)
					VALUES ($1, $2, $3)`, s.InstitutionID, gid, pid); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// FindIPESession returns a session, or ENOTFOUND.
func (db *DB) FindIPESession(ctx context.Context, id int64) (s *laeringsliv.IPESession, err error) {
	err = db.viewOne(ctx, "find ipe session", func(tx *Tx) error {
		s, err = findIPESession(ctx, tx, id)
		return err
	})
	return s, err
}

// FindIPESessionByCode returns the session with a join code, or ENOTFOUND.
func (db *DB) FindIPESessionByCode(ctx context.Context, code string) (s *laeringsliv.IPESession, err error) {
	code = laeringsliv.NormalizeJoinCode(code)
	if code == "" {
		return nil, notFound()
	}
	err = db.view(ctx, "find ipe session by code", func(tx *Tx) error {
		s, err = scanOne(tx.QueryRowContext(ctx, `SELECT `+ipeSessionColumns+` FROM ipe_sessions WHERE join_code = $1`, code), scanIPESession)
		return err
	})
	return s, err
}

// FindIPESessions returns a workplace's sessions, newest first.
func (db *DB) FindIPESessions(ctx context.Context, workplaceID int64) (list []*laeringsliv.IPESession, err error) {
	err = db.view(ctx, "find ipe sessions", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+ipeSessionColumns+` FROM ipe_sessions
			WHERE workplace_id = $1 ORDER BY id DESC`, workplaceID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanIPESession)
		return err
	})
	return list, err
}

// SetIPEPhase moves a session on from phase from; a stale from is ECONFLICT, so that two
// facilitator screens clicking at once move it one step, not two.
func (db *DB) SetIPEPhase(ctx context.Context, id int64, from laeringsliv.IPEPhase) (s *laeringsliv.IPESession, err error) {
	err = db.update(ctx, "set ipe phase", func(tx *Tx) error {
		if s, err = findIPESession(ctx, tx, id); err != nil {
			return err
		}
		if s.Phase != from || from.Next() == "" {
			return conflict("ipe.error.phase_changed")
		}
		if from == laeringsliv.IPEPhaseCapture {
			hat, err := findIPEHat(ctx, tx, s.ID)
			if err != nil {
				return err
			} else if !hat.Open {
				return invalid("ipe.error.hat_closed")
			}
			if err := flushNotePool(ctx, tx, s); err != nil {
				return err
			}
		}
		s.Phase, s.PhaseStartedAt = from.Next(), tx.now
		if _, err := tx.ExecContext(ctx, `UPDATE ipe_sessions SET phase = $1, phase_started_at = $2 WHERE id = $3`,
			s.Phase, millis(tx.now), id); err != nil {
			return err
		}
		return appendIPEEvent(ctx, tx, s, laeringsliv.IPEEventPhase, laeringsliv.IPEPhaseEvent{Phase: s.Phase})
	})
	if err == nil && from == laeringsliv.IPEPhaseCapture {
		db.scrub(ctx, "ipe_note_pool")
	}
	return s, err
}

// FindIPEGroups returns a session's groups in order, with how many have joined each.
func (db *DB) FindIPEGroups(ctx context.Context, sessionID int64) (list []*laeringsliv.IPEGroup, err error) {
	err = db.view(ctx, "find ipe groups", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT g.id, g.session_id, g.name, g.position,
				(SELECT COUNT(*) FROM ipe_participants p WHERE p.group_id = g.id)
			FROM ipe_groups g WHERE g.session_id = $1 ORDER BY g.position`, sessionID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(s scanner) (*laeringsliv.IPEGroup, error) {
			var g laeringsliv.IPEGroup
			return &g, s.Scan(&g.ID, &g.SessionID, &g.Name, &g.Position, &g.Members)
		})
		return err
	})
	return list, err
}

func findIPESession(ctx context.Context, tx *Tx, id int64) (*laeringsliv.IPESession, error) {
	return scanOne(tx.QueryRowHot(ctx, sessionByID, id), scanIPESession)
}

func scanIPESession(sc scanner) (*laeringsliv.IPESession, error) {
	var s laeringsliv.IPESession
	var gathering, evSession, evIdea, createdBy, started sql.NullInt64
	var created int64
	err := sc.Scan(&s.ID, &s.InstitutionID, &s.WorkplaceID, &gathering, &s.Kind, &evSession, &evIdea,
		&s.Question, &s.Grouping, &s.Phase, &s.K, &s.VoteBudget, &s.PhaseMinutes, &started,
		&s.JoinCode, &s.JoinMode, &s.EventSeq, &createdBy, &created)
	if err != nil {
		return nil, err
	}
	s.GatheringID, s.EvaluatesSessionID, s.EvaluatesIdeaID = gathering.Int64, evSession.Int64, evIdea.Int64
	s.CreatedBy, s.PhaseStartedAt, s.CreatedAt = createdBy.Int64, fromNullMillis(started), fromMillis(created)
	return &s, nil
}
