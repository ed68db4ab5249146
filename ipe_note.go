package laeringsliv

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
	"unicode/utf8"
)

// IPENote is a note in the hat.
//
// Anonymity by construction: a note carries its session, its text and the phase it was written
// in, and nothing else. There is no writer column, no join table from notes to participants,
// persons or tokens, no time of writing (events about the hat carry only counts), and the id is
// random, so neither ids nor any order reveal who wrote what or when. Every list of notes the
// store returns is shuffled. Facilitators, administrators and researchers therefore see exactly
// what participants see; there is nothing more in the database to see.
//
// The count of distinct writers, which decides when the hat opens, is kept as a flag on each
// participant ("has written at least once"). The flag holds no note id and no time, and it is
// set at most once per participant, so it says that someone wrote, never what. A per-session
// table of salted writer hashes was rejected: whoever held the salt could recompute the hashes
// from tokens and, with write order, re-link them.
//
// Neither does any order: on SQLite the notes table has no rowid (it is stored in the order of
// its random ids), and events about the hat are not stored at all, since a stored series of
// counts would date every note; screens get the current count instead.
//
// What the schema cannot hide is physical storage: PostgreSQL's heap order and transaction ids
// (xmin) and both engines' write-ahead logs reflect the order of writes for a while. Someone
// with superuser access to the database server is outside the promise, and the operations guide
// must say so; every role the application knows is inside it.
type IPENote struct {
	ID        string
	SessionID int64
	Text      string
	Phase     IPEPhase // the phase it was written in, the coarsest useful time
	Redacted  bool     // the facilitator blacked out part of it
	Votes     int      // shown only once voting has closed
}

// NewNoteID returns a random note id: 80 bits, lower-case base32.
func NewNoteID() string {
	b := make([]byte, 10)
	_, _ = rand.Read(b)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// ValidNoteID reports whether s has the shape of a note id, so that outside input is checked
// before it reaches a query.
func ValidNoteID(s string) bool {
	if len(s) != 16 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '2' && r <= '7') {
			return false
		}
	}
	return true
}

// CleanNote trims a note and checks its length.
func CleanNote(text string) (string, error) {
	text = strings.TrimSpace(strings.ToValidUTF8(text, ""))
	switch {
	case text == "":
		return "", FieldError("text", "ipe.error.note_empty")
	case utf8.RuneCountInString(text) > IPEMaxNoteRunes:
		return "", FieldError("text", "ipe.error.note_too_long")
	}
	return text, nil
}

// IPEGroup is a small group of a session: three to five people who draw, reflect and vote.
type IPEGroup struct {
	ID        int64
	SessionID int64
	Name      string
	Position  int
	Members   int // participants placed in it (computed)
}

// IPEParticipant is someone who joined a session, signed in (PersonID set) or not. The token's
// hash identifies the participant to the API; see IPENote for why nothing links it to notes.
type IPEParticipant struct {
	ID        int64
	SessionID int64
	GroupID   int64
	PersonID  int64 // 0 for an anonymous participant
	TokenHash string
	Spent     int // dot votes spent
}

// IPEDraw is a note drawn by a group. It records the group and the turn, never who drew: the
// drawer's id next to a note id would tie a person to a note.
type IPEDraw struct {
	SessionID  int64
	GroupID    int64
	Turn       int
	NoteID     string
	Text       string
	Reflection string
	Votes      int
}

// IPEIdea is an idea in a workplace's idea list, kept from a session's prioritised note.
type IPEIdea struct {
	ID              int64
	InstitutionID   int64
	WorkplaceID     int64
	SourceSessionID int64
	Text            string
	CreatedBy       int64
}

// CleanReflection trims a group's reflection and checks its length; empty is allowed.
func CleanReflection(text string) (string, error) {
	text = strings.TrimSpace(strings.ToValidUTF8(text, ""))
	if utf8.RuneCountInString(text) > IPEMaxReflection {
		return "", FieldError("reflection", "ipe.error.reflection_too_long")
	}
	return text, nil
}
