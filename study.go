package laeringsliv

import "context"

// StudyService stores the study programme: the small services below, which a handler or a
// test double may take one at a time.
type StudyService interface {
	Gatherings
	Requirements
	Submissions
	Assessments
	Exams
	Admissions
	PriorLearnings
}

// Gatherings stores a workplace's gatherings (samlinger).
type Gatherings interface {
	CreateGathering(ctx context.Context, g *Gathering) error
	FindGathering(ctx context.Context, id int64) (*Gathering, error)
	// FindGatherings returns a workplace's gatherings by start.
	FindGatherings(ctx context.Context, workplaceID int64) ([]*Gathering, error)
}

// Requirements stores a programme's work requirements (arbeidskrav).
type Requirements interface {
	CreateRequirement(ctx context.Context, r *WorkRequirement) error
	UpdateRequirement(ctx context.Context, r *WorkRequirement) error
	FindRequirement(ctx context.Context, id int64) (*WorkRequirement, error)
	// FindRequirements returns a programme's requirements by position.
	FindRequirements(ctx context.Context, programmeID int64) ([]*WorkRequirement, error)
}

// Submissions stores what participants hand in: drafts, versions and their files.
type Submissions interface {
	// SaveDraft creates a draft (ID 0) or saves the text of one; a submission that is no
	// longer a draft is ECONFLICT submission.error.not_draft.
	SaveDraft(ctx context.Context, s *Submission) error
	// Submit hands in a draft on behalf of all its members.
	Submit(ctx context.Context, id, authorID int64) (*Submission, error)
	// Resubmit starts a new draft version of a submission that was not approved, with its text.
	Resubmit(ctx context.Context, id, authorID int64) (*Submission, error)
	AddSubmissionFile(ctx context.Context, f *SubmissionFile) error
	FindSubmission(ctx context.Context, id int64) (*Submission, error)
	// FindSubmissions returns the submissions f selects, newest version first.
	FindSubmissions(ctx context.Context, f SubmissionFilter) ([]*Submission, error)
}

// Assessments records the joint assessment (felles sensurering) of submissions.
type Assessments interface {
	// Assess records a verdict and sets the submission's status from all its assessments.
	Assess(ctx context.Context, a *Assessment) (*Submission, error)
	FindAssessments(ctx context.Context, submissionID int64) ([]*Assessment, error)
}

// Exams stores exam registrations and results, and the list for the student system.
type Exams interface {
	// RegisterExam registers a participant; registering twice for a level is ECONFLICT.
	RegisterExam(ctx context.Context, e *ExamRegistration) error
	CancelExam(ctx context.Context, id int64) error
	SetExamResult(ctx context.Context, id int64, r ExamResult) error
	FindExamRegistrations(ctx context.Context, f ExamFilter) ([]*ExamRegistration, error)
	// ExamList returns one row per exam registration in the institution, by workplace,
	// person and level.
	ExamList(ctx context.Context, institutionID int64) ([]ExamListRow, error)
}

// Admissions stores the formal qualifications people hold and a programme's admission rules.
type Admissions interface {
	AddQualification(ctx context.Context, q *Qualification) error
	FindQualifications(ctx context.Context, personID int64) ([]*Qualification, error)
	// AdmissionRules returns a programme's rules, or the default rules when none are set.
	AdmissionRules(ctx context.Context, programmeID int64) (AdmissionRules, error)
	SetAdmissionRules(ctx context.Context, r AdmissionRules) error
}

// PriorLearnings stores prior-learning applications (realkompetanse) and every decision on them.
type PriorLearnings interface {
	// CreatePriorLearning stores an application with its documents.
	CreatePriorLearning(ctx context.Context, a *PriorLearningApplication) error
	AddPriorLearningDocument(ctx context.Context, d *PriorLearningDocument) error
	// DecidePriorLearning records a decision on all the application's documents, with what
	// the programme's rules suggest at that moment.
	DecidePriorLearning(ctx context.Context, d *PriorLearningDecision) error
	FindPriorLearning(ctx context.Context, id int64) (*PriorLearningApplication, error)
	FindPriorLearnings(ctx context.Context, f PriorLearningFilter) ([]*PriorLearningApplication, error)
}

// SubmissionFilter selects submissions; zero fields do not filter.
type SubmissionFilter struct {
	RequirementID int64
	WorkplaceID   int64
	PersonID      int64 // submissions the person is a member of
}

// ExamFilter selects exam registrations; zero fields do not filter.
type ExamFilter struct {
	InstitutionID int64
	WorkplaceID   int64
	PersonID      int64
}

// PriorLearningFilter selects prior-learning applications; zero fields do not filter.
type PriorLearningFilter struct {
	InstitutionID int64
	ProgrammeID   int64
	WorkplaceID   int64
	PersonID      int64
}

// CalendarService keeps the secret addresses of personal calendar feeds. Only a hash of the
// token is stored; setting a new token revokes the old one.
type CalendarService interface {
	SetCalendarToken(ctx context.Context, personID int64, tokenHash string) error
	RevokeCalendarToken(ctx context.Context, personID int64) error
	// CalendarPerson returns the person whose feed the token hash opens, or ENOTFOUND.
	CalendarPerson(ctx context.Context, tokenHash string) (int64, error)
	HasCalendarToken(ctx context.Context, personID int64) (bool, error)
}
