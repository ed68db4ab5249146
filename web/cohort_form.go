package web

import (
	"net/url"
	"regexp"
	"strings"

	"laeringsliv"
)

// cohortForm is what a new cohort is made with: where from, its topic, when, which parts.
type cohortForm struct {
	Source   string // "programme:ID", "builtin:SLUG" or "file"
	Name     string
	Start    string // YYYY-MM-DD: the new first day, moved to keep weekdays; empty: use Shift
	Shift    int    // days every date moves
	Parts    laeringsliv.CohortParts
	Document string // the uploaded template, carried from the preview to the creation
}

// maxCohortShift bounds a shift: a century either way.
const maxCohortShift = 36500

var cohortSource = regexp.MustCompile(`^(programme:[1-9][0-9]{0,17}|builtin:[a-z0-9-]{1,60}|file)$`)

// cohortPartFields names each part's checkbox.
var cohortPartFields = []string{"gatherings", "requirements", "syllabus", "reading", "ipe", "handbook", "handbook_text"}

// parseCohortForm reads the options of a new cohort; Document is read by the caller.
func parseCohortForm(v url.Values) (cohortForm, []FieldErr) {
	f := cohortForm{Source: strings.TrimSpace(v.Get("source")), Name: text(v, "name", 300), Start: text(v, "start", 10)}
	var errs []FieldErr
	if !cohortSource.MatchString(f.Source) {
		errs = append(errs, FieldErr{Field: "source", Key: "cohort.error.source_required"})
	}
	if f.Start != "" {
		if _, err := laeringsliv.ParseTemplateDay(f.Start, "start"); err != nil {
			errs = append(errs, FieldErr{Field: "start", Key: laeringsliv.ErrorKey(err)})
		}
	}
	if s := strings.TrimSpace(v.Get("shift")); s != "" {
		n, ok := intField(v, "shift")
		if !ok || n < -maxCohortShift || n > maxCohortShift {
			errs = append(errs, FieldErr{Field: "shift", Key: "cohort.error.shift_invalid"})
		}
		f.Shift = n
	}
	on := func(k string) bool { return v.Get("part_"+k) != "" }
	f.Parts = laeringsliv.CohortParts{Gatherings: on("gatherings"), Requirements: on("requirements"),
		Syllabus: on("syllabus"), Reading: on("reading"), IPE: on("ipe"), Handbook: on("handbook"),
		HandbookText: on("handbook_text")}
	return f, errs
}

// PartOn reports whether the part named by its checkbox is taken.
func (f cohortForm) PartOn(name string) bool {
	p := f.Parts
	return map[string]bool{"gatherings": p.Gatherings, "requirements": p.Requirements, "syllabus": p.Syllabus,
		"reading": p.Reading, "ipe": p.IPE, "handbook": p.Handbook, "handbook_text": p.HandbookText}[name]
}

// PartNames lists the parts' checkboxes in the order the form shows them.
func (cohortForm) PartNames() []string { return cohortPartFields }

// shiftFor resolves the days to move t's dates by: to the chosen start in whole weeks, or
// the given shift.
func (f cohortForm) shiftFor(t *laeringsliv.ProgrammeTemplate) (int, error) {
	if f.Start == "" {
		return f.Shift, nil
	}
	from, err := laeringsliv.ParseTemplateDay(t.StartsOn, "starts_on")
	if err != nil {
		return 0, err
	}
	to, err := laeringsliv.ParseTemplateDay(f.Start, "start")
	if err != nil {
		return 0, err
	}
	return laeringsliv.ShiftForStart(from, to), nil
}
