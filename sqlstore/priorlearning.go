package sqlstore

import (
	"context"
	"database/sql"

	"laeringsliv"
)

// CreatePriorLearning stores an application and its documents. The programme is the
// workplace's.
func (db *DB) CreatePriorLearning(ctx context.Context, a *laeringsliv.PriorLearningApplication) error {
	if err := a.Validate(); err != nil {
		return err
	}
	for i := range a.Documents {
		if err := a.Documents[i].Validate(); err != nil {
			return err
		}
	}
	return db.update(ctx, "create prior learning", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, a.WorkplaceID)
		if err != nil {
			return err
		}
		a.InstitutionID, a.ProgrammeID, a.CreatedAt = w.InstitutionID, w.ProgrammeID, tx.now
		err = tx.QueryRowContext(ctx, `INSERT INTO prior_learning_applications (institution_id, programme_id,
			workplace_id, person_id, level, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			a.InstitutionID, a.ProgrammeID, a.WorkplaceID, a.PersonID, a.Level, a.CreatedBy, millis(a.CreatedAt)).Scan(&a.ID)
		if err != nil {
			return err
		}
		for i := range a.Documents {
			a.Documents[i].ApplicationID = a.ID
			if err := insertDocument(ctx, tx, a.InstitutionID, &a.Documents[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddPriorLearningDocument adds a document to an application, for instance after a decision
// asked for more documentation.
func (db *DB) AddPriorLearningDocument(ctx context.Context, d *laeringsliv.PriorLearningDocument) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "add prior learning document", func(tx *Tx) error {
		var inst int64
		err := tx.QueryRowContext(ctx, `SELECT institution_id FROM prior_learning_applications WHERE id = $1`,
			d.ApplicationID).Scan(&inst)
		if err == sql.ErrNoRows {
			return notFound()
		} else if err != nil {
			return err
		}
		return insertDocument(ctx, tx, inst, d)
	})
}

func insertDocument(ctx context.Context, tx *Tx, inst int64, d *laeringsliv.PriorLearningDocument) error {
	d.CreatedAt = tx.now
	return tx.QueryRowContext(ctx, `INSERT INTO prior_learning_documents (institution_id, application_id,
		kind, title, issuer, from_date, to_date, position_pct, tasks, relevant, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		inst, d.ApplicationID, d.Kind, d.Title, d.Issuer, nullMillis(d.From), nullMillis(d.To),
		d.PositionPct, d.Tasks, d.Relevant, millis(d.CreatedAt)).Scan(&d.ID)
}

// DecidePriorLearning records a decision on every document the application holds now, with
// what the programme's rules suggest today.
func (db *DB) DecidePriorLearning(ctx context.Context, d *laeringsliv.PriorLearningDecision) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "decide prior learning", func(tx *Tx) error {
		a, err := findPriorLearning(ctx, tx, d.ApplicationID)
		if err != nil {
			return err
		}
		rules, err := admissionRules(ctx, tx, a.ProgrammeID)
		if err != nil {
			return err
		}
		d.Suggestion = rules.Suggest(a.Level, a.Documents, tx.now)
		d.DecidedAt = tx.now
		s := d.Suggestion
		err = tx.QueryRowContext(ctx, `INSERT INTO prior_learning_decisions (institution_id, application_id,
			outcome, rationale, decided_by, decided_at, suggested_qualifies, suggested_discretionary,
			trade_certificate, full_time_years, required_years) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
			RETURNING id`, a.InstitutionID, a.ID, d.Outcome, d.Rationale, d.DecidedBy, millis(d.DecidedAt),
			s.Qualifies, s.Discretionary, s.TradeCertificate, s.FullTimeYears, s.RequiredYears).Scan(&d.ID)
		if err != nil {
			return err
		}
		d.DocumentIDs = nil
		for _, doc := range a.Documents {
			if _, err := tx.ExecContext(ctx, `INSERT INTO prior_learning_decision_documents
				(institution_id, decision_id, document_id) VALUES ($1, $2, $3)`, a.InstitutionID, d.ID, doc.ID); err != nil {
				return err
			}
			d.DocumentIDs = append(d.DocumentIDs, doc.ID)
		}
		return nil
	})
}

// FindPriorLearning returns an application with its documents and decisions, or ENOTFOUND.
func (db *DB) FindPriorLearning(ctx context.Context, id int64) (*laeringsliv.PriorLearningApplication, error) {
	var a *laeringsliv.PriorLearningApplication
	err := db.view(ctx, "find prior learning", func(tx *Tx) (err error) {
		a, err = findPriorLearning(ctx, tx, id)
		return err
	})
	return a, err
}

// FindPriorLearnings returns the applications f selects, newest first, with documents and
// decisions.
func (db *DB) FindPriorLearnings(ctx context.Context, f laeringsliv.PriorLearningFilter) ([]*laeringsliv.PriorLearningApplication, error) {
	var w where
	for col, v := range map[string]int64{"institution_id": f.InstitutionID, "programme_id": f.ProgrammeID,
		"workplace_id": f.WorkplaceID, "person_id": f.PersonID} {
		if v != 0 {
			w.eq(col, v)
		}
	}
	var list []*laeringsliv.PriorLearningApplication
	err := db.view(ctx, "find prior learnings", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+applicationColumns+` FROM prior_learning_applications`+
			w.String()+` ORDER BY created_at DESC, id DESC`, w.args...)
		if err != nil {
			return err
		}
		if list, err = scanAll(rows, scanApplication); err != nil {
			return err
		}
		for _, a := range list {
			if err := loadApplicationParts(ctx, tx, a); err != nil {
				return err
			}
		}
		return nil
	})
	return list, err
}

const applicationColumns = `id, institution_id, programme_id, workplace_id, person_id, level, created_by, created_at`

func findPriorLearning(ctx context.Context, tx *Tx, id int64) (*laeringsliv.PriorLearningApplication, error) {
	a, err := scanOne(tx.QueryRowContext(ctx, `SELECT `+applicationColumns+` FROM prior_learning_applications
		WHERE id = $1`, id), scanApplication)
	if err != nil {
		return nil, err
	}
	return a, loadApplicationParts(ctx, tx, a)
}

func scanApplication(s scanner) (*laeringsliv.PriorLearningApplication, error) {
	var a laeringsliv.PriorLearningApplication
	var created int64
	err := s.Scan(&a.ID, &a.InstitutionID, &a.ProgrammeID, &a.WorkplaceID, &a.PersonID, &a.Level, &a.CreatedBy, &created)
	a.CreatedAt = fromMillis(created)
	return &a, err
}
