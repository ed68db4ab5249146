package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"laeringsliv"
)

// RegisterExam registers a participant for the exam at a level; twice is ECONFLICT.
func (db *DB) RegisterExam(ctx context.Context, e *laeringsliv.ExamRegistration) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "register exam", func(tx *Tx) error {
		w, err := findWorkplace(ctx, tx, e.WorkplaceID)
		if err != nil {
			return err
		}
		e.InstitutionID, e.CreatedAt = w.InstitutionID, tx.now
		err = tx.QueryRowContext(ctx, `INSERT INTO exam_registrations (institution_id, workplace_id,
			person_id, level, result, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			e.InstitutionID, e.WorkplaceID, e.PersonID, e.Level, e.Result, millis(e.CreatedAt)).Scan(&e.ID)
		if db.dialect.uniqueViolation(err) {
			return conflict("exam.error.registered")
		}
		return err
	})
}

// CancelExam withdraws a registration.
func (db *DB) CancelExam(ctx context.Context, id int64) error {
	return db.update(ctx, "cancel exam", func(tx *Tx) error {
		return execOne(ctx, tx, `DELETE FROM exam_registrations WHERE id = $1`, id)
	})
}

// SetExamResult records the outcome of an exam.
func (db *DB) SetExamResult(ctx context.Context, id int64, r laeringsliv.ExamResult) error {
	if r != laeringsliv.ExamResultNone && r != laeringsliv.ExamResultPassed && r != laeringsliv.ExamResultFailed {
		return invalid("exam.error.result_invalid")
	}
	return db.update(ctx, "set exam result", func(tx *Tx) error {
		return execOne(ctx, tx, `UPDATE exam_registrations SET result = $1 WHERE id = $2`, r, id)
	})
}

// FindExamRegistrations returns the registrations f selects.
func (db *DB) FindExamRegistrations(ctx context.Context, f laeringsliv.ExamFilter) ([]*laeringsliv.ExamRegistration, error) {
	var w where
	if f.InstitutionID != 0 {
		w.eq("institution_id", f.InstitutionID)
	}
	if f.WorkplaceID != 0 {
		w.eq("workplace_id", f.WorkplaceID)
	}
	if f.PersonID != 0 {
		w.eq("person_id", f.PersonID)
	}
	var list []*laeringsliv.ExamRegistration
	err := db.view(ctx, "find exam registrations", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, workplace_id, person_id, level, result,
			created_at FROM exam_registrations`+w.String()+` ORDER BY workplace_id, person_id, level`, w.args...)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, scanExam)
		return err
	})
	return list, err
}

func scanExam(s scanner) (*laeringsliv.ExamRegistration, error) {
	var e laeringsliv.ExamRegistration
	var created int64
	err := s.Scan(&e.ID, &e.InstitutionID, &e.WorkplaceID, &e.PersonID, &e.Level, &e.Result, &created)
	e.CreatedAt = fromMillis(created)
	return &e, err
}

// AddQualification records a formal qualification; recording it twice is ECONFLICT.
func (db *DB) AddQualification(ctx context.Context, q *laeringsliv.Qualification) error {
	if !q.Kind.Valid() {
		return laeringsliv.FieldError("kind", "exam.error.qualification_invalid")
	}
	return db.update(ctx, "add qualification", func(tx *Tx) error {
		p, err := findPerson(ctx, tx, q.PersonID)
		if err != nil {
			return err
		}
		q.InstitutionID, q.CreatedAt = p.InstitutionID, tx.now
		err = tx.QueryRowContext(ctx, `INSERT INTO qualifications (institution_id, person_id, kind,
			recorded_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			q.InstitutionID, q.PersonID, q.Kind, nullID(q.RecordedBy), millis(q.CreatedAt)).Scan(&q.ID)
		if db.dialect.uniqueViolation(err) {
			return conflict("exam.error.qualification_exists")
		}
		return err
	})
}

// FindQualifications returns a person's formal qualifications.
func (db *DB) FindQualifications(ctx context.Context, personID int64) ([]*laeringsliv.Qualification, error) {
	var list []*laeringsliv.Qualification
	err := db.view(ctx, "find qualifications", func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, institution_id, person_id, kind, COALESCE(recorded_by, 0),
			created_at FROM qualifications WHERE person_id = $1 ORDER BY id`, personID)
		if err != nil {
			return err
		}
		list, err = scanAll(rows, func(s scanner) (*laeringsliv.Qualification, error) {
			var q laeringsliv.Qualification
			var created int64
			err := s.Scan(&q.ID, &q.InstitutionID, &q.PersonID, &q.Kind, &q.RecordedBy, &created)
			q.CreatedAt = fromMillis(created)
			return &q, err
		})
		return err
	})
	return list, err
}

// AdmissionRules returns a programme's rules, or the default rules when none are set.
func (db *DB) AdmissionRules(ctx context.Context, programmeID int64) (laeringsliv.AdmissionRules, error) {
	var r laeringsliv.AdmissionRules
	err := db.view(ctx, "admission rules", func(tx *Tx) (err error) {
		r, err = admissionRules(ctx, tx, programmeID)
		return err
	})
	return r, err
}

func admissionRules(ctx context.Context, tx *Tx, programmeID int64) (laeringsliv.AdmissionRules, error) {
	r := laeringsliv.AdmissionRules{ProgrammeID: programmeID}
	err := tx.QueryRowContext(ctx, `SELECT bachelor_trade_certificate, bachelor_work_years, master_work_years,
		bachelor_exam_qualifies_master FROM admission_rules WHERE programme_id = $1`, programmeID).Scan(
		&r.BachelorTradeCertificate, &r.BachelorWorkYears, &r.MasterWorkYears, &r.BachelorExamQualifiesMaster)
	if errors.Is(err, sql.ErrNoRows) {
		return laeringsliv.DefaultAdmissionRules(programmeID), nil
	}
	return r, err
}

// SetAdmissionRules stores a programme's rule set, replacing any earlier one.
func (db *DB) SetAdmissionRules(ctx context.Context, r laeringsliv.AdmissionRules) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "set admission rules", func(tx *Tx) error {
		p, err := findProgramme(ctx, tx, r.ProgrammeID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM admission_rules WHERE programme_id = $1`, p.ID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO admission_rules (institution_id, programme_id,
			bachelor_trade_certificate, bachelor_work_years, master_work_years, bachelor_exam_qualifies_master)
			VALUES ($1, $2, $3, $4, $5, $6)`, p.InstitutionID, p.ID, r.BachelorTradeCertificate,
			r.BachelorWorkYears, r.MasterWorkYears, r.BachelorExamQualifiesMaster)
		return err
	})
}
