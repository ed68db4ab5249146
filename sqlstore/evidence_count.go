package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

// reflectionLogCode is the code of the individual reflection log among the work requirements;
// every other requirement is a group presentation (see laeringsliv.EvidenceRow).
const reflectionLogCode = "AK1"

// countSubmissions counts delivered submissions and their videos at the gathering each
// requirement belongs to.
func countSubmissions(ctx context.Context, tx *Tx, programmeID int64, t *evidenceTally) error {
	rows, err := tx.QueryContext(ctx, `SELECT s.workplace_id, r.code, r.due_gathering, r.due_at,
		(SELECT COUNT(*) FROM submission_files f WHERE f.institution_id = s.institution_id
			AND f.submission_id = s.id AND f.kind = 'video')
		FROM submissions s JOIN work_requirements r ON r.institution_id = s.institution_id AND r.id = s.requirement_id
		WHERE r.programme_id = $1 AND s.status <> 'draft'`, programmeID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var wp int64
		var code, dueKind string
		var dueAt sql.NullInt64
		var videos int
		if err := rows.Scan(&wp, &code, &dueKind, &dueAt, &videos); err != nil {
			return err
		}
		g := laeringsliv.GatheringOfRequirement(t.gatherings[wp], laeringsliv.GatheringKind(dueKind), fromNullMillis(dueAt))
		c := t.at(wp, g)
		if code == reflectionLogCode {
			c.ReflectionLogs++
		} else {
			c.Presentations++
		}
		c.Videos += videos
	}
	return rows.Err()
}

// countIPE counts the notes of every IPE session and the evaluation sessions at their gathering.
func countIPE(ctx context.Context, tx *Tx, programmeID int64, t *evidenceTally) error {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.workplace_id, s.gathering_id, s.kind,
		(SELECT COUNT(*) FROM ipe_notes n WHERE n.session_id = s.id)
			+ (SELECT COUNT(*) FROM ipe_note_pool n WHERE n.session_id = s.id)
		FROM ipe_sessions s JOIN workplaces w ON w.institution_id = s.institution_id AND w.id = s.workplace_id
		WHERE w.programme_id = $1`, programmeID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, wp int64
		var g sql.NullInt64
		var kind string
		var notes int
		if err := rows.Scan(&id, &wp, &g, &kind, &notes); err != nil {
			return err
		}
		c := t.at(wp, t.linked(0, id, g))
		c.IPENotes += notes
		if laeringsliv.IPEKind(kind) != laeringsliv.IPEKindCapture {
			c.Evaluations++
		}
	}
	return rows.Err()
}

// countWorkshops counts the reading groups that wrote a presentation, at their workshop's gathering.
func countWorkshops(ctx context.Context, tx *Tx, programmeID int64, t *evidenceTally) error {
	rows, err := tx.QueryContext(ctx, `SELECT ws.id, ws.workplace_id, ws.gathering_id,
		(SELECT COUNT(*) FROM reading_groups g WHERE g.institution_id = ws.institution_id
			AND g.workshop_id = ws.id AND g.presentation <> '')
		FROM reading_workshops ws WHERE ws.programme_id = $1`, programmeID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, wp int64
		var g sql.NullInt64
		var n int
		if err := rows.Scan(&id, &wp, &g, &n); err != nil {
			return err
		}
		t.at(wp, t.linked(1, id, g)).Presentations += n
	}
	return rows.Err()
}
