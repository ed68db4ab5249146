package sqlstore

import (
	"context"
	"strings"

	"laeringsliv"
)

// ParticipationCounts returns, per workplace of a programme in the order they were created, its FTEs, the
// number of participant memberships (enrolled) and the number of innovations whose status
// counts (laeringsliv.InnovationStatus.Counts). The study counts are left zero.
func (db *DB) ParticipationCounts(ctx context.Context, programmeID int64) ([]*laeringsliv.ParticipationRow, error) {
	var w where
	prog := w.arg(programmeID)
	var counting []string
	for _, s := range laeringsliv.InnovationStatuses() {
		if s.Counts() {
			counting = append(counting, w.arg(string(s)))
		}
	}
	ph := strings.Join(counting, ", ")
	var list []*laeringsliv.ParticipationRow
	err := db.view(ctx, "participation counts", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT w.id, w.name, w.ftes,
			(SELECT COUNT(*) FROM memberships m WHERE m.institution_id = w.institution_id
				AND m.workplace_id = w.id AND m.role = 'participant'),
			(SELECT COUNT(*) FROM innovations i WHERE i.institution_id = w.institution_id
				AND i.workplace_id = w.id AND i.status IN (`+ph+`))
			FROM workplaces w WHERE w.programme_id = `+prog+` ORDER BY w.id`, w.args...)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(s scanner) (*laeringsliv.ParticipationRow, error) {
			var r laeringsliv.ParticipationRow
			return &r, s.Scan(&r.WorkplaceID, &r.Workplace, &r.FTEs, &r.Enrolled, &r.Innovations)
		})
		return err
	})
	return list, err
}

// Compile-time checks for the services of the innovation work.
var (
	_ laeringsliv.InnovationService    = (*DB)(nil)
	_ laeringsliv.ParticipationService = (*DB)(nil)
	_ laeringsliv.TimelineService      = (*DB)(nil)
	_ laeringsliv.PrequalService       = (*DB)(nil)
	_ laeringsliv.ReportService        = (*DB)(nil)
)
