package laeringsliv

import "time"

// ExamResult is the outcome of an exam, when known.
type ExamResult string

const (
	ExamResultNone   ExamResult = ""
	ExamResultPassed ExamResult = "passed"
	ExamResultFailed ExamResult = "failed"
)

// ExamRegistration is a participant's voluntary registration for the exam at one level.
type ExamRegistration struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	PersonID      int64
	Level         Level
	Result        ExamResult
	CreatedAt     time.Time
}

// Validate checks the fields a participant can set.
func (e *ExamRegistration) Validate() error {
	switch {
	case e.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case e.PersonID == 0:
		return FieldError("person_id", "error.person_required")
	case !e.Level.Valid():
		return FieldError("level", "error.level_invalid")
	case e.Result != ExamResultNone && e.Result != ExamResultPassed && e.Result != ExamResultFailed:
		return FieldError("result", "exam.error.result_invalid")
	}
	return nil
}

// QualificationKind is a formal qualification that gives admission.
type QualificationKind string

const (
	QualGeneralStudy   QualificationKind = "general_study_competence" // generell studiekompetanse
	QualBachelorDegree QualificationKind = "bachelor_degree"
)

// Valid reports whether k is a known qualification.
func (k QualificationKind) Valid() bool { return k == QualGeneralStudy || k == QualBachelorDegree }

// Qualification records that the admissions office has seen a person's formal qualification.
type Qualification struct {
	ID            int64
	InstitutionID int64
	PersonID      int64
	Kind          QualificationKind
	RecordedBy    int64
	CreatedAt     time.Time
}

// AdmissionBasis is what admits a person to the exam at a level; empty for none.
type AdmissionBasis string

const (
	BasisNone           AdmissionBasis = ""
	BasisGeneralStudy   AdmissionBasis = "general_study_competence"
	BasisBachelorDegree AdmissionBasis = "bachelor_degree"
	BasisPriorLearning  AdmissionBasis = "prior_learning"
	BasisBachelorExam   AdmissionBasis = "bachelor_exam_passed"
)

// ExamListRow is one line of the exam list handed to the university's student system.
type ExamListRow struct {
	Workplace            string
	WorkplaceID          int64
	PersonID             int64
	Person               string
	Email                string
	Level                Level
	RequirementsApproved bool
	Approved, Required   int
	Basis                AdmissionBasis
	Eligible             bool
	RegisteredAt         time.Time
}
