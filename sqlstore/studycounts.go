package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"laeringsliv"
)

var _ laeringsliv.StudyCounter = (*DB)(nil)

// StudyCounts returns, per workplace of a programme, the participants with every work
// requirement approved and the eligible registrations for each exam level: the study columns
// of Table 2. It applies the same rules as the exam list, so the two never disagree.
func (db *DB) StudyCounts(ctx context.Context, programmeID int64) (map[int64]laeringsliv.StudyCounts, error) {
	out := map[int64]laeringsliv.StudyCounts{}
	err := db.view(ctx, "study counts", func(tx *Tx) error {
		var inst int64
		err := tx.QueryRowContext(ctx, `SELECT institution_id FROM programmes WHERE id = $1`, programmeID).Scan(&inst)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound()
		} else if err != nil {
			return err
		}
		in, err := loadExamInputs(ctx, tx, inst)
		if err != nil {
			return err
		}
		req := in.requirements[programmeID]
		err = eachRow(ctx, tx, `SELECT m.workplace_id, m.person_id FROM memberships m
			JOIN workplaces w ON w.id = m.workplace_id
			WHERE w.programme_id = $1 AND m.role = 'participant'`, programmeID, func(wp, person int64) {
			if len(req) > 0 && laeringsliv.RequirementsApproved(req, in.approved[person]) {
				c := out[wp]
				c.Approved++
				out[wp] = c
			}
		})
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT e.workplace_id, e.person_id, e.level FROM exam_registrations e
			JOIN workplaces w ON w.id = e.workplace_id WHERE w.programme_id = $1`, programmeID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r := laeringsliv.ExamListRow{}
			if err := rows.Scan(&r.WorkplaceID, &r.PersonID, &r.Level); err != nil {
				return err
			}
			if in.fill(&r, programmeID); !r.Eligible {
				continue
			}
			c := out[r.WorkplaceID]
			if r.Level == laeringsliv.LevelMaster {
				c.ExamMaster++
			} else {
				c.ExamBachelor++
			}
			out[r.WorkplaceID] = c
		}
		return rows.Err()
	})
	return out, err
}
