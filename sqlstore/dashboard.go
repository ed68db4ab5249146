package sqlstore

import (
	"context"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
)

// The dashboard asks a handful of narrow questions on every visit to the front page; each is
// one query over the workplaces or programmes the caller names, and none reads a submission's
// text or a note. Which workplaces to ask about is the policy's decision, made by the caller.

// OpenIPESessions returns the sessions of the institution's workplaces named that are not
// closed, newest first. The institution leads the index the query runs on.
func (db *DB) OpenIPESessions(ctx context.Context, institutionID int64, workplaceIDs []int64) (list []*laeringsliv.IPESession, err error) {
	var w where
	w.eq("institution_id", institutionID)
	w.in("workplace_id", workplaceIDs)
	w.add("phase <> " + w.arg(laeringsliv.IPEPhaseClosed))
	err = db.view(ctx, "open ipe sessions", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+ipeSessionColumns+` FROM ipe_sessions`+w.String()+
			` ORDER BY id DESC`, w.args...)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanIPESession)
		return err
	})
	return list, err
}

// NextGatherings returns, for each of the institution's workplaces named, the first gathering
// with a day that has not ended at now, with its days and agenda; workplaces with none are
// left out.
func (db *DB) NextGatherings(ctx context.Context, institutionID int64, workplaceIDs []int64, now time.Time) ([]*laeringsliv.Gathering, error) {
	var w where
	w.eq("g.institution_id", institutionID)
	w.in("g.workplace_id", workplaceIDs)
	w.add(`EXISTS (SELECT 1 FROM gathering_days d WHERE d.gathering_id = g.id AND d.end_at > ` + w.arg(millis(now)) + `)`)
	var next []*laeringsliv.Gathering
	err := db.view(ctx, "next gatherings", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT g.id, g.institution_id, g.workplace_id, g.kind, g.title, g.place,
			g.created_at FROM gatherings g`+w.String()+` ORDER BY g.starts_at, g.id`, w.args...)
		if err != nil {
			return err
		}
		list, err := scanAll(rows, scanGathering)
		if err != nil {
			return err
		}
		seen := map[int64]bool{}
		for _, g := range list {
			if seen[g.WorkplaceID] {
				continue
			}
			seen[g.WorkplaceID] = true
			if err := loadGatheringParts(ctx, tx, g); err != nil {
				return err
			}
			next = append(next, g)
		}
		return nil
	})
	return next, err
}

// LatestSubmissions returns the newest version of the person's submission to each requirement
// they have answered, without text, members or files.
func (db *DB) LatestSubmissions(ctx context.Context, personID int64) ([]*laeringsliv.Submission, error) {
	var latest []*laeringsliv.Submission
	err := db.view(ctx, "latest submissions", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, requirement_id, workplace_id, version,
			author_id, '', status, submitted_at, created_at, updated_at FROM submissions
			WHERE id IN (SELECT submission_id FROM submission_members WHERE person_id = $1)
			ORDER BY requirement_id, version DESC, id DESC`, personID)
		if err != nil {
			return err
		}
		list, err := scanAll(rows, scanSubmission)
		for i, s := range list {
			if i == 0 || s.RequirementID != list[i-1].RequirementID {
				latest = append(latest, s)
			}
		}
		return err
	})
	return latest, err
}

// AssessmentQueue counts, per workplace, the submitted submissions on which the assessor has
// not yet given a verdict. Workplaces with none are left out.
func (db *DB) AssessmentQueue(ctx context.Context, assessorID int64, workplaceIDs []int64) (map[int64]int, error) {
	var w where
	w.in("s.workplace_id", workplaceIDs)
	w.eq("s.status", laeringsliv.StatusSubmitted)
	w.add(`NOT EXISTS (SELECT 1 FROM assessments a WHERE a.submission_id = s.id AND a.assessor_id = ` + w.arg(assessorID) + `)`)
	return db.countBy(ctx, "assessment queue", `SELECT s.workplace_id, COUNT(*) FROM submissions s`+w.String()+
		` GROUP BY s.workplace_id`, w.args...)
}

// OpenPriorLearnings counts, per programme, the prior-learning applications waiting for a
// decision: those with none yet, and those with a document added after their latest decision.
// Programmes with none are left out.
func (db *DB) OpenPriorLearnings(ctx context.Context, programmeIDs []int64) (map[int64]int, error) {
	var w where
	w.in("a.programme_id", programmeIDs)
	w.add(`(NOT EXISTS (SELECT 1 FROM prior_learning_decisions d WHERE d.application_id = a.id)
		OR EXISTS (SELECT 1 FROM prior_learning_documents doc WHERE doc.application_id = a.id
			AND doc.created_at > (SELECT MAX(d.decided_at) FROM prior_learning_decisions d WHERE d.application_id = a.id)))`)
	return db.countBy(ctx, "open prior learnings", `SELECT a.programme_id, COUNT(*) FROM prior_learning_applications a`+
		w.String()+` GROUP BY a.programme_id`, w.args...)
}

// PersonShifts returns the person's shifts in force that overlap [from, to), by start.
func (db *DB) PersonShifts(ctx context.Context, personID int64, from, to time.Time) ([]rota.Shift, error) {
	return db.FindShifts(ctx, ShiftFilter{PersonID: personID, From: from, To: to})
}

// countBy runs a query whose rows are (id, count) and returns them as a map.
func (db *DB) countBy(ctx context.Context, op, query string, args ...any) (map[int64]int, error) {
	counts := map[int64]int{}
	err := db.view(ctx, op, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				return err
			}
			counts[id] = n
		}
		return rows.Err()
	})
	return counts, err
}
