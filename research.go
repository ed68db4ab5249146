package laeringsliv

import (
	"context"
	"time"
)

// ResearchData is what the research team may export from one programme, before it is
// pseudonymised (see package report). It holds people by id only; the names in People are
// there so that the export can find and replace them in free text.
type ResearchData struct {
	People     []*Person        // everyone of the institution: any of them may be named in a text
	Consented  map[int64]bool   // who consented to take part in the programme's research
	Workplaces map[int64]string // workplace names by id
	// SessionWorkplace names the workplace of each IPE session by session id.
	SessionWorkplace map[int64]string
	// ReflectionLogs are delivered (not draft) versions of the AK1 requirement.
	ReflectionLogs []*Submission
	// Notes are the notes of idea-capture sessions; FinalEvaluations the notes of evaluation
	// sessions. Both are anonymous and never joined to people.
	Notes            []*IPENote
	FinalEvaluations []*IPENote
	Draws            []*IPEDraw // drawn notes with the groups' reflections
	Innovations      []*Innovation
	ReadingAnswers   []*Answer
	// WorkshopWorkplace names the workplace of each reading workshop by workshop id.
	WorkshopWorkplace map[int64]string
}

// ResearchConsent records that a person agreed, on a day, to the use of what they write in a
// programme for its research. Consent is per programme and can be withdrawn; what is exported
// after a withdrawal leaves the person out.
type ResearchConsent struct {
	ProgrammeID int64
	PersonID    int64
	ConsentedAt time.Time
}

// ResearchService loads research data and keeps consents and the export key.
type ResearchService interface {
	// ResearchData loads the datasets of a programme.
	ResearchData(ctx context.Context, programmeID int64) (*ResearchData, error)
	// FindResearchConsent returns a person's consent to a programme's research, or ENOTFOUND
	// when they have not given it (or have withdrawn it).
	FindResearchConsent(ctx context.Context, programmeID, personID int64) (*ResearchConsent, error)
	// SetResearchConsent gives (true) or withdraws (false) a person's consent.
	SetResearchConsent(ctx context.Context, programmeID, personID int64, consent bool) error
	// ResearchKey returns the programme's secret pseudonym key, creating it on first use, so
	// that the same person keeps the same pseudonym across exports of the programme.
	ResearchKey(ctx context.Context, programmeID int64) ([]byte, error)
}
