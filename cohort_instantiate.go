package laeringsliv

import (
	"errors"
	"fmt"
	"strings"
)

// Cohort makes a new programme of institutionID from t: every date moved by o.ShiftDays (and
// a gathering or deadline that lands on a weekend on to the Monday), only the parts o takes.
// Every part is checked as the pages that create it check it; an error's Field names where
// in the document the problem is.
func (t *ProgrammeTemplate) Cohort(institutionID int64, o CohortOptions) (*Cohort, error) {
	name := strings.TrimSpace(o.Name)
	if name == "" {
		name = t.Title
	}
	start, err := ParseTemplateDay(t.StartsOn, "starts_on")
	if err != nil {
		return nil, err
	}
	newStart := shiftTime(start, o.ShiftDays)
	if !yearInRange(newStart) {
		return nil, FieldError("shift", "cohort.error.date_range")
	}
	years := newStart.In(Norway()).Year() - start.Year() // the programme's years move with its start
	c := &Cohort{TeacherID: o.TeacherID, MakeTeacher: o.MakeTeacher && o.TeacherID != 0}
	c.Programme = Programme{InstitutionID: institutionID, Name: name, StartYear: t.StartYear + years,
		EndYear: t.EndYear + years, Level: t.Level, ECTS: t.ECTS}
	if err := c.Programme.Validate(); err != nil {
		return nil, at("", err)
	}
	if len(t.Workplaces) > maxTemplateWorkplaces || len(t.Requirements) > maxTemplateItems || len(t.Syllabus) > maxTemplateItems {
		return nil, FieldError("", "cohort.error.too_many")
	}
	for i := range t.Workplaces {
		w, err := t.Workplaces[i].cohort(fmt.Sprintf("workplaces[%d]", i), o, len(t.Syllabus))
		if err != nil {
			return nil, err
		}
		c.Workplaces = append(c.Workplaces, w)
	}
	if err := t.cohortStudy(c, o); err != nil {
		return nil, err
	}
	return c, t.cohortHandbook(c, o)
}

func (t *ProgrammeTemplate) cohortStudy(c *Cohort, o CohortOptions) error {
	codes := map[string]bool{}
	for i, tr := range t.Requirements {
		path := fmt.Sprintf("requirements[%d]", i)
		r, err := tr.requirement(path, o.ShiftDays)
		if err != nil {
			return err
		}
		if codes[r.Code] {
			return FieldError(path+".code", "requirement.error.code_taken")
		}
		codes[r.Code] = true
		r.Position = i + 1
		if o.Parts.Requirements {
			c.Requirements = append(c.Requirements, r)
		}
	}
	for i, tt := range t.Syllabus {
		s := &SyllabusText{ProgrammeID: unsaved, Title: tt.Title, Authors: tt.Authors, Year: tt.Year,
			Language: tt.Language, Pages: tt.Pages, URL: tt.URL, Summary: tt.Summary}
		if err := s.Validate(); err != nil {
			return at(fmt.Sprintf("syllabus[%d]", i), err)
		}
		s.ProgrammeID = 0
		if o.Parts.Syllabus {
			c.Syllabus = append(c.Syllabus, s)
		}
	}
	return nil
}

func (tr *TemplateRequirement) requirement(path string, shift int) (*WorkRequirement, error) {
	r := &WorkRequirement{ProgrammeID: unsaved, Code: tr.Code, Title: tr.Title, Description: tr.Description,
		Mode: tr.Mode, DueGathering: tr.DueGathering, FileKinds: tr.FileKinds, MaxBytes: tr.MaxBytes,
		Assessors: tr.Assessors}
	if tr.DueAt != "" {
		due, err := parseTemplateTime(tr.DueAt, path+".due_at")
		if err != nil {
			return nil, err
		}
		r.DueAt = shiftTime(due, shift+offWeekend(due, shift))
	}
	if err := r.Validate(); err != nil {
		return nil, at(path, err)
	}
	r.ProgrammeID = 0
	return r, nil
}

func (t *ProgrammeTemplate) cohortHandbook(c *Cohort, o CohortOptions) error {
	h := t.Handbook
	if h == nil {
		return nil
	}
	if len(h.Chapters) > maxTemplateItems {
		return FieldError("handbook.chapters", "cohort.error.too_many")
	}
	hb := &Handbook{ProgrammeID: unsaved, Title: h.Title}
	if err := hb.Validate(); err != nil {
		return at("handbook", err)
	}
	hb.ProgrammeID = 0
	var chapters []*HandbookChapter
	var translations [][]*HandbookTranslation
	for i, tc := range h.Chapters {
		body := outlineBody(tc.Outline)
		if o.Parts.HandbookText && tc.Body != "" {
			body = tc.Body
		}
		ch := &HandbookChapter{HandbookID: unsaved, Position: i + 1, Title: tc.Title, Body: body}
		if err := ch.Validate(); err != nil {
			return at(fmt.Sprintf("handbook.chapters[%d]", i), err)
		}
		if _, err := ParseEmbeds(ch.Body); err != nil {
			return at(fmt.Sprintf("handbook.chapters[%d]", i), err)
		}
		ch.HandbookID = 0
		chapters = append(chapters, ch)
		ts, err := cohortTranslations(tc, o.Parts.HandbookText)
		if err != nil {
			return at(fmt.Sprintf("handbook.chapters[%d]", i), err)
		}
		translations = append(translations, ts)
	}
	if o.Parts.Handbook {
		c.Handbook, c.Chapters, c.Translations = hb, chapters, translations
	}
	return nil
}

// cohortTranslations returns a template chapter's versions in other languages, as skeletons
// or with their text; a language may come once.
func cohortTranslations(tc TemplateChapter, withText bool) ([]*HandbookTranslation, error) {
	if len(tc.Translations) > len(HandbookLanguages) {
		return nil, FieldError("translations", "cohort.error.too_many")
	}
	var out []*HandbookTranslation
	seen := map[string]bool{}
	for j, tt := range tc.Translations {
		body := outlineBody(tt.Outline)
		if withText && tt.Body != "" {
			body = tt.Body
		}
		t := &HandbookTranslation{Language: tt.Language, Title: tt.Title, Body: body}
		if err := t.Validate(); err != nil {
			if e := (*Error)(nil); errors.As(err, &e) && e.Field == "lang" {
				err = FieldError("language", e.Key) // the template's name for it
			}
			return nil, at(fmt.Sprintf("translations[%d]", j), err)
		}
		if seen[t.Language] {
			return nil, FieldError(fmt.Sprintf("translations[%d].language", j), "cohort.error.language_twice")
		}
		seen[t.Language] = true
		out = append(out, t)
	}
	return out, nil
}

// outlineBody writes a chapter's outline as its headings, for the authors to fill in.
func outlineBody(outline []string) string {
	var b strings.Builder
	for _, h := range outline {
		if h = strings.TrimSpace(h); h != "" {
			fmt.Fprintf(&b, "## %s\n\n", h)
		}
	}
	return b.String()
}

// at places a validation error at path in the document.
func at(path string, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	field := e.Field
	if path != "" && field != "" {
		field = path + "." + field
	} else if path != "" {
		field = path
	}
	return &Error{Code: e.Code, Key: e.Key, Field: field, Err: e.Err}
}

// unsaved stands in for the id of a parent not stored yet, so that a part's Validate (which
// asks for its parent) checks the rest; the store sets the real id.
const unsaved int64 = -1
