package laeringsliv

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Handbook is a programme's co-written handbook: the model's way of spreading to new workplaces
// and educations. Researchers and named participants write its chapters in Markdown.
type Handbook struct {
	ID            int64
	InstitutionID int64
	ProgrammeID   int64
	Title         string
	Language      string // the language its chapters are first written in (nb when not set)
	FeedbackOpen  bool   // the draft is open for the programme's participants to mark
	Published     bool   // readable by anyone, without an account, at /handbooks/{id}
	CreatedAt     time.Time
}

// Validate checks the fields a user can set.
func (h *Handbook) Validate() error {
	switch {
	case h.ProgrammeID == 0:
		return FieldError("programme_id", "error.programme_required")
	case !validTitle(h.Title):
		return FieldError("title", "error.title_required")
	case h.Language != "" && !ValidHandbookLanguage(h.Language):
		return FieldError("language", "error.handbook_language")
	}
	return nil
}

// HandbookChapter is one chapter; Version counts its saves, so a save made against an older
// version is merged over the ones it missed rather than overwriting them.
type HandbookChapter struct {
	ID            int64
	InstitutionID int64
	HandbookID    int64
	Position      int
	Title         string
	Body          string // Markdown, with embeds of the platform's records (see ParseEmbeds)
	Version       int
	UpdatedAt     time.Time
}

// MaxChapterBody bounds a chapter's Markdown, in bytes.
const MaxChapterBody = 200_000

// Validate checks the fields a user can set.
func (c *HandbookChapter) Validate() error {
	switch {
	case c.HandbookID == 0:
		return FieldError("handbook_id", "error.handbook_required")
	case !validTitle(c.Title):
		return FieldError("title", "error.title_required")
	case len(c.Body) > MaxChapterBody || !utf8.ValidString(c.Body):
		return FieldError("body", "error.handbook_body_too_long")
	}
	return nil
}

// HandbookVersion is one saved version of a chapter, kept for comparison.
type HandbookVersion struct {
	ChapterID int64
	Version   int
	Title     string
	Body      string
	AuthorID  int64
	SavedAt   time.Time
}

func validTitle(s string) bool {
	return strings.TrimSpace(s) != "" && utf8.RuneCountInString(s) <= 300
}
