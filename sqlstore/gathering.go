package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

// CreateGathering stores g with its days and agenda under its workplace.
func (db *DB) CreateGathering(ctx context.Context, g *laeringsliv.Gathering) error {
	if err := g.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create gathering", func(tx *Tx) error {
		return createGathering(ctx, tx, g)
	})
}

func createGathering(ctx context.Context, tx *Tx, g *laeringsliv.Gathering) error {
	w, err := findWorkplace(ctx, tx, g.WorkplaceID)
	if err != nil {
		return err
	}
	g.InstitutionID, g.CreatedAt = w.InstitutionID, tx.now
	err = tx.QueryRowContext(ctx, `
		INSERT INTO gatherings (institution_id, workplace_id, kind, title, place, starts_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		g.InstitutionID, g.WorkplaceID, g.Kind, g.Title, g.Place, millis(g.Start()), millis(g.CreatedAt),
	).Scan(&g.ID)
	if err != nil {
		return err
	}
	for i, d := range g.Days {
		if _, err := tx.ExecContext(ctx, `INSERT INTO gathering_days
			(institution_id, gathering_id, position, start_at, end_at) VALUES ($1, $2, $3, $4, $5)`,
			g.InstitutionID, g.ID, i, millis(d.Start), millis(d.End)); err != nil {
			return err
		}
	}
	for i, a := range g.Agenda {
		if _, err := tx.ExecContext(ctx, `INSERT INTO agenda_items (institution_id, gathering_id,
			position, start_at, end_at, title, ipe_session_id, reading_workshop_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			g.InstitutionID, g.ID, i, millis(a.Start), nullMillis(a.End), a.Title,
			nullID(a.IPESessionID), nullID(a.ReadingWorkshopID)); err != nil {
			return err
		}
	}
	return nil
}

// FindGathering returns the gathering with id and its days and agenda, or ENOTFOUND.
func (db *DB) FindGathering(ctx context.Context, id int64) (*laeringsliv.Gathering, error) {
	var g *laeringsliv.Gathering
	err := db.view(ctx, "find gathering", func(tx *Tx) (err error) {
		g, err = scanOne(tx.QueryRowContext(ctx, `SELECT `+gatheringColumns+` FROM gatherings WHERE id = $1`, id), scanGathering)
		if err != nil {
			return err
		}
		return loadGatheringParts(ctx, tx, g)
	})
	return g, err
}

// FindGatherings returns a workplace's gatherings by start, with days and agenda.
func (db *DB) FindGatherings(ctx context.Context, workplaceID int64) ([]*laeringsliv.Gathering, error) {
	var list []*laeringsliv.Gathering
	err := db.view(ctx, "find gatherings", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+gatheringColumns+` FROM gatherings
			WHERE workplace_id = $1 ORDER BY starts_at, id`, workplaceID)
		if err != nil {
			return err
		}
		if list, err = scanAll(rows, scanGathering); err != nil {
			return err
		}
		for _, g := range list {
			if err := loadGatheringParts(ctx, tx, g); err != nil {
				return err
			}
		}
		return nil
	})
	return list, err
}

const gatheringColumns = `id, institution_id, workplace_id, kind, title, place, created_at`

func scanGathering(s scanner) (*laeringsliv.Gathering, error) {
	var g laeringsliv.Gathering
	var created int64
	if err := s.Scan(&g.ID, &g.InstitutionID, &g.WorkplaceID, &g.Kind, &g.Title, &g.Place, &created); err != nil {
		return nil, err
	}
	g.CreatedAt = fromMillis(created)
	return &g, nil
}

func loadGatheringParts(ctx context.Context, tx *Tx, g *laeringsliv.Gathering) error {
	rows, err := tx.QueryContext(ctx, `SELECT start_at, end_at FROM gathering_days
		WHERE gathering_id = $1 ORDER BY position`, g.ID)
	if err != nil {
		return err
	}
	g.Days = nil
	for rows.Next() {
		var s, e int64
		if err := rows.Scan(&s, &e); err != nil {
			rows.Close()
			return err
		}
		g.Days = append(g.Days, laeringsliv.GatheringDay{Start: fromMillis(s), End: fromMillis(e)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT start_at, end_at, title, ipe_session_id, reading_workshop_id
		FROM agenda_items WHERE gathering_id = $1 ORDER BY position`, g.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	g.Agenda = nil
	for rows.Next() {
		var a laeringsliv.AgendaItem
		var start int64
		var end, ipe, rw sql.NullInt64
		if err := rows.Scan(&start, &end, &a.Title, &ipe, &rw); err != nil {
			return err
		}
		a.Start, a.End, a.IPESessionID, a.ReadingWorkshopID = fromMillis(start), fromNullMillis(end), ipe.Int64, rw.Int64
		g.Agenda = append(g.Agenda, a)
	}
	return rows.Err()
}
