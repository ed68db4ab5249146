package web

import (
	"encoding/json"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"laeringsliv"
	"laeringsliv/textmerge"
)

// parseSyllabusForm fills s from a form and returns the field errors, if any.
func parseSyllabusForm(v url.Values, s *laeringsliv.SyllabusText) []FieldErr {
	var errs []FieldErr
	s.Title = text(v, "title", 300)
	s.Authors = text(v, "authors", 300)
	s.Language = laeringsliv.Language(text(v, "language", 10))
	s.URL = text(v, "url", 2000)
	s.Summary = text(v, "summary", 4000)
	year, ok := intField(v, "year")
	if !ok {
		errs = append(errs, FieldErr{"year", "error.year_invalid"})
	}
	pages, ok := intField(v, "pages")
	if !ok {
		errs = append(errs, FieldErr{"pages", "reading.error.pages_invalid"})
	}
	s.Year, s.Pages = year, pages
	if len(errs) == 0 {
		if err := s.Validate(); err != nil {
			errs = append(errs, FieldErr{fieldOfErr(err), laeringsliv.ErrorKey(err)})
		}
	}
	return errs
}

func fieldOfErr(err error) string {
	if e, ok := err.(*laeringsliv.Error); ok {
		return e.Field
	}
	return ""
}

// maxEditBytes bounds the JSON body of one edit of a shared text.
const maxEditBytes = 64 << 10

// parseEdit reads one edit of a shared text from a JSON body: {"base", "start", "end", "text"}.
// Anything else is EINVALID reading.error.edit_invalid; line ends are normalised to \n, as a
// textarea reports them, and control characters other than tab and newline are dropped.
func parseEdit(r io.Reader) (textmerge.Edit, error) {
	var e textmerge.Edit
	bad := laeringsliv.Errorf(laeringsliv.EINVALID, "reading.error.edit_invalid")
	dec := json.NewDecoder(io.LimitReader(r, maxEditBytes+1))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil || dec.More() {
		return e, bad
	}
	if e.Base < 0 || e.Start < 0 || e.End < e.Start || !utf8.ValidString(e.Text) ||
		utf8.RuneCountInString(e.Text) > laeringsliv.MaxAnswerRunes {
		return textmerge.Edit{}, bad
	}
	e.Text = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, strings.ReplaceAll(e.Text, "\r\n", "\n"))
	return e, nil
}
