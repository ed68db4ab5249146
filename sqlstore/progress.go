package sqlstore

import (
	"context"

	"laeringsliv"
)

var _ laeringsliv.ProgressCounter = (*DB)(nil)

// progressQueries select (time in milliseconds, innovation status or ”) per event kind of a
// programme ($1).
var progressQueries = []struct {
	kind  laeringsliv.ProgressEventKind
	query string
}{
	{laeringsliv.ProgressParticipant, `SELECT m.created_at, '' FROM memberships m JOIN workplaces w ON w.id = m.workplace_id
		WHERE w.programme_id = $1 AND m.role = 'participant'`},
	{laeringsliv.ProgressApproval, `SELECT MAX(a.created_at), '' FROM submissions s
		JOIN work_requirements r ON r.id = s.requirement_id
		JOIN assessments a ON a.institution_id = s.institution_id AND a.submission_id = s.id
		WHERE r.programme_id = $1 AND s.status = 'approved' GROUP BY s.id`},
	{laeringsliv.ProgressExam, `SELECT e.created_at, '' FROM exam_registrations e JOIN workplaces w ON w.id = e.workplace_id
		WHERE w.programme_id = $1`},
	{laeringsliv.ProgressInnovation, `SELECT c.changed_at, c.status FROM innovation_status_changes c
		JOIN innovations i ON i.institution_id = c.institution_id AND i.id = c.innovation_id
		JOIN workplaces w ON w.id = i.workplace_id WHERE w.programme_id = $1`},
	{laeringsliv.ProgressGathering, `SELECT g.starts_at, '' FROM gatherings g JOIN workplaces w ON w.id = g.workplace_id
		WHERE w.programme_id = $1`},
}

// ProgressEvents lists the dated events of a programme for the yearly progress report.
func (db *DB) ProgressEvents(ctx context.Context, programmeID int64) ([]laeringsliv.ProgressEvent, error) {
	var out []laeringsliv.ProgressEvent
	err := db.view(ctx, "progress events", func(tx *Tx) error {
		for _, q := range progressQueries {
			rows, err := tx.QueryContext(ctx, q.query, programmeID)
			if err != nil {
				return err
			}
			for rows.Next() {
				var at int64
				var status string
				if err := rows.Scan(&at, &status); err != nil {
					rows.Close()
					return err
				}
				out = append(out, laeringsliv.ProgressEvent{Kind: q.kind, At: fromMillis(at), Status: laeringsliv.InnovationStatus(status)})
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}
