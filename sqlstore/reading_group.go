package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"unicode/utf8"

	"laeringsliv"
	"laeringsliv/textmerge"
)

// FindReadingGroups returns the workshop's groups by number, each with its members in order.
func (db *DB) FindReadingGroups(ctx context.Context, workshopID int64) ([]*laeringsliv.ReadingGroup, error) {
	var list []*laeringsliv.ReadingGroup
	err := db.view(ctx, "find reading groups", func(tx *Tx) error {
		var err error
		list, err = findReadingGroups(ctx, tx, workshopID)
		return err
	})
	return list, err
}

func findReadingGroups(ctx context.Context, tx *Tx, workshopID int64) ([]*laeringsliv.ReadingGroup, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+groupColumns+` FROM reading_groups
		WHERE workshop_id = $1 ORDER BY number`, workshopID)
	if err != nil {
		return nil, err
	}
	list, err := scanAll(rows, scanReadingGroup)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*laeringsliv.ReadingGroup{}
	for _, g := range list {
		byID[g.ID] = g
	}
	rows, err = tx.QueryContext(ctx, `SELECT group_id, person_id FROM reading_group_members
		WHERE workshop_id = $1 ORDER BY group_id, position, person_id`, workshopID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var gid, pid int64
		if err := rows.Scan(&gid, &pid); err != nil {
			return nil, err
		}
		if g := byID[gid]; g != nil {
			g.MemberIDs = append(g.MemberIDs, pid)
		}
	}
	return list, rows.Err()
}

// SetGroupText gives a group another text of the workshop's programme.
func (db *DB) SetGroupText(ctx context.Context, groupID, textID int64) error {
	return db.update(ctx, "set group text", func(tx *Tx) error {
		g, err := findReadingGroup(ctx, tx, groupID)
		if err != nil {
			return err
		}
		w, err := findWorkshop(ctx, tx, g.WorkshopID)
		if err != nil {
			return err
		}
		if err := checkText(ctx, tx, w, textID); err != nil {
			return err
		}
		return execOne(ctx, tx, `UPDATE reading_groups SET text_id = $1 WHERE id = $2`, textID, groupID)
	})
}

// MoveMember places a person already in the workshop in another of its groups, last.
func (db *DB) MoveMember(ctx context.Context, workshopID, personID, groupID int64) error {
	return db.update(ctx, "move reading group member", func(tx *Tx) error {
		g, err := findReadingGroup(ctx, tx, groupID)
		if err != nil {
			return err
		}
		if g.WorkshopID != workshopID {
			return notFound()
		}
		return execOne(ctx, tx, `UPDATE reading_group_members SET group_id = $1,
			position = (SELECT COALESCE(MAX(position), -1) + 1 FROM reading_group_members WHERE group_id = $1)
			WHERE workshop_id = $2 AND person_id = $3`, groupID, workshopID, personID)
	})
}

// EditPresentation rebases e over the edits the group's text has had since e.Base, applies
// it and records it, in one transaction; the writer lock (SQLite) or the row lock taken by the
// version bump (PostgreSQL) orders concurrent edits.
func (db *DB) EditPresentation(ctx context.Context, groupID, personID int64, e textmerge.Edit) (*laeringsliv.ReadingGroup, error) {
	var g *laeringsliv.ReadingGroup
	err := db.update(ctx, "edit presentation", func(tx *Tx) error {
		// Lock the row first: an UPDATE that changes nothing still takes it on PostgreSQL.
		if err := execOne(ctx, tx, `UPDATE reading_groups SET version = version WHERE id = $1`, groupID); err != nil {
			return err
		}
		var err error
		if g, err = findReadingGroup(ctx, tx, groupID); err != nil {
			return err
		}
		w, err := findWorkshop(ctx, tx, g.WorkshopID)
		if err != nil {
			return err
		}
		if !w.Phase.PresentationOpen() {
			return conflict("reading.error.presentation_closed")
		}
		if e.Base > g.Version {
			return invalid("reading.error.edit_invalid")
		}
		applied, err := findEdits(ctx, tx, groupID, e.Base)
		if err != nil {
			return err
		}
		// applied holds only the edits since e.Base, so the edit is rebased from their start.
		s, err := textmerge.Rebase(textmerge.Edit{Start: e.Start, End: e.End, Text: e.Text}, applied)
		if err != nil {
			return invalid("reading.error.edit_invalid")
		}
		text, err := textmerge.Apply(g.Presentation, s)
		if errors.Is(err, textmerge.ErrRange) {
			return invalid("reading.error.edit_invalid")
		} else if utf8.RuneCountInString(text) > laeringsliv.MaxAnswerRunes {
			return invalid("reading.error.answer_too_long")
		}
		g.Presentation, g.Version = text, g.Version+1
		if _, err := tx.ExecContext(ctx, `INSERT INTO reading_edits (institution_id, group_id, version,
			span_start, span_end, span_text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			g.InstitutionID, g.ID, g.Version, s.Start, s.End, s.Text, millis(tx.now)); err != nil {
			return err
		}
		if err := execOne(ctx, tx, `UPDATE reading_groups SET presentation = $1, version = $2 WHERE id = $3`,
			g.Presentation, g.Version, g.ID); err != nil {
			return err
		}
		return readingLog.append(ctx, tx, g.InstitutionID, w.ID, laeringsliv.ReadingEventEdit, laeringsliv.ReadingEditEvent{
			Group: g.ID, Version: g.Version, Start: s.Start, End: s.End, Text: s.Text})
	})
	return g, err
}

// findEdits returns the spans that made the versions after base, in order; a base beyond the
// current version is EINVALID.
func findEdits(ctx context.Context, tx *Tx, groupID int64, base int) ([]textmerge.Span, error) {
	if base < 0 {
		return nil, invalid("reading.error.edit_invalid")
	}
	rows, err := tx.QueryContext(ctx, `SELECT span_start, span_end, span_text FROM reading_edits
		WHERE group_id = $1 AND version > $2 ORDER BY version`, groupID, base)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var spans []textmerge.Span
	for rows.Next() {
		var s textmerge.Span
		if err := rows.Scan(&s.Start, &s.End, &s.Text); err != nil {
			return nil, err
		}
		spans = append(spans, s)
	}
	return spans, rows.Err()
}

const groupColumns = `id, institution_id, workshop_id, number, text_id, presentation, version, photo_key, photo_type, photo_alt`

func findReadingGroup(ctx context.Context, tx *Tx, id int64) (*laeringsliv.ReadingGroup, error) {
	return scanOne(tx.QueryRowContext(ctx,
		`SELECT `+groupColumns+` FROM reading_groups WHERE id = $1`, id), scanReadingGroup)
}

func scanReadingGroup(s scanner) (*laeringsliv.ReadingGroup, error) {
	var g laeringsliv.ReadingGroup
	var text sql.NullInt64
	if err := s.Scan(&g.ID, &g.InstitutionID, &g.WorkshopID, &g.Number, &text, &g.Presentation, &g.Version,
		&g.PhotoKey, &g.PhotoType, &g.PhotoAlt); err != nil {
		return nil, err
	}
	g.TextID = text.Int64
	return &g, nil
}
