package laeringsliv

import (
	"strings"
	"unicode/utf8"
)

// MarkKind is what a reader says about a passage of a draft.
type MarkKind string

const (
	MarkUseful  MarkKind = "useful"
	MarkRemove  MarkKind = "remove"
	MarkUnclear MarkKind = "unclear"
	MarkMissing MarkKind = "missing"
)

// MarkKinds lists the kinds in the order readers see them.
var MarkKinds = []MarkKind{MarkUseful, MarkRemove, MarkUnclear, MarkMissing}

// HandbookMark is one reader's mark on a passage of a draft chapter. An anonymous mark has no
// PersonID and, like every mark, no time; its ID is random.
type HandbookMark struct {
	ID        string
	ChapterID int64
	Kind      MarkKind
	Passage   string // the marked text, quoted from the chapter
	Comment   string // optional
	PersonID  int64  // 0 when the reader chose to be anonymous
	Resolved  bool
}

// Validate checks the fields a reader can set.
func (m *HandbookMark) Validate() error {
	switch {
	case m.ChapterID == 0:
		return FieldError("chapter_id", "error.not_found")
	case !m.Kind.Valid():
		return FieldError("kind", "error.handbook_mark_kind")
	case strings.TrimSpace(m.Passage) == "" || utf8.RuneCountInString(m.Passage) > 2000:
		return FieldError("passage", "error.handbook_passage_required")
	case utf8.RuneCountInString(m.Comment) > 2000:
		return FieldError("comment", "error.handbook_comment_too_long")
	}
	return nil
}

// Valid reports whether k is a known kind.
func (k MarkKind) Valid() bool {
	for _, v := range MarkKinds {
		if k == v {
			return true
		}
	}
	return false
}

// MarkSummary counts a chapter's marks per kind, and those still open.
type MarkSummary struct {
	ChapterID int64
	Counts    map[MarkKind]int
	Open      int
}
