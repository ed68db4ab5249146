package sqlstore

import (
	"context"
	"database/sql"
	"sort"

	"laeringsliv"
)

// CreateTimelineEntry stores e in its workplace, copying the workplace's institution.
func (db *DB) CreateTimelineEntry(ctx context.Context, e *laeringsliv.TimelineEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create timeline entry", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, e.WorkplaceID)
		if err != nil {
			return err
		}
		e.InstitutionID, e.CreatedAt = w.InstitutionID, tx.now
		return tx.QueryRowContext(ctx, `INSERT INTO timeline_entries (institution_id, workplace_id, kind,
			cycle, occurred_at, title, body, ref_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			e.InstitutionID, e.WorkplaceID, e.Kind, e.Cycle, millis(e.OccurredAt), e.Title, e.Body,
			nullID(e.RefID), nullID(e.CreatedBy), millis(tx.now)).Scan(&e.ID)
	})
}

// FindTimeline returns a workplace's timeline in chronological order.
func (db *DB) FindTimeline(ctx context.Context, workplaceID int64) ([]*laeringsliv.TimelineEntry, error) {
	var list []*laeringsliv.TimelineEntry
	err := db.view(ctx, "find timeline", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, workplace_id, kind, cycle,
			occurred_at, title, body, ref_id, created_by, created_at FROM timeline_entries
			WHERE workplace_id = $1 ORDER BY occurred_at, id`, workplaceID)
		if err != nil {
			return err
		}
		if list, err = scanAll(rows, scanTimelineEntry); err != nil {
			return err
		}
		derived, err := derivedTimeline(ctx, tx, workplaceID, list)
		if err != nil {
			return err
		}
		list = append(list, derived...)
		sort.SliceStable(list, func(i, j int) bool { return list[i].OccurredAt.Before(list[j].OccurredAt) })
		return nil
	})
	return list, err
}

// derivedTimeline reads a workplace's gatherings and reading workshops as timeline entries,
// leaving out the gatherings a stored entry already names. A workshop is dated by the
// gathering it belongs to, or by when it was created.
func derivedTimeline(ctx context.Context, tx *Tx, workplaceID int64, stored []*laeringsliv.TimelineEntry) ([]*laeringsliv.TimelineEntry, error) {
	named := map[int64]bool{}
	for _, e := range stored {
		if e.Kind == laeringsliv.TimelineGathering && e.RefID != 0 {
			named[e.RefID] = true
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT 'gathering', id, institution_id, title, starts_at FROM gatherings
		WHERE workplace_id = $1
		UNION ALL
		SELECT 'reading_workshop', ws.id, ws.institution_id, ws.title, COALESCE(g.starts_at, ws.created_at)
		FROM reading_workshops ws LEFT JOIN gatherings g ON g.institution_id = ws.institution_id AND g.id = ws.gathering_id
		WHERE ws.workplace_id = $1`, workplaceID)
	if err != nil {
		return nil, err
	}
	all, err := scanAll(rows, func(s scanner) (*laeringsliv.TimelineEntry, error) {
		e := laeringsliv.TimelineEntry{WorkplaceID: workplaceID}
		var at int64
		err := s.Scan(&e.Kind, &e.RefID, &e.InstitutionID, &e.Title, &at)
		e.OccurredAt, e.CreatedAt = fromMillis(at), fromMillis(at)
		return &e, err
	})
	var out []*laeringsliv.TimelineEntry
	for _, e := range all {
		if !(e.Kind == laeringsliv.TimelineGathering && named[e.RefID]) {
			out = append(out, e)
		}
	}
	return out, err
}

func scanTimelineEntry(s scanner) (*laeringsliv.TimelineEntry, error) {
	var e laeringsliv.TimelineEntry
	var ref, by sql.NullInt64
	var at, created int64
	err := s.Scan(&e.ID, &e.InstitutionID, &e.WorkplaceID, &e.Kind, &e.Cycle, &at, &e.Title, &e.Body,
		&ref, &by, &created)
	e.RefID, e.CreatedBy = ref.Int64, by.Int64
	e.OccurredAt, e.CreatedAt = fromMillis(at), fromMillis(created)
	return &e, err
}

// CreateFieldBookEntry stores e in its workplace, copying the workplace's institution.
func (db *DB) CreateFieldBookEntry(ctx context.Context, e *laeringsliv.FieldBookEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create field book entry", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, e.WorkplaceID)
		if err != nil {
			return err
		}
		e.InstitutionID, e.CreatedAt = w.InstitutionID, tx.now
		return tx.QueryRowContext(ctx, `INSERT INTO field_book_entries (institution_id, workplace_id,
			author_id, observed_at, body, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			e.InstitutionID, e.WorkplaceID, e.AuthorID, millis(e.ObservedAt), e.Body, millis(tx.now)).Scan(&e.ID)
	})
}

// FindFieldBook returns a workplace's field book, newest first.
func (db *DB) FindFieldBook(ctx context.Context, workplaceID int64) ([]*laeringsliv.FieldBookEntry, error) {
	var list []*laeringsliv.FieldBookEntry
	err := db.view(ctx, "find field book", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, workplace_id, author_id, observed_at,
			body, created_at FROM field_book_entries WHERE workplace_id = $1 ORDER BY observed_at DESC, id DESC`,
			workplaceID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(s scanner) (*laeringsliv.FieldBookEntry, error) {
			var e laeringsliv.FieldBookEntry
			var at, created int64
			err := s.Scan(&e.ID, &e.InstitutionID, &e.WorkplaceID, &e.AuthorID, &at, &e.Body, &created)
			e.ObservedAt, e.CreatedAt = fromMillis(at), fromMillis(created)
			return &e, err
		})
		return err
	})
	return list, err
}
