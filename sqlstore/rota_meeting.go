package sqlstore

import (
	"context"

	"laeringsliv"
)

// CreateMeetings saves the repetitions of one meeting, each with its invitees, as one unit.
// Every invitee must belong to the workplace.
func (db *DB) CreateMeetings(ctx context.Context, ms []*laeringsliv.Meeting) error {
	for _, m := range ms {
		if err := m.Validate(); err != nil {
			return err
		}
	}
	return db.update(ctx, "create meetings", func(tx *Tx) error {
		for _, m := range ms {
			if err := insertMeeting(ctx, tx, m); err != nil {
				return err
			}
		}
		return nil
	})
}

func insertMeeting(ctx context.Context, tx *Tx, m *laeringsliv.Meeting) error {
	w, err := findWorkplace(ctx, tx, m.WorkplaceID)
	if err != nil {
		return err
	}
	m.InstitutionID, m.CreatedAt, m.UpdatedAt, m.Sequence = w.InstitutionID, tx.now, tx.now, 0
	err = tx.QueryRowContext(ctx, `INSERT INTO rota_meetings (institution_id, workplace_id, kind, title, place,
		starts_at, ends_at, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
		RETURNING id`, w.InstitutionID, w.ID, m.Kind, m.Title, m.Place, millis(m.Start), millis(m.End),
		nullID(m.CreatedBy), millis(tx.now)).Scan(&m.ID)
	if err != nil {
		return err
	}
	for _, in := range m.Invitees {
		ids, err := queryIDs(ctx, tx, `SELECT person_id FROM memberships WHERE person_id = $1 AND workplace_id = $2`, in.PersonID, w.ID)
		if err != nil {
			return err
		} else if len(ids) == 0 {
			return laeringsliv.FieldError("invitees", "meeting.error.invitees")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO rota_meeting_invitees (meeting_id, institution_id, person_id, own_minutes)
			VALUES ($1, $2, $3, $4)`, m.ID, w.InstitutionID, in.PersonID, in.OwnMinutes); err != nil {
			return err
		}
	}
	return nil
}

// CancelMeeting marks a meeting of the workplace cancelled and counts the change, so that
// calendar apps replace their copy.
func (db *DB) CancelMeeting(ctx context.Context, workplaceID, id int64) error {
	return db.update(ctx, "cancel meeting", func(tx *Tx) error {
		return execOne(ctx, tx, `UPDATE rota_meetings SET cancelled = 1, sequence = sequence + 1, updated_at = $1
			WHERE id = $2 AND workplace_id = $3 AND cancelled = 0`, millis(tx.now), id, workplaceID)
	})
}

// FindMeetings returns the meetings f selects, by start, with their invitees.
func (db *DB) FindMeetings(ctx context.Context, f laeringsliv.MeetingFilter) ([]*laeringsliv.Meeting, error) {
	var w where
	if f.ID != 0 {
		w.eq("m.id", f.ID)
	}
	if f.WorkplaceID != 0 {
		w.eq("m.workplace_id", f.WorkplaceID)
	}
	if f.PersonID != 0 {
		w.add("m.id IN (SELECT meeting_id FROM rota_meeting_invitees WHERE person_id = " + w.arg(f.PersonID) + ")")
	}
	if !f.From.IsZero() {
		w.add("m.ends_at > " + w.arg(millis(f.From)))
	}
	var list []*laeringsliv.Meeting
	err := db.view(ctx, "find meetings", func(tx *Tx) error {
		byID := map[int64]*laeringsliv.Meeting{}
		rows, err := tx.QueryContext(ctx, `SELECT m.id, m.institution_id, m.workplace_id, m.kind, m.title, m.place,
			m.starts_at, m.ends_at, m.sequence, m.cancelled, COALESCE(m.created_by, 0), m.created_at, m.updated_at
			FROM rota_meetings m`+w.String()+` ORDER BY m.starts_at, m.id`, w.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			m := &laeringsliv.Meeting{}
			var start, end, created, updated int64
			var cancelled int
			if err := rows.Scan(&m.ID, &m.InstitutionID, &m.WorkplaceID, &m.Kind, &m.Title, &m.Place, &start, &end,
				&m.Sequence, &cancelled, &m.CreatedBy, &created, &updated); err != nil {
				return err
			}
			m.Start, m.End, m.CreatedAt, m.UpdatedAt = fromMillis(start), fromMillis(end), fromMillis(created), fromMillis(updated)
			m.Cancelled = cancelled != 0
			list = append(list, m)
			byID[m.ID] = m
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(byID) == 0 {
			return nil
		}
		return loadInvitees(ctx, tx, byID, `SELECT m.id FROM rota_meetings m`+w.String(), w.args)
	})
	return list, err
}

// loadInvitees fills the invitees of the meetings in byID, which the query selects, in one
// statement rather than one a meeting.
func loadInvitees(ctx context.Context, tx *Tx, byID map[int64]*laeringsliv.Meeting, meetings string, args []any) error {
	rows, err := tx.QueryContext(ctx, `SELECT meeting_id, person_id, own_minutes FROM rota_meeting_invitees
		WHERE meeting_id IN (`+meetings+`) ORDER BY meeting_id, person_id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var in laeringsliv.MeetingInvitee
		if err := rows.Scan(&id, &in.PersonID, &in.OwnMinutes); err != nil {
			return err
		}
		if m := byID[id]; m != nil {
			m.Invitees = append(m.Invitees, in)
		}
	}
	return rows.Err()
}
