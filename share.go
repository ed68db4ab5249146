package laeringsliv

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"
)

// ShareKind names what a workplace shares with the institution's other workplaces.
type ShareKind string

const (
	ShareInnovation  ShareKind = "innovation"   // an innovation of the registry
	ShareChapter     ShareKind = "chapter"      // a chapter of the programme's handbook
	ShareIPEQuestion ShareKind = "ipe_question" // an IPE session's question and prioritised notes
)

// Valid reports whether k is a known kind.
func (k ShareKind) Valid() bool {
	return k == ShareInnovation || k == ShareChapter || k == ShareIPEQuestion
}

// Limits of what a share holds.
const (
	MaxShareBody    = 20_000
	MaxShareItems   = 50
	MaxShareItem    = 1_000
	MaxShareComment = 2_000
)

// Share is what one workplace shows the institution's other workplaces of one of its records.
// It is a copy taken when the leader shares, of exactly what the preview showed: later edits
// of the record do not leak through, and it names nobody — not who wrote a note, not who
// recorded an innovation, not who shared it.
type Share struct {
	ID            int64
	InstitutionID int64
	WorkplaceID   int64 // the workplace that shares
	Kind          ShareKind
	RefID         int64 // the innovation, chapter or IPE session shared
	Title         string
	Status        string   // an innovation's status; empty otherwise
	Body          string   // description or chapter text
	Items         []string // an IPE question's prioritised notes, most votes first
	SharedBy      int64    // kept for the record, never shown
	SharedAt      time.Time
	WithdrawnAt   time.Time // zero while shared
}

// Active reports whether the share is still offered.
func (s *Share) Active() bool { return s.WithdrawnAt.IsZero() }

// Digest is a fingerprint of what the share shows. The preview form carries it, so that what is
// stored is exactly what the leader saw: if the record changed in between, the digests differ.
func (s *Share) Digest() string {
	h := sha256.New()
	for _, part := range append([]string{string(s.Kind), s.Title, s.Status, s.Body}, s.Items...) {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Validate checks a share before it is stored.
func (s *Share) Validate() error {
	switch {
	case s.WorkplaceID == 0:
		return FieldError("workplace_id", "error.workplace_required")
	case !s.Kind.Valid():
		return FieldError("kind", "sharing.error.kind_invalid")
	case s.RefID <= 0:
		return FieldError("ref", "sharing.error.ref_invalid")
	case strings.TrimSpace(s.Title) == "" || utf8.RuneCountInString(s.Title) > 500:
		return FieldError("title", "error.title_required")
	case len(s.Body) > MaxShareBody || len(s.Items) > MaxShareItems:
		return FieldError("body", "sharing.error.too_long")
	}
	for _, it := range s.Items {
		if len(it) > MaxShareItem {
			return FieldError("body", "sharing.error.too_long")
		}
	}
	return nil
}

// ShareComment is a question or comment on a share, by someone of the institution's workplaces.
// Pages show the writer's workplace, never the writer.
type ShareComment struct {
	ID            int64
	InstitutionID int64
	ShareID       int64
	WorkplaceID   int64 // the workplace the comment was written from
	AuthorID      int64 // kept for the record, never shown
	Body          string
	CreatedAt     time.Time
}

// Validate checks a comment before it is stored.
func (c *ShareComment) Validate() error {
	c.Body = strings.TrimSpace(c.Body)
	switch {
	case c.ShareID == 0 || c.WorkplaceID == 0:
		return FieldError("body", "sharing.error.ref_invalid")
	case c.Body == "":
		return FieldError("body", "sharing.error.comment_required")
	case utf8.RuneCountInString(c.Body) > MaxShareComment:
		return FieldError("body", "sharing.error.comment_too_long")
	}
	return nil
}

// Adoption records that a workplace took up a shared innovation into its own registry.
type Adoption struct {
	ID                 int64
	InstitutionID      int64
	ShareID            int64
	OriginInnovationID int64
	OriginWorkplaceID  int64
	InnovationID       int64 // the adopter's new innovation
	WorkplaceID        int64 // the adopter
	AdoptedBy          int64 // kept for the record, never shown
	AdoptedAt          time.Time
}

// ShareFilter selects shares; zero fields do not filter.
type ShareFilter struct {
	InstitutionID int64
	WorkplaceID   int64 // shared by this workplace
	NotWorkplace  int64 // shared by any workplace but this one
	Kind          ShareKind
	RefID         int64
	ActiveOnly    bool
}

// AdoptionFilter selects adoptions; zero fields do not filter.
type AdoptionFilter struct {
	OriginInnovationID int64
	InnovationID       int64
	ShareID            int64
}

// ShareService stores shares, their comments and adoptions.
type ShareService interface {
	// CreateShare stores s; a record already shared (and not withdrawn) is ECONFLICT.
	CreateShare(ctx context.Context, s *Share) error
	FindShare(ctx context.Context, id int64) (*Share, error)
	FindShares(ctx context.Context, f ShareFilter) ([]*Share, error)
	// WithdrawShare stops offering a share; its comments and adoptions stay.
	WithdrawShare(ctx context.Context, id int64) error
	AddShareComment(ctx context.Context, c *ShareComment) error
	FindShareComments(ctx context.Context, shareID int64) ([]*ShareComment, error)
	// AdoptInnovation stores i (an innovation of the adopter's workplace) and its adoption of
	// share s, in one transaction.
	AdoptInnovation(ctx context.Context, s *Share, i *Innovation, by int64) (*Adoption, error)
	FindAdoptions(ctx context.Context, f AdoptionFilter) ([]*Adoption, error)
}
