package laeringsliv

import (
	"crypto/rand"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// IPE ("idéfangst – prioritering – evaluering", the note in a hat): people write short notes
// into a hat, small groups draw and reflect on them, spend dot votes, and the plenum sees each
// group's priorities. The promise is that nobody can learn who wrote a note, and it is kept by
// construction: see the comment on IPENote.

// IPEKind is what a session is for.
type IPEKind string

const (
	IPEKindCapture           IPEKind = "capture"            // idea capture
	IPEKindEvaluateGathering IPEKind = "evaluate_gathering" // evaluation of a gathering
	IPEKindEvaluateIdea      IPEKind = "evaluate_idea"      // evaluation of an idea or innovation
)

// iPEKinds lists the kinds in the order forms show them.
var iPEKinds = []IPEKind{IPEKindCapture, IPEKindEvaluateGathering, IPEKindEvaluateIdea}

// IPEKinds returns the kinds in the order forms show them, as a copy that callers may change freely.
func IPEKinds() []IPEKind { return slices.Clone(iPEKinds) }

// Valid reports whether k is a known kind.
func (k IPEKind) Valid() bool {
	return k == IPEKindCapture || k == IPEKindEvaluateGathering || k == IPEKindEvaluateIdea
}

// IPEPhase is where a session is in its flow. The facilitator moves it forward one step at a time.
type IPEPhase string

const (
	IPEPhaseDraft   IPEPhase = "draft"
	IPEPhaseCapture IPEPhase = "capture"
	IPEPhaseDraw    IPEPhase = "draw"
	IPEPhaseVote    IPEPhase = "vote"
	IPEPhasePlenum  IPEPhase = "plenum"
	IPEPhaseClosed  IPEPhase = "closed"
)

// iPEPhases lists the phases in order.
var iPEPhases = []IPEPhase{IPEPhaseDraft, IPEPhaseCapture, IPEPhaseDraw, IPEPhaseVote, IPEPhasePlenum, IPEPhaseClosed}

// IPEPhases returns the phases in order, as a copy that callers may change freely.
func IPEPhases() []IPEPhase { return slices.Clone(iPEPhases) }

// Next returns the phase after p, or "" after closed.
func (p IPEPhase) Next() IPEPhase {
	for i, v := range iPEPhases {
		if v == p && i+1 < len(iPEPhases) {
			return iPEPhases[i+1]
		}
	}
	return ""
}

// Valid reports whether p is a known phase.
func (p IPEPhase) Valid() bool { return p.Next() != "" || p == IPEPhaseClosed }

// IPEGrouping is how a session's groups are formed.
type IPEGrouping string

const (
	IPEGroupingHand      IPEGrouping = "hand"       // the facilitator names groups; people pick one
	IPEGroupingRandom    IPEGrouping = "random"     // workplace members placed at random
	IPEGroupingShiftTeam IPEGrouping = "shift_team" // shift teams kept together
	// IPEGroupingSharedShifts: people on shift together most, by the rota; the facilitator
	// sees the proposal with each group's shared hours and may move people before saving.
	IPEGroupingSharedShifts IPEGrouping = "shared_shifts"
)

// Valid reports whether g is a known way of grouping.
func (g IPEGrouping) Valid() bool {
	return g == IPEGroupingHand || g == IPEGroupingRandom || g == IPEGroupingShiftTeam || g == IPEGroupingSharedShifts
}

// Limits of a session's settings and notes.
const (
	IPEMinK            = 3   // the hat never opens with fewer distinct writers
	IPEDefaultBudget   = 3   // dot votes per person
	IPEMaxBudget       = 20  //
	IPEMaxNoteRunes    = 500 // a note is short: a sentence or two
	IPEMaxQuestion     = 500
	IPEMaxReflection   = 1000
	IPEMaxPhaseMinutes = 240
)

// IPESession is one run of the method in a workplace.
type IPESession struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64
	GatheringID   int64 // optional; the gathering it was held at
	Kind          IPEKind
	// EvaluatesSessionID or EvaluatesIdeaID: what an evaluation session evaluates.
	EvaluatesSessionID int64
	EvaluatesIdeaID    int64
	Question           string
	Grouping           IPEGrouping
	Phase              IPEPhase
	K                  int // distinct writers before the hat opens
	VoteBudget         int
	PhaseMinutes       int // optional timer for each phase; 0 for none
	PhaseStartedAt     time.Time
	JoinCode           string
	JoinMode           IPEJoinMode
	EventSeq           int64 // the sequence of its latest event, for pages that follow it live
	CreatedBy          int64
	CreatedAt          time.Time
}

// Validate checks the fields a user sets and fills in defaults.
func (s *IPESession) Validate() error {
	s.Question = strings.TrimSpace(s.Question)
	if s.K == 0 {
		s.K = IPEMinK
	}
	if s.VoteBudget == 0 {
		s.VoteBudget = IPEDefaultBudget
	}
	if s.JoinMode == "" {
		s.JoinMode = IPEJoinOpen
	}
	if !s.JoinMode.Valid() {
		return FieldError("join_mode", "ipe.error.join_mode_invalid")
	}
	if s.Grouping == "" {
		s.Grouping = IPEGroupingRandom
	}
	switch {
	case s.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case !s.Kind.Valid():
		return FieldError("kind", "ipe.error.kind_invalid")
	case s.Kind == IPEKindEvaluateIdea && s.EvaluatesIdeaID == 0 && s.EvaluatesSessionID == 0:
		return FieldError("evaluates", "ipe.error.evaluates_required")
	case s.Question == "":
		return FieldError("question", "ipe.error.question_required")
	case utf8.RuneCountInString(s.Question) > IPEMaxQuestion:
		return FieldError("question", "ipe.error.question_too_long")
	case !s.Grouping.Valid():
		return FieldError("grouping", "ipe.error.grouping_invalid")
	case s.K < IPEMinK || s.K > 1000:
		return FieldError("k", "ipe.error.k_invalid")
	case s.VoteBudget < 1 || s.VoteBudget > IPEMaxBudget:
		return FieldError("vote_budget", "ipe.error.budget_invalid")
	case s.PhaseMinutes < 0 || s.PhaseMinutes > IPEMaxPhaseMinutes:
		return FieldError("phase_minutes", "ipe.error.minutes_invalid")
	}
	return nil
}

// PhaseDeadline returns when the current phase's timer runs out, or the zero time without one.
func (s *IPESession) PhaseDeadline() time.Time {
	if s.PhaseMinutes == 0 || s.PhaseStartedAt.IsZero() || !s.Open() {
		return time.Time{}
	}
	return s.PhaseStartedAt.Add(time.Duration(s.PhaseMinutes) * time.Minute)
}

// Open reports whether the session takes part in its flow (not a draft, not closed).
func (s *IPESession) Open() bool { return s.Phase != IPEPhaseDraft && s.Phase != IPEPhaseClosed }

// joinAlphabet leaves out the look-alikes 0/O and 1/I/L, so that a code read off a projector at
// the back of a staff room is typed right on a phone.
const joinAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// JoinCodeLength is the length of a join code: 31^6 ≈ 900 million codes.
const JoinCodeLength = 6

// NewJoinCode returns a random join code.
func NewJoinCode() string {
	code := make([]byte, 0, JoinCodeLength)
	var b [1]byte
	for len(code) < JoinCodeLength {
		_, _ = rand.Read(b[:])
		// Reject the top of the byte range so that every letter is equally likely.
		if int(b[0]) < 256-256%len(joinAlphabet) {
			code = append(code, joinAlphabet[int(b[0])%len(joinAlphabet)])
		}
	}
	return string(code)
}

// NormalizeJoinCode upper-cases a typed code and drops spaces and dashes; it returns "" unless
// the result is a well-formed code.
func NormalizeJoinCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r == ' ' || r == '-' || r == '\t' {
			continue
		}
		if !strings.ContainsRune(joinAlphabet, r) || b.Len() >= JoinCodeLength {
			return ""
		}
		b.WriteRune(r)
	}
	if b.Len() != JoinCodeLength {
		return ""
	}
	return b.String()
}
