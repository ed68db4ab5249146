package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"laeringsliv"
)

// CreateWorkshop stores w and its groups in one transaction. Keys come from the workplace;
// every member must belong to the workplace and every text to its programme (EINVALID).
func (db *DB) CreateWorkshop(ctx context.Context, w *laeringsliv.Workshop, groups []*laeringsliv.ReadingGroup) error {
	if w.Phase == "" {
		w.Phase = laeringsliv.PhasePrepare
	}
	if err := w.Validate(); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, g := range groups {
		for _, id := range g.MemberIDs {
			if seen[id] {
				return invalid("reading.error.member_twice")
			}
			seen[id] = true
		}
	}
	return db.update(ctx, "create workshop", func(tx *Tx) error {
		return createWorkshop(ctx, tx, w, groups)
	})
}

func createWorkshop(ctx context.Context, tx *Tx, w *laeringsliv.Workshop, groups []*laeringsliv.ReadingGroup) error {
	wp, err := findWorkplace(ctx, tx, w.WorkplaceID)
	if err != nil {
		return err
	}
	w.InstitutionID, w.ProgrammeID, w.CreatedAt, w.PhaseAt = wp.InstitutionID, wp.ProgrammeID, tx.now, tx.now
	if w.GatheringID != 0 {
		// Checked here on both engines: SQLite has no foreign key on gathering_id (00041).
		var owner int64
		err := tx.QueryRowContext(ctx, `SELECT workplace_id FROM gatherings WHERE id = $1`, w.GatheringID).Scan(&owner)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != w.WorkplaceID) {
			return invalid("reading.error.gathering_invalid")
		} else if err != nil {
			return err
		}
	}
	err = tx.QueryRowContext(ctx, `
		INSERT INTO reading_workshops (institution_id, programme_id, workplace_id, gathering_id,
			title, grouping, phase, created_at, phase_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		w.InstitutionID, w.ProgrammeID, w.WorkplaceID, nullID(w.GatheringID), w.Title, w.Grouping,
		w.Phase, millis(w.CreatedAt), millis(w.PhaseAt)).Scan(&w.ID)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if err := createReadingGroup(ctx, tx, w, g); err != nil {
			return err
		}
	}
	return nil
}

func createReadingGroup(ctx context.Context, tx *Tx, w *laeringsliv.Workshop, g *laeringsliv.ReadingGroup) error {
	if g.TextID != 0 {
		if err := checkText(ctx, tx, w, g.TextID); err != nil {
			return err
		}
	}
	g.InstitutionID, g.WorkshopID = w.InstitutionID, w.ID
	err := tx.QueryRowContext(ctx, `INSERT INTO reading_groups (institution_id, workshop_id, number,
		text_id, presentation, version) VALUES ($1, $2, $3, $4, $5, 0) RETURNING id`,
		g.InstitutionID, g.WorkshopID, g.Number, nullID(g.TextID), g.Presentation).Scan(&g.ID)
	if err != nil {
		return err
	}
	for i, pid := range g.MemberIDs {
		if _, err := findWorkplaceMembership(ctx, tx, pid, laeringsliv.RoleParticipant, w.WorkplaceID); err != nil {
			return invalid("reading.error.member_not_participant")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO reading_group_members (institution_id, workshop_id,
			group_id, person_id, position) VALUES ($1, $2, $3, $4, $5)`, g.InstitutionID, w.ID, g.ID, pid, i)
		if err != nil {
			return err
		}
	}
	return nil
}

// checkText refuses a text of another programme.
func checkText(ctx context.Context, tx *Tx, w *laeringsliv.Workshop, textID int64) error {
	t, err := findSyllabusText(ctx, tx, textID)
	if err != nil || t.ProgrammeID != w.ProgrammeID {
		return invalid("reading.error.text_other_programme")
	}
	return nil
}

// FindWorkshop returns the workshop with id, or ENOTFOUND.
func (db *DB) FindWorkshop(ctx context.Context, id int64) (*laeringsliv.Workshop, error) {
	var w *laeringsliv.Workshop
	err := db.view(ctx, "find workshop", func(tx *Tx) (err error) {
		w, err = findWorkshop(ctx, tx, id)
		return err
	})
	return w, err
}

// FindWorkshops returns the workshops f selects, the latest first.
func (db *DB) FindWorkshops(ctx context.Context, f laeringsliv.WorkshopFilter) ([]*laeringsliv.Workshop, error) {
	var w where
	if f.WorkplaceID != 0 {
		w.eq("workplace_id", f.WorkplaceID)
	}
	if f.GatheringID != 0 {
		w.eq("gathering_id", f.GatheringID)
	}
	var list []*laeringsliv.Workshop
	err := db.view(ctx, "find workshops", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+workshopColumns+` FROM reading_workshops`+
			w.String()+` ORDER BY created_at DESC, id DESC`, w.args...)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanWorkshop)
		return err
	})
	return list, err
}

// FindWorkshopEvents returns the workshop's events after seq, oldest first, at most limit.
func (db *DB) FindWorkshopEvents(ctx context.Context, workshopID, after int64, limit int) ([]*laeringsliv.LoggedEvent, error) {
	return readingLog.find(ctx, db, workshopID, after, limit)
}

// SetWorkshopPhase moves the workshop to phase and records when.
func (db *DB) SetWorkshopPhase(ctx context.Context, id int64, phase laeringsliv.Phase) error {
	if !phase.Valid() {
		return invalid("reading.error.phase_invalid")
	}
	return db.update(ctx, "set workshop phase", func(tx *Tx) error {
		w, err := findWorkshop(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := execOne(ctx, tx, `UPDATE reading_workshops SET phase = $1, phase_at = $2 WHERE id = $3`,
			phase, millis(tx.now), id); err != nil {
			return err
		}
		return readingLog.append(ctx, tx, w.InstitutionID, w.ID, laeringsliv.ReadingEventPhase, laeringsliv.ReadingPhaseEvent{Phase: phase})
	})
}

const workshopColumns = `id, institution_id, programme_id, workplace_id, gathering_id, title, grouping, phase, created_at, phase_at, event_seq`

func findWorkshop(ctx context.Context, tx *Tx, id int64) (*laeringsliv.Workshop, error) {
	return scanOne(tx.QueryRowContext(ctx,
		`SELECT `+workshopColumns+` FROM reading_workshops WHERE id = $1`, id), scanWorkshop)
}

func scanWorkshop(s scanner) (*laeringsliv.Workshop, error) {
	var w laeringsliv.Workshop
	var gathering sql.NullInt64
	var created, phaseAt int64
	err := s.Scan(&w.ID, &w.InstitutionID, &w.ProgrammeID, &w.WorkplaceID, &gathering, &w.Title,
		&w.Grouping, &w.Phase, &created, &phaseAt, &w.EventSeq)
	if err != nil {
		return nil, err
	}
	w.GatheringID = gathering.Int64
	w.CreatedAt, w.PhaseAt = fromMillis(created), fromMillis(phaseAt)
	return &w, nil
}
