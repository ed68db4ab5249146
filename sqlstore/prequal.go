package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

// CreatePrequalSignOff stores a sign-off, copying the workplace's institution and stamping the
// time; earlier sign-offs of the criterion are kept.
func (db *DB) CreatePrequalSignOff(ctx context.Context, s *laeringsliv.PrequalSignOff) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create prequalification sign-off", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, s.WorkplaceID)
		if err != nil {
			return err
		}
		s.InstitutionID, s.SignedAt = w.InstitutionID, tx.now
		return tx.QueryRowContext(ctx, `INSERT INTO prequal_signoffs (institution_id, workplace_id,
			criterion, met, note, signed_by, signed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			s.InstitutionID, s.WorkplaceID, s.Criterion, boolInt(s.Met), s.Note, s.SignedBy, millis(tx.now)).Scan(&s.ID)
	})
}

// FindPrequalSignOffs returns a workplace's sign-offs, oldest first.
func (db *DB) FindPrequalSignOffs(ctx context.Context, workplaceID int64) ([]*laeringsliv.PrequalSignOff, error) {
	var list []*laeringsliv.PrequalSignOff
	err := db.view(ctx, "find prequalification", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, workplace_id, criterion, met, note,
			signed_by, signed_at FROM prequal_signoffs WHERE workplace_id = $1 ORDER BY signed_at, id`, workplaceID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(sc scanner) (*laeringsliv.PrequalSignOff, error) {
			var s laeringsliv.PrequalSignOff
			var met, at int64
			err := sc.Scan(&s.ID, &s.InstitutionID, &s.WorkplaceID, &s.Criterion, &met, &s.Note, &s.SignedBy, &at)
			s.Met, s.SignedAt = met == 1, fromMillis(at)
			return &s, err
		})
		return err
	})
	return list, err
}

// SaveParticipationModel stores or replaces a workplace's participation model.
func (db *DB) SaveParticipationModel(ctx context.Context, m *laeringsliv.ParticipationModel) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "save participation model", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, m.WorkplaceID)
		if err != nil {
			return err
		}
		m.InstitutionID, m.DecidedAt = w.InstitutionID, tx.now
		if _, err := tx.ExecContext(ctx, `DELETE FROM participation_models WHERE workplace_id = $1`, m.WorkplaceID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO participation_models (institution_id, workplace_id, kind,
			reasons, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6)`,
			m.InstitutionID, m.WorkplaceID, m.Kind, m.Reasons, nullID(m.DecidedBy), millis(tx.now))
		return err
	})
}

// FindParticipationModel returns a workplace's participation model, or ENOTFOUND.
func (db *DB) FindParticipationModel(ctx context.Context, workplaceID int64) (*laeringsliv.ParticipationModel, error) {
	var m *laeringsliv.ParticipationModel
	err := db.view(ctx, "find participation model", func(tx *Tx) (err error) {
		m, err = scanOne(tx.QueryRowContext(ctx, `SELECT institution_id, workplace_id, kind, reasons,
			decided_by, decided_at FROM participation_models WHERE workplace_id = $1`, workplaceID),
			func(s scanner) (*laeringsliv.ParticipationModel, error) {
				var m laeringsliv.ParticipationModel
				var by sql.NullInt64
				var at int64
				err := s.Scan(&m.InstitutionID, &m.WorkplaceID, &m.Kind, &m.Reasons, &by, &at)
				m.DecidedBy, m.DecidedAt = by.Int64, fromMillis(at)
				return &m, err
			})
		return err
	})
	return m, err
}
