package laeringsliv

import "context"

// IPEEvent is one step of a session that screens follow live, in the event log it shares with
// the reading workshop. Its data never names a writer; events carry no time, so they cannot
// date a note either.
type IPEEvent = LoggedEvent

// Event kinds.
const (
	IPEEventPhase = "phase" // {"phase": "..."}
	// IPEEventHat is never stored (a stored series of counts would date each note); streams
	// send the current IPEHat, without an id, whenever it changes.
	IPEEventHat        = "hat"
	IPEEventDraw       = "draw"       // stored {"group": id, "turn": t, "note": id}; served with "text"
	IPEEventReflection = "reflection" // {"group": id, "note": id, "text": "..."}
	IPEEventRedacted   = "redacted"   // stored {"note": id}; served with the note's "text"
)

// Payloads of the stored events, in the JSON that screens read (the OpenAPI document lists them
// under components/schemas). None names a writer or carries a time.
type (
	// IPEPhaseEvent: the session moved to Phase.
	IPEPhaseEvent struct {
		Phase IPEPhase `json:"phase"`
	}
	// IPEDrawEvent: a group drew a note at its turn. Text is not stored: it is the note's
	// current text, filled in when the event is served, so a redaction reaches it.
	IPEDrawEvent struct {
		Group int64  `json:"group"`
		Turn  int    `json:"turn"`
		Note  string `json:"note"`
		Text  string `json:"text,omitempty"`
	}
	// IPEReflectionEvent: a group saved its reflection on a note it drew.
	IPEReflectionEvent struct {
		Group int64  `json:"group"`
		Note  string `json:"note"`
		Text  string `json:"text"`
	}
	// IPERedactedEvent: the facilitator redacted a drawn note; Text, filled in when served,
	// is its current text.
	IPERedactedEvent struct {
		Note string `json:"note"`
		Text string `json:"text,omitempty"`
	}
)

// IPEHat is what may be known about the hat: how many notes and distinct writers, and whether
// it is open (at least K writers).
type IPEHat struct {
	Notes        int  `json:"notes"`
	Writers      int  `json:"writers"`
	Open         bool `json:"open"`
	Participants int  `json:"participants"` // in groups; screens are not counted
}

// IPEObserver, as the group of JoinIPE, joins a screen that follows the session in no group.
const IPEObserver = -1

// IPEService stores IPE sessions: the small services below, which a handler or a test double
// may take one at a time. Methods that change a session append an event in the same
// transaction; the caller then tells the live hub the session's topic.
type IPEService interface {
	IPESessions
	IPEJoining
	IPENotes
	IPEDraws
	IPEVotes
	IPEEvents
	IPECredentials
}

// IPESessions creates sessions and moves them through their phases.
type IPESessions interface {
	// CreateIPESession stores s with a fresh join code and its groups; persons[i] lists the
	// persons placed in groups[i] in advance (may be nil).
	CreateIPESession(ctx context.Context, s *IPESession, groups []string, persons [][]int64) error
	FindIPESession(ctx context.Context, id int64) (*IPESession, error)
	// FindIPESessionByCode returns the session with a join code, or ENOTFOUND.
	FindIPESessionByCode(ctx context.Context, code string) (*IPESession, error)
	FindIPESessions(ctx context.Context, workplaceID int64) ([]*IPESession, error)
	// SetIPEPhase moves a session from phase from to the next phase; leaving capture needs
	// at least K writers (EINVALID ipe.error.hat_closed).
	SetIPEPhase(ctx context.Context, id int64, from IPEPhase) (*IPESession, error)
	FindIPEGroups(ctx context.Context, sessionID int64) ([]*IPEGroup, error)
}

// IPEJoining lets devices join a session. A participant names nobody: see IPEParticipant.
type IPEJoining interface {
	// JoinIPE adds an anonymous participant to groupID (0: the group with fewest members;
	// IPEObserver: a screen in no group) and returns it with its token.
	JoinIPE(ctx context.Context, sessionID, groupID int64) (*IPEParticipant, string, error)
	// ChooseIPEGroup moves p to a group it picked, in a session grouped by hand, before the
	// draw (EINVALID ipe.error.group_fixed otherwise).
	ChooseIPEGroup(ctx context.Context, p *IPEParticipant, groupID int64) error
	// FindIPEParticipantSession returns the participant with a token hash and its session,
	// read together (every request of a phone needs both), or ENOTFOUND.
	FindIPEParticipantSession(ctx context.Context, tokenHash string) (*IPEParticipant, *IPESession, error)
}

// IPENotes puts notes into the hat and lets the facilitator redact them.
type IPENotes interface {
	// AddIPENote puts a note into the hat and counts its writer (p.Token must be set) without
	// linking the two.
	AddIPENote(ctx context.Context, p *IPEParticipant, text string) (*IPENote, error)
	// AddIPENoteOnce is AddIPENote under the phone's idempotency key (ValidNoteKey): the same
	// key again, in this session, stores nothing more and answers as the first time did.
	AddIPENoteOnce(ctx context.Context, p *IPEParticipant, text, key string) (*IPENote, error)
	// AddIPEOralNote puts a note typed by the facilitator into the hat; it counts no writer.
	AddIPEOralNote(ctx context.Context, sessionID int64, text string) (*IPENote, error)
	FindIPEHat(ctx context.Context, sessionID int64) (IPEHat, error)
	// FindIPENotes returns the session's notes, shuffled.
	FindIPENotes(ctx context.Context, sessionID int64) ([]*IPENote, error)
	// RedactIPENote replaces a note's text everywhere it is stored.
	RedactIPENote(ctx context.Context, sessionID int64, noteID, text string) error
}

// IPEDraws runs the groups' turns: drawing, passing, reflecting.
type IPEDraws interface {
	// DrawIPENote draws an undrawn note at random for a group; ENOTFOUND when the hat is empty.
	DrawIPENote(ctx context.Context, sessionID, groupID int64) (*IPEDraw, error)
	// DrawIPETurn draws for p's group if it is p's turn (EINVALID ipe.error.not_your_turn).
	DrawIPETurn(ctx context.Context, p *IPEParticipant) (*IPEDraw, error)
	// PassIPETurn moves p's group on from seat, when its member is away; a turn that has
	// moved already is ECONFLICT ipe.error.turn_changed, so that two taps pass once.
	PassIPETurn(ctx context.Context, p *IPEParticipant, seat int) error
	// FindIPETurns returns each group's turn as p sees it (p nil: a screen), keyed by group.
	FindIPETurns(ctx context.Context, sessionID int64, p *IPEParticipant) (map[int64]IPETurn, error)
	ReflectIPE(ctx context.Context, sessionID, groupID int64, noteID, text string) error
}

// IPEVotes prioritises drawn notes and keeps the chosen ones as ideas in the innovation
// registry.
type IPEVotes interface {
	// VoteIPE spends one of the participant's dot votes on a note drawn by their group.
	VoteIPE(ctx context.Context, p *IPEParticipant, noteID string) error
	// FindIPEDraws returns every group's draws, ranked by votes within each group.
	FindIPEDraws(ctx context.Context, sessionID int64) ([]*IPEDraw, error)
	// KeepIPEIdea makes a note of the session an innovation of its workplace (KeptIdea), in
	// the workplace's shared project; EINVALID when the workplace has no project yet.
	KeepIPEIdea(ctx context.Context, sessionID int64, noteID string) (*Innovation, error)
}

// IPEEvents reads a session's stored events.
type IPEEvents interface {
	// FindIPEEvents returns the session's events after seq, oldest first, at most limit. An
	// event about a drawn note carries the note's current text, read as it is served.
	FindIPEEvents(ctx context.Context, sessionID, after int64, limit int) ([]*IPEEvent, error)
}
