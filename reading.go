package laeringsliv

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"laeringsliv/textmerge"
)

// Phase is the step a facilitated group session is in. The facilitator moves it forward; what
// each person sees follows from it, and the server enforces that (see RevealsAnswers). The
// reading workshop and the IPE session share this shape: prepare, work alone, share in the
// group, agree in the group, show the plenum, close.
type Phase string

const (
	PhasePrepare    Phase = "prepare"    // groups and texts known; participants read ahead
	PhaseIndividual Phase = "individual" // each writes their own answers
	PhaseShare      Phase = "share"      // the group's answers are revealed to the group at once
	PhaseAgree      Phase = "agree"      // the group writes its shared presentation
	PhasePlenum     Phase = "plenum"     // the projector shows every group in turn
	PhaseClosed     Phase = "closed"     // kept as evidence; nothing changes any more
)

// phases lists the phases in order.
var phases = []Phase{PhasePrepare, PhaseIndividual, PhaseShare, PhaseAgree, PhasePlenum, PhaseClosed}

// Phases returns the phases in order, as a copy that callers may change freely.
func Phases() []Phase { return slices.Clone(phases) }

func (p Phase) index() int {
	for i, v := range phases {
		if p == v {
			return i
		}
	}
	return -1
}

// Valid reports whether p is a known phase.
func (p Phase) Valid() bool { return p.index() >= 0 }

// Next returns the phase after p, or p itself when closed.
func (p Phase) Next() Phase {
	if i := p.index(); i >= 0 && i < len(phases)-1 {
		return phases[i+1]
	}
	return p
}

// AtLeast reports whether p has reached q.
func (p Phase) AtLeast(q Phase) bool { return p.index() >= q.index() }

// AnswersOpen reports whether participants may still write their own answers: ahead of the
// gathering and in the individual step. Once shared, an answer stays as the group saw it.
func (p Phase) AnswersOpen() bool { return p == PhasePrepare || p == PhaseIndividual }

// RevealsAnswers reports whether group members see each other's answers: only from the share
// step, so that nobody is anchored by the first to write.
func (p Phase) RevealsAnswers() bool { return p.AtLeast(PhaseShare) }

// PresentationOpen reports whether the group may edit its shared text.
func (p Phase) PresentationOpen() bool { return p == PhaseAgree || p == PhasePlenum }

// GroupingMode says how the groups of a workshop were formed.
type GroupingMode string

const (
	GroupingRandom     GroupingMode = "random"
	GroupingShiftTeams GroupingMode = "shift_teams"
	GroupingByHand     GroupingMode = "by_hand"
	// GroupingSharedShifts forms groups whose members are on shift together most, by the rota;
	// the organiser sees a proposal with each group's shared hours and may move people before
	// anything is saved.
	GroupingSharedShifts GroupingMode = "shared_shifts"
)

// groupingModes lists the modes in the order forms show them.
var groupingModes = []GroupingMode{GroupingShiftTeams, GroupingSharedShifts, GroupingRandom, GroupingByHand}

// GroupingModes returns the modes in the order forms show them, as a copy that callers may change freely.
func GroupingModes() []GroupingMode { return slices.Clone(groupingModes) }

// Valid reports whether m is a known mode.
func (m GroupingMode) Valid() bool {
	return m == GroupingRandom || m == GroupingShiftTeams || m == GroupingByHand || m == GroupingSharedShifts
}

// Workshop is a reading workshop (leseverksted) of one workplace, usually at a gathering.
type Workshop struct {
	ID            int64
	InstitutionID int64
	ProgrammeID   int64
	WorkplaceID   int64
	GatheringID   int64 // the gathering it is held at; 0 when held outside one
	Title         string
	Grouping      GroupingMode
	Phase         Phase
	CreatedAt     time.Time
	PhaseAt       time.Time // when the phase last changed
	EventSeq      int64     // the newest event's sequence; a page rendered now streams from it
}

// Events of a workshop's log, which screens follow live (see LoggedEvent). Unlike IPE's, they
// may concern named people, but they carry no answer text: answers are shown by the pages,
// which ask the policy. Each kind has its payload type below; the OpenAPI document lists them
// under components/schemas, and reading.js reads those fields only.
const (
	ReadingEventPhase = "phase" // ReadingPhaseEvent
	// ReadingEventAnswer says that a member's answers changed after the share step revealed
	// them (a final save within AnswerGrace): ReadingAnswerEvent.
	ReadingEventAnswer = "answer"
	// ReadingEventEdit is an applied edit of a group's shared text, as rebased on the server
	// (ReadingEditEvent); applying the edits of a group in version order gives its text.
	ReadingEventEdit = "edit"
)

// Payloads of a workshop's events, in the JSON that screens read.
type (
	// ReadingPhaseEvent: the workshop moved to Phase.
	ReadingPhaseEvent struct {
		Phase Phase `json:"phase"`
	}
	// ReadingAnswerEvent: a member of Group changed their answers after they were revealed.
	ReadingAnswerEvent struct {
		Group int64 `json:"group"`
	}
	// ReadingEditEvent: the shared text of Group became Version by replacing the characters
	// from Start to End (counted in Unicode code points, as textmerge does) with Text.
	ReadingEditEvent struct {
		Group   int64  `json:"group"`
		Version int    `json:"version"`
		Start   int    `json:"start"`
		End     int    `json:"end"`
		Text    string `json:"text"`
	}
)

// AnswerGrace is how long after the facilitator leaves the individual step a participant's
// final save is still accepted, if it says it was written in an open phase: the text typed in
// the last second before "share" would otherwise be refused while on its way. The share step
// updates the group's screens when such a save lands.
const AnswerGrace = 15 * time.Second

// Validate checks the fields a user can set.
func (w *Workshop) Validate() error {
	switch {
	case w.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case strings.TrimSpace(w.Title) == "" || utf8.RuneCountInString(w.Title) > 200:
		return FieldError("title", "error.title_required")
	case !w.Grouping.Valid():
		return FieldError("grouping", "reading.error.grouping_invalid")
	case !w.Phase.Valid():
		return FieldError("phase", "reading.error.phase_invalid")
	}
	return nil
}

// ReadingGroup is one group of a workshop, with its text and its shared presentation.
type ReadingGroup struct {
	ID            int64
	InstitutionID int64
	WorkshopID    int64
	Number        int     // 1, 2, ... within the workshop
	TextID        int64   // 0 until a text is given
	MemberIDs     []int64 // person ids, in the order placed
	Presentation  string  // the text the group agreed to present
	Version       int     // number of edits applied to Presentation
	// The optional photo of the presentation (the flipchart), in the file store, with the
	// type sniffed at upload and the alt text the group wrote. Empty key: no photo.
	PhotoKey, PhotoType, PhotoAlt string
}

// MaxPhotoBytes bounds a photo of a presentation: a phone's camera picture fits.
const MaxPhotoBytes = 20 << 20

// ValidatePhotoAlt checks the alt text a group writes for its photo: required, since the
// plenum and the summary must say what the photo shows to those who cannot see it.
func ValidatePhotoAlt(alt string) error {
	if strings.TrimSpace(alt) == "" || utf8.RuneCountInString(alt) > 500 {
		return FieldError("alt", "reading.error.photo_alt_required")
	}
	return nil
}

// Has reports whether the person is in the group.
func (g *ReadingGroup) Has(personID int64) bool {
	for _, id := range g.MemberIDs {
		if id == personID {
			return true
		}
	}
	return false
}

// Answer is one participant's own answers to the two reading questions. It belongs to the
// participant; teachers see it for the work requirements.
type Answer struct {
	InstitutionID int64
	WorkshopID    int64
	PersonID      int64
	Interesting   string // what is interesting, exciting or instructive in the text
	Connects      string // what connects to, explains or helps understand our practice
	UpdatedAt     time.Time
	// WrittenIn is the phase the writer's page was in when the text was typed; a save made
	// in an open phase is accepted for AnswerGrace after the phase moved on. Not stored.
	WrittenIn Phase
}

// AcceptsAnswer reports whether w takes an answer written in phase written at time now: while
// answers are open, and for AnswerGrace into the share step for text written before it.
func (w *Workshop) AcceptsAnswer(written Phase, now time.Time) bool {
	if w.Phase.AnswersOpen() {
		return true
	}
	return w.Phase == PhaseShare && written.AnswersOpen() && now.Sub(w.PhaseAt) <= AnswerGrace
}

// MaxAnswerRunes bounds each answer and the shared presentation.
const MaxAnswerRunes = 10000

// Validate checks the lengths of the answers.
func (a *Answer) Validate() error {
	if utf8.RuneCountInString(a.Interesting) > MaxAnswerRunes {
		return FieldError("interesting", "reading.error.answer_too_long")
	} else if utf8.RuneCountInString(a.Connects) > MaxAnswerRunes {
		return FieldError("connects", "reading.error.answer_too_long")
	}
	return nil
}

// WorkshopFilter selects workshops; zero fields do not filter.
type WorkshopFilter struct {
	WorkplaceID int64
	GatheringID int64
}

// ReadingService stores syllabus texts and reading workshops: the small services below, which
// a handler or a test double may take one at a time.
type ReadingService interface {
	Syllabus
	Workshops
	ReadingGroups
	ReadingLive
}

// Syllabus stores a programme's syllabus texts.
type Syllabus interface {
	CreateSyllabusText(ctx context.Context, s *SyllabusText) error
	FindSyllabusText(ctx context.Context, id int64) (*SyllabusText, error)
	FindSyllabusTexts(ctx context.Context, programmeID int64) ([]*SyllabusText, error)
	UpdateSyllabusText(ctx context.Context, s *SyllabusText) error
}

// Workshops creates reading workshops and moves them through their phases.
type Workshops interface {
	// CreateWorkshop stores w with its groups in one transaction. Members must belong to the
	// workplace and texts to its programme.
	CreateWorkshop(ctx context.Context, w *Workshop, groups []*ReadingGroup) error
	FindWorkshop(ctx context.Context, id int64) (*Workshop, error)
	FindWorkshops(ctx context.Context, f WorkshopFilter) ([]*Workshop, error)
	// SetWorkshopPhase moves the workshop to phase.
	SetWorkshopPhase(ctx context.Context, id int64, phase Phase) error
	// PlaceOnAgenda links the workshop from the point at position (from 0) of its gathering's
	// agenda, so that the gathering's page leads to it.
	PlaceOnAgenda(ctx context.Context, workshopID int64, position int) error
}

// ReadingGroups arranges a workshop's groups of four: members, texts, presentation photos.
type ReadingGroups interface {
	// FindReadingGroups returns the workshop's groups in order, with members.
	FindReadingGroups(ctx context.Context, workshopID int64) ([]*ReadingGroup, error)
	// SetGroupPhoto attaches a photo of the group's presentation (a stored file's key, its
	// sniffed type and the group's alt text), replacing any earlier one, whose key it returns
	// so that the caller can delete the file. Only until the workshop closes (else ECONFLICT
	// reading.error.presentation_closed).
	SetGroupPhoto(ctx context.Context, groupID int64, key, contentType, alt string) (old string, err error)
	// SetGroupText gives a group another text of the programme.
	SetGroupText(ctx context.Context, groupID, textID int64) error
	// MoveMember places a person of the workshop in another of its groups (grouping by hand).
	MoveMember(ctx context.Context, workshopID, personID, groupID int64) error
}

// ReadingLive is the live part of a workshop: answers, the shared text and its events.
type ReadingLive interface {
	// SaveAnswer stores a participant's answers, replacing earlier ones; only while the
	// workshop accepts them (Workshop.AcceptsAnswer; else ECONFLICT reading.error.answers_closed).
	SaveAnswer(ctx context.Context, a *Answer) error
	// FindAnswers returns every answer of a workshop.
	FindAnswers(ctx context.Context, workshopID int64) ([]*Answer, error)
	// EditPresentation rebases an edit of a group's shared text over the edits made since its
	// base version, applies it and returns the new text and version. Only while the phase has
	// the presentation open (else ECONFLICT reading.error.presentation_closed).
	EditPresentation(ctx context.Context, groupID, personID int64, e textmerge.Edit) (*ReadingGroup, error)
	// FindWorkshopEvents returns the workshop's logged events after seq, oldest first, at
	// most limit.
	FindWorkshopEvents(ctx context.Context, workshopID, after int64, limit int) ([]*LoggedEvent, error)
}
