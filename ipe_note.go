package laeringsliv

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"
)

// IPENote is a note in the hat.
//
// Anonymity by construction, against someone who reads the database file, its write-ahead log
// or a dump with system columns (docs/anonymity.md has the threat model):
//
//   - A note carries its session, its text and the phase it was written in, and nothing else:
//     no writer, no time, a random id. No table joins notes to participants, persons, tokens or
//     login sessions, and the participant API never touches a login session.
//   - While the hat is open for writing, notes wait in a holding pool; when writing ends they
//     move to the notes table in random order in one transaction, the pool rows are erased
//     (SQLite secure_delete; a VACUUM on PostgreSQL) and the SQLite log is truncated, so neither
//     the physical order of rows nor the log says who wrote first.
//   - The count of distinct writers, which decides when the hat opens, is a set of keyed hashes
//     (WriterMark) of the writers' tokens, written in a transaction of its own. The server keeps
//     only another hash of each token, so a mark cannot be matched to a participant row.
//   - Stored events name a drawn note by id; its current text is read when the event is served,
//     so a redaction reaches every copy.
type IPENote struct {
	ID        string
	SessionID int64
	Text      string
	Phase     IPEPhase // the phase it was written in, the coarsest useful time
	Redacted  bool     // the facilitator blacked out part of it
	Votes     int      // shown only once voting has closed
}

// WriterMark is what the hat keeps of a writer: a keyed hash of the participant's token under
// the session's writer key. The same writer always gives the same mark, so writers are counted
// once; without the token, which the server never stores, no mark can be tied to a participant.
func WriterMark(writerKey, token string) string {
	m := hmac.New(sha256.New, []byte(writerKey))
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}

// NewNoteID returns a random note id: 80 bits, lower-case base32.
func NewNoteID() string {
	b := make([]byte, 10)
	_, _ = rand.Read(b)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// NoteKeyID returns the id of the note that a phone sends under key: a random key the phone
// makes for each note, so that sending the note again (after a lost answer on a weak
// network) finds the note already stored instead of storing it twice. The key is random and
// sent with nothing else about the phone; the server keeps only this id, which every note has
// anyway, and the phone forgets the key once the note is acknowledged.
func NoteKeyID(sessionID int64, key string) string {
	sum := sha256.Sum256([]byte("laeringsliv-note-key\x00" + strconv.FormatInt(sessionID, 10) + "\x00" + key))
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:10]))
}

// ValidNoteKey reports whether a phone's idempotency key has the expected shape: 16 to 64
// letters, digits, '-' or '_' (22 base64url characters carry 128 random bits).
func ValidNoteKey(key string) bool {
	if len(key) < 16 || len(key) > 64 {
		return false
	}
	for _, c := range key {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
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

// IPEParticipant is a device that joined a session. It names nobody, whether or not the
// person behind it is signed in: the token's hash identifies it to the API, and see IPENote for
// why nothing links it to notes.
type IPEParticipant struct {
	ID        int64
	SessionID int64
	GroupID   int64
	TokenHash string
	Spent     int // dot votes spent
	// Token is the raw token, known only while serving the request that presented it (to
	// compute the writer mark); it is never stored.
	Token string
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

// IPEIdea is an idea of the former idea list, kept from a session's prioritised note. Kept
// notes are innovations now (KeptIdea); the rows remain because evaluation sessions planned
// before the move point to them, and each is linked from the innovation it became.
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
