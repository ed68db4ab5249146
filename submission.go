package laeringsliv

import (
	"strings"
	"time"
)

// SubmissionStatus is where a submission stands. Approved and not approved follow from the
// assessments (see Outcome); the store records the result when an assessment is made.
type SubmissionStatus string

const (
	StatusDraft       SubmissionStatus = "draft"
	StatusSubmitted   SubmissionStatus = "submitted"
	StatusApproved    SubmissionStatus = "approved"
	StatusNotApproved SubmissionStatus = "not_approved"
)

// Submission is one version of the answer to a work requirement, by one participant or, for a
// group requirement, by a group: any member may write and submit it, and every member sees it.
// A submission that is not approved may be resubmitted as a new version; old versions stay.
type Submission struct {
	ID            int64
	InstitutionID int64
	RequirementID int64
	WorkplaceID   int64
	Version       int
	AuthorID      int64   // who last wrote or submitted it
	MemberIDs     []int64 // the participant, or the group
	Text          string
	Status        SubmissionStatus
	Files         []SubmissionFile
	SubmittedAt   time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// MaxSubmissionText bounds the text written in the browser (about 100 pages).
const MaxSubmissionText = 400_000

// Validate checks the fields a participant can set.
func (s *Submission) Validate() error {
	switch {
	case s.RequirementID == 0:
		return FieldError("requirement_id", "requirement.error.required")
	case s.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case len(s.MemberIDs) == 0:
		return FieldError("members", "submission.error.members_required")
	case len(s.Text) > MaxSubmissionText:
		return FieldError("text", "submission.error.text_too_long")
	}
	return nil
}

// Has reports whether person is one of the submission's members.
func (s *Submission) Has(person int64) bool {
	for _, id := range s.MemberIDs {
		if id == person {
			return true
		}
	}
	return false
}

// Editable reports whether the submission is still a draft.
func (s *Submission) Editable() bool { return s.Status == StatusDraft }

// SubmissionFile is a file attached to a submission. Key names it in the file store and is
// chosen by the server; Name is the client's file name, kept for display only.
type SubmissionFile struct {
	ID           int64
	SubmissionID int64
	Key          string
	Name         string
	Kind         FileKind
	ContentType  string
	Size         int64
	CreatedAt    time.Time
}

// Verdict is a teacher's judgement of a submission.
type Verdict string

const (
	VerdictApproved    Verdict = "approved"
	VerdictNotApproved Verdict = "not_approved"
)

// Assessment is one teacher's verdict on a submission, with written feedback.
type Assessment struct {
	ID           int64
	SubmissionID int64
	AssessorID   int64
	Verdict      Verdict
	Feedback     string
	CreatedAt    time.Time
}

// Validate checks the fields a teacher can set.
func (a *Assessment) Validate() error {
	switch {
	case a.SubmissionID == 0:
		return FieldError("submission_id", "submission.error.required")
	case a.Verdict != VerdictApproved && a.Verdict != VerdictNotApproved:
		return FieldError("verdict", "assessment.error.verdict_invalid")
	case a.Verdict == VerdictNotApproved && strings.TrimSpace(a.Feedback) == "":
		// Someone who must redo their work is owed a reason.
		return FieldError("feedback", "assessment.error.feedback_required")
	case len(a.Feedback) > 20000:
		return FieldError("feedback", "assessment.error.feedback_too_long")
	}
	return nil
}

// Outcome decides a submitted submission's status from its assessments when `required`
// teachers must agree (joint assessment with two). Each teacher's latest verdict counts; the
// status changes only when that many teachers agree, so a disagreement leaves it submitted.
func Outcome(assessments []Assessment, required int) SubmissionStatus {
	latest := map[int64]Assessment{}
	for _, a := range assessments {
		if prev, ok := latest[a.AssessorID]; !ok || !a.CreatedAt.Before(prev.CreatedAt) {
			latest[a.AssessorID] = a
		}
	}
	var yes, no int
	for _, a := range latest {
		if a.Verdict == VerdictApproved {
			yes++
		} else {
			no++
		}
	}
	required = max(required, 1)
	switch {
	case yes >= required && no == 0:
		return StatusApproved
	case no >= required && yes == 0:
		return StatusNotApproved
	}
	return StatusSubmitted
}
