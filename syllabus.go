package laeringsliv

import (
	"math"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Language is the language a syllabus text is written in. Danish and English texts frightened
// participants most, so the library shows the language of every text.
type Language string

const (
	LanguageNorwegian Language = "no"
	LanguageDanish    Language = "da"
	LanguageEnglish   Language = "en"
	LanguageOther     Language = "other"
)

// languages lists the languages in the order forms show them.
var languages = []Language{LanguageNorwegian, LanguageDanish, LanguageEnglish, LanguageOther}

// Languages returns the languages in the order forms show them, as a copy that callers may change freely.
func Languages() []Language { return slices.Clone(languages) }

// Valid reports whether l is a known language.
func (l Language) Valid() bool {
	for _, v := range languages {
		if l == v {
			return true
		}
	}
	return false
}

// SyllabusText is one text of a programme's syllabus (pensum). The syllabus is measured in
// pages, so every text has a page count. It is read through a link, an uploaded PDF, or both.
type SyllabusText struct {
	ID            int64
	InstitutionID int64
	ProgrammeID   int64
	Title         string
	Authors       string
	Year          int
	Language      Language
	Pages         int
	URL           string // where to read it; optional
	Summary       string // the teacher's plain-language summary; optional
	FileKey       string // the uploaded PDF in the file store; empty when none
	FileName      string // the PDF's name as uploaded, for display and download only
	FileSize      int64
	CreatedAt     time.Time
}

// Validate checks the fields a user can set.
func (s *SyllabusText) Validate() error {
	switch {
	case s.ProgrammeID == 0:
		return FieldError("programme_id", "error.programme_required")
	case strings.TrimSpace(s.Title) == "" || utf8.RuneCountInString(s.Title) > 300:
		return FieldError("title", "error.title_required")
	case strings.TrimSpace(s.Authors) == "" || utf8.RuneCountInString(s.Authors) > 300:
		return FieldError("authors", "reading.error.authors_required")
	case s.Year < 1800 || s.Year > 2100:
		return FieldError("year", "error.year_invalid")
	case !s.Language.Valid():
		return FieldError("language", "reading.error.language_invalid")
	case s.Pages < 1 || s.Pages > 2000:
		return FieldError("pages", "reading.error.pages_invalid")
	case s.URL != "" && !validLink(s.URL):
		return FieldError("url", "reading.error.url_invalid")
	case utf8.RuneCountInString(s.Summary) > 4000:
		return FieldError("summary", "reading.error.summary_too_long")
	}
	return nil
}

// MaxSyllabusFileBytes bounds an uploaded syllabus PDF: a scanned book chapter fits.
const MaxSyllabusFileBytes = 50 << 20

// FileMegabytes is the PDF's size in megabytes to one decimal, shown before a download since
// many read on a phone's data plan.
func (s *SyllabusText) FileMegabytes() float64 {
	return math.Round(float64(s.FileSize)/1e5) / 10
}

// validLink accepts absolute http and https addresses only, so that a link can never run script.
func validLink(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && len(s) <= 2000
}

// TotalPages sums the pages of texts: the size of a syllabus.
func TotalPages(texts []*SyllabusText) int {
	n := 0
	for _, t := range texts {
		n += t.Pages
	}
	return n
}
