package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

var _ laeringsliv.EvidenceCounter = (*DB)(nil)

// evidenceKey addresses a row of Table 1: a workplace and one of its gatherings (0: none).
type evidenceKey struct{ workplace, gathering int64 }

// evidenceTally collects the counts of one programme before they become rows.
type evidenceTally struct {
	gatherings map[int64][]laeringsliv.EvidenceGathering // by workplace, sorted by start
	agenda     map[[2]int64]int64                        // {0 IPE | 1 workshop, id} -> gathering
	counts     map[evidenceKey]*laeringsliv.EvidenceRow
}

func (t *evidenceTally) at(workplace, gathering int64) *laeringsliv.EvidenceRow {
	k := evidenceKey{workplace, gathering}
	if t.counts[k] == nil {
		t.counts[k] = &laeringsliv.EvidenceRow{WorkplaceID: workplace, GatheringID: gathering}
	}
	return t.counts[k]
}

// linked returns the gathering a session or workshop names, else the one whose agenda links it.
func (t *evidenceTally) linked(kind, id int64, gathering sql.NullInt64) int64 {
	if gathering.Valid && gathering.Int64 != 0 {
		return gathering.Int64
	}
	return t.agenda[[2]int64{kind, id}]
}

// EvidenceCounts counts the material of Table 1 per gathering of the programme's workplaces,
// attributing each item as laeringsliv.EvidenceRow documents. Exam papers are left zero.
func (db *DB) EvidenceCounts(ctx context.Context, programmeID int64) ([]*laeringsliv.EvidenceRow, error) {
	var out []*laeringsliv.EvidenceRow
	err := db.view(ctx, "evidence counts", func(tx *Tx) error {
		t := &evidenceTally{gatherings: map[int64][]laeringsliv.EvidenceGathering{}, agenda: map[[2]int64]int64{},
			counts: map[evidenceKey]*laeringsliv.EvidenceRow{}}
		wps, err := evidenceGatherings(ctx, tx, programmeID, t)
		if err != nil {
			return err
		}
		for _, count := range []func(context.Context, *Tx, int64, *evidenceTally) error{
			countSubmissions, countIPE, countWorkshops} {
			if err := count(ctx, tx, programmeID, t); err != nil {
				return err
			}
		}
		for _, w := range wps {
			for _, g := range w.rows {
				c := t.at(w.id, g.GatheringID)
				c.Workplace, c.Gathering, c.Kind, c.Start = w.name, g.Gathering, g.Kind, g.Start
				out = append(out, c)
			}
			if c := t.counts[evidenceKey{w.id, 0}]; c != nil && c.Sum() > 0 {
				c.Workplace = w.name
				out = append(out, c)
			}
		}
		return nil
	})
	return out, err
}

type evidenceWorkplace struct {
	id   int64
	name string
	rows []*laeringsliv.EvidenceRow // one per gathering, names only
}

// evidenceGatherings loads the workplaces, their gatherings and the agenda links.
func evidenceGatherings(ctx context.Context, tx *Tx, programmeID int64, t *evidenceTally) ([]*evidenceWorkplace, error) {
	rows, err := tx.QueryContext(ctx, `SELECT w.id, w.name, g.id, g.kind, g.title, g.starts_at
		FROM workplaces w LEFT JOIN gatherings g ON g.institution_id = w.institution_id AND g.workplace_id = w.id
		WHERE w.programme_id = $1 ORDER BY w.id, g.starts_at, g.id`, programmeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var wps []*evidenceWorkplace
	for rows.Next() {
		var wid int64
		var name string
		var gid, start sql.NullInt64
		var kind, title sql.NullString
		if err := rows.Scan(&wid, &name, &gid, &kind, &title, &start); err != nil {
			return nil, err
		}
		if len(wps) == 0 || wps[len(wps)-1].id != wid {
			wps = append(wps, &evidenceWorkplace{id: wid, name: name})
		}
		if gid.Valid {
			g := laeringsliv.EvidenceGathering{ID: gid.Int64, Kind: laeringsliv.GatheringKind(kind.String), Start: fromMillis(start.Int64)}
			t.gatherings[wid] = append(t.gatherings[wid], g)
			w := wps[len(wps)-1]
			w.rows = append(w.rows, &laeringsliv.EvidenceRow{GatheringID: g.ID, Gathering: title.String, Kind: g.Kind, Start: g.Start})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	err = eachRow(ctx, tx, `SELECT a.gathering_id, COALESCE(a.ipe_session_id, 0) FROM agenda_items a
		JOIN gatherings g ON g.id = a.gathering_id JOIN workplaces w ON w.id = g.workplace_id
		WHERE w.programme_id = $1 AND a.ipe_session_id IS NOT NULL`, programmeID, func(g, s int64) { t.agenda[[2]int64{0, s}] = g })
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT a.gathering_id, COALESCE(a.reading_workshop_id, 0) FROM agenda_items a
		JOIN gatherings g ON g.id = a.gathering_id JOIN workplaces w ON w.id = g.workplace_id
		WHERE w.programme_id = $1 AND a.reading_workshop_id IS NOT NULL`, programmeID, func(g, r int64) { t.agenda[[2]int64{1, r}] = g })
	return wps, err
}
