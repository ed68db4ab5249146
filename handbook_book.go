package laeringsliv

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// HandbookLanguages are the languages a handbook's chapters may be written in.
var HandbookLanguages = []string{"nb", "nn", "en"}

// ValidHandbookLanguage reports whether lang is one of HandbookLanguages.
func ValidHandbookLanguage(lang string) bool {
	for _, l := range HandbookLanguages {
		if l == lang {
			return true
		}
	}
	return false
}

// HandbookTranslation is a chapter written in another language than its handbook's. Version
// counts its saves: a save against an older version is refused, with the text kept in the form.
type HandbookTranslation struct {
	ChapterID int64
	Language  string
	Title     string
	Body      string
	Version   int
	UpdatedAt time.Time
}

// Validate checks the fields an author can set.
func (t *HandbookTranslation) Validate() error {
	switch {
	case !ValidHandbookLanguage(t.Language):
		return FieldError("lang", "error.handbook_language")
	case !validTitle(t.Title):
		return FieldError("title", "error.title_required")
	case len(t.Body) > MaxChapterBody || !utf8.ValidString(t.Body):
		return FieldError("body", "error.handbook_body_too_long")
	}
	_, err := ParseEmbeds(t.Body)
	return err
}

// HandbookImage is an image uploaded for a handbook's chapters, which refer to it in Markdown
// as ![alt text](image:ID). Its alt text is required: the handbook is read aloud too.
type HandbookImage struct {
	ID            int64
	InstitutionID int64
	HandbookID    int64
	FileKey       string
	ContentType   string
	Alt           string
	CreatedAt     time.Time
}

// MaxHandbookImageBytes bounds an uploaded image.
const MaxHandbookImageBytes = 10 << 20

// MaxImageAlt bounds an image's alt text, in characters.
const MaxImageAlt = 500

// ValidateImageAlt requires an alt text of at most MaxImageAlt characters.
func ValidateImageAlt(alt string) error {
	if strings.TrimSpace(alt) == "" {
		return FieldError("alt", "error.handbook_image_alt_required")
	}
	if utf8.RuneCountInString(alt) > MaxImageAlt {
		return FieldError("alt", "error.handbook_image_alt_too_long")
	}
	return nil
}

// ImageMarkdown is the Markdown that shows image id with its alt text; brackets and
// backslashes in the text are escaped so that it stays one image.
func ImageMarkdown(id int64, alt string) string {
	r := strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`, "\n", " ", "\r", " ")
	return "![" + r.Replace(strings.TrimSpace(alt)) + "](image:" + strconv.FormatInt(id, 10) + ")"
}

// Key names an embed's record, the same for every chapter that embeds it: "innovation 12",
// "ipe 3", "chart participation". A frozen embed's snapshot is kept under it.
func (e Embed) Key() string {
	if e.Kind == EmbedChart {
		return string(e.Kind) + " " + e.Chart
	}
	return string(e.Kind) + " " + strconv.FormatInt(e.ID, 10)
}

// HandbookSnapshot is a frozen embed's record as it was when the handbook was published: the
// JSON of what the embed shows.
type HandbookSnapshot struct {
	Embed string // Embed.Key
	Data  []byte
	Taken time.Time
}
