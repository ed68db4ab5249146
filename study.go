package laeringsliv

import "context"

// StudyService stores the study programme: gatherings, work requirements, submissions and
// their assessment, exam registrations and the admission to them.
type StudyService interface {
	CreateGathering(ctx context.Context, g *Gathering) error
	FindGathering(ctx context.Context, id int64) (*Gathering, error)
	// FindGatherings returns a workplace's gatherings by start.
	FindGatherings(ctx context.Context, workplaceID int64) ([]*Gathering, error)

	CreateRequirement(ctx context.Context, r *WorkRequirement) error
	UpdateRequirement(ctx context.Context, r *WorkRequirement) error
	FindRequirement(ctx context.Context, id int64) (*WorkRequirement, error)
	// FindRequirements returns a programme's requirements by position.
	FindRequirements(ctx context.Context, programmeID int64) ([]*WorkRequirement, error)

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

	// Assess records a verdict and sets the submission's status from all its assessments.
	Assess(ctx context.Context, a *Assessment) (*Submission, error)
	FindAssessments(ctx context.Context, submissionID int64) ([]*Assessment, error)

	// RegisterExam registers a participant; registering twice for a level is ECONFLICT.
	RegisterExam(ctx context.Context, e *ExamRegistration) error
	CancelExam(ctx context.Context, id int64) error
	SetExamResult(ctx context.Context, id int64, r ExamResult) error
	FindExamRegistrations(ctx context.Context, f ExamFilter) ([]*ExamRegistration, error)

	AddQualification(ctx context.Context, q *Qualification) error
	FindQualifications(ctx context.Context, personID int64) ([]*Qualification, error)

	// AdmissionRules returns a programme's rules, or the default rules when none are set.
	AdmissionRules(ctx context.Context, programmeID int64) (AdmissionRules, error)
	SetAdmissionRules(ctx context.Context, r AdmissionRules) error

	// CreatePriorLearning stores an application with its documents.
	CreatePriorLearning(ctx context.Context, a *PriorLearningApplication) error
	AddPriorLearningDocument(ctx context.Context, d *PriorLearningDocument) error
	// DecidePriorLearning records a decision on all the application's documents, with what
	// the programme's rules suggest at that moment.
	DecidePriorLearning(ctx context.Context, d *PriorLearningDecision) error
	FindPriorLearning(ctx context.Context, id int64) (*PriorLearningApplication, error)
	FindPriorLearnings(ctx context.Context, f PriorLearningFilter) ([]*PriorLearningApplication, error)

	// ExamList returns one row per exam registration in the institution, by workplace,
	// person and level.
	ExamList(ctx context.Context, institutionID int64) ([]ExamListRow, error)
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
