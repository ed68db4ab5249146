package sqlstore

import (
	"context"

	"laeringsliv"
)

// ExamList returns one row per exam registration in the institution, ordered by workplace,
// person and level, with whether the person is eligible by the rules of eligibility.go.
func (db *DB) ExamList(ctx context.Context, institutionID int64) ([]laeringsliv.ExamListRow, error) {
	var out []laeringsliv.ExamListRow
	err := db.view(ctx, "exam list", func(tx *Tx) error {
		in, err := loadExamInputs(ctx, tx, institutionID)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT w.name, w.id, w.programme_id, p.id, p.name, p.email,
			e.level, e.created_at FROM exam_registrations e
			JOIN workplaces w ON w.id = e.workplace_id JOIN persons p ON p.id = e.person_id
			WHERE e.institution_id = $1 ORDER BY w.name, w.id, p.name, p.id, e.level`, institutionID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r laeringsliv.ExamListRow
			var programme, created int64
			if err := rows.Scan(&r.Workplace, &r.WorkplaceID, &programme, &r.PersonID, &r.Person, &r.Email,
				&r.Level, &created); err != nil {
				return err
			}
			r.RegisteredAt = fromMillis(created)
			in.fill(&r, programme)
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

// examInputs is everything the eligibility rules read, for a whole institution at once.
type examInputs struct {
	requirements map[int64][]int64        // programme → requirement ids
	approved     map[int64]map[int64]bool // person → requirement → approved
	standing     map[int64]*laeringsliv.Standing
	rules        map[int64]laeringsliv.AdmissionRules
}

func loadExamInputs(ctx context.Context, tx *Tx, inst int64) (*examInputs, error) {
	in := &examInputs{requirements: map[int64][]int64{}, approved: map[int64]map[int64]bool{},
		standing: map[int64]*laeringsliv.Standing{}, rules: map[int64]laeringsliv.AdmissionRules{}}
	progs, err := queryIDs(ctx, tx, `SELECT id FROM programmes WHERE institution_id = $1`, inst)
	if err != nil {
		return nil, err
	}
	for _, id := range progs {
		if in.rules[id], err = admissionRules(ctx, tx, id); err != nil {
			return nil, err
		}
	}
	err = eachRow(ctx, tx, `SELECT programme_id, id FROM work_requirements WHERE institution_id = $1`, inst,
		func(a, b int64) { in.requirements[a] = append(in.requirements[a], b) })
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT DISTINCT m.person_id, s.requirement_id FROM submissions s
		JOIN submission_members m ON m.submission_id = s.id
		WHERE s.institution_id = $1 AND s.status = 'approved'`, inst, func(p, r int64) {
		if in.approved[p] == nil {
			in.approved[p] = map[int64]bool{}
		}
		in.approved[p][r] = true
	})
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT person_id, kind FROM qualifications WHERE institution_id = $1`, inst)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var p int64
		var k laeringsliv.QualificationKind
		if err := rows.Scan(&p, &k); err != nil {
			rows.Close()
			return nil, err
		}
		in.of(p).Qualifications = append(in.of(p).Qualifications, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT person_id, 0 FROM exam_registrations
		WHERE institution_id = $1 AND level = 'bachelor' AND result = 'passed'`, inst,
		func(p, _ int64) { in.of(p).PassedBachelorExam = true })
	if err != nil {
		return nil, err
	}
	ids, err := queryIDs(ctx, tx, `SELECT id FROM prior_learning_applications WHERE institution_id = $1`, inst)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		a, err := findPriorLearning(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		if a.Approved() {
			in.of(a.PersonID).PriorLearning = append(in.of(a.PersonID).PriorLearning, a.Level)
		}
	}
	return in, nil
}

func (in *examInputs) of(person int64) *laeringsliv.Standing {
	if in.standing[person] == nil {
		in.standing[person] = &laeringsliv.Standing{}
	}
	return in.standing[person]
}

// fill applies the rules of the person's programme to one row.
func (in *examInputs) fill(r *laeringsliv.ExamListRow, programme int64) {
	rules, ok := in.rules[programme]
	if !ok {
		rules = laeringsliv.DefaultAdmissionRules(programme)
	}
	req := in.requirements[programme]
	r.Required = len(req)
	for _, id := range req {
		if in.approved[r.PersonID][id] {
			r.Approved++
		}
	}
	r.RequirementsApproved = laeringsliv.RequirementsApproved(req, in.approved[r.PersonID])
	r.Basis = rules.Basis(r.Level, *in.of(r.PersonID))
	r.Eligible = laeringsliv.Eligible(r.RequirementsApproved, r.Basis)
}

// eachRow runs fn on every row of a query that returns two integers.
func eachRow(ctx context.Context, tx *Tx, query string, arg any, fn func(a, b int64)) error {
	rows, err := tx.QueryContext(ctx, query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a, b int64
		if err := rows.Scan(&a, &b); err != nil {
			return err
		}
		fn(a, b)
	}
	return rows.Err()
}
