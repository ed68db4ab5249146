package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
)

// CohortPreviewPage shows everything a new programme will get, on its new dates, before
// anything is saved; its form carries the same choices to the creation.
type CohortPreviewPage struct {
	Page
	Form         cohortForm
	Programme    laeringsliv.Programme
	Workplaces   []cohortWorkplaceView
	Requirements []cohortRequirementView
	Syllabus     []*laeringsliv.SyllabusText
	Handbook     *laeringsliv.Handbook
	Chapters     []cohortChapterView
}

type cohortWorkplaceView struct {
	Name       string
	Gatherings []cohortGatheringView
	Workshops  []*laeringsliv.CohortWorkshop
	Sessions   []*laeringsliv.CohortIPE
}

type cohortGatheringView struct {
	Title, Kind string
	Was, Now    string // weekday and date
	Days        int
}

type cohortRequirementView struct {
	Code, Title string
	Due         string // a date, or the gathering's kind translated
}

type cohortChapterView struct {
	Title   string
	Outline []string
	Also    string // the other languages it comes in, in words; empty for none
}

func (s *Server) cohortPreviewPage(w http.ResponseWriter, r *http.Request, f cohortForm, t *laeringsliv.ProgrammeTemplate, c *laeringsliv.Cohort) CohortPreviewPage {
	st := state(r)
	day := func(v time.Time) string {
		wd := int(v.In(laeringsliv.Norway()).Weekday())
		return st.tr.T("cohort.weekday."+strconv.Itoa(wd)) + " " + formatDate(v, st.lang)
	}
	p := CohortPreviewPage{Page: s.base(w, r, st.tr.T("cohort.preview.title")), Form: f, Programme: c.Programme,
		Syllabus: c.Syllabus, Handbook: c.Handbook}
	for _, cw := range c.Workplaces {
		v := cohortWorkplaceView{Name: cw.Workplace.Name, Workshops: cw.Workshops, Sessions: cw.Sessions}
		for _, g := range cw.Gatherings {
			v.Gatherings = append(v.Gatherings, cohortGatheringView{Title: g.Title, Kind: st.tr.T("gathering.kind." + string(g.Kind)),
				Was: day(g.Was), Now: day(g.Start()), Days: len(g.Days)})
		}
		p.Workplaces = append(p.Workplaces, v)
	}
	for _, req := range c.Requirements {
		due := day(req.DueAt)
		if req.DueAt.IsZero() {
			due = st.tr.T("gathering.kind." + string(req.DueGathering))
		}
		p.Requirements = append(p.Requirements, cohortRequirementView{Code: req.Code, Title: req.Title, Due: due})
	}
	for i, ch := range c.Chapters {
		v := cohortChapterView{Title: ch.Title, Outline: laeringsliv.Outline(ch.Body)}
		if i < len(c.Translations) && len(c.Translations[i]) > 0 {
			var langs []string
			for _, t := range c.Translations[i] {
				langs = append(langs, st.tr.T("handbook.lang."+t.Language))
			}
			v.Also = st.tr.T("cohort.preview.also_in", map[string]any{"Languages": strings.Join(langs, ", ")})
		}
		p.Chapters = append(p.Chapters, v)
	}
	return p
}

// importCohort reads an uploaded template file and previews the programme it makes. A file
// that cannot be used is named and explained, and nothing is saved.
func (s *Server) importCohort(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, laeringsliv.MaxTemplateBytes+maxFormBytes)
	if err := r.ParseMultipartForm(maxFormBytes); err != nil {
		f := cohortForm{Source: "file", Parts: laeringsliv.AllCohortParts()}
		var mbe *http.MaxBytesError
		if !errors.As(err, &mbe) {
			s.renderCohortNew(w, r, http.StatusUnprocessableEntity, f, []FieldErr{{Field: "file", Key: "cohort.error.file_required"}}, nil)
			return
		}
		s.cohortFailed(w, r, f, laeringsliv.FieldError("", "cohort.error.too_large"))
		return
	}
	defer func() { _ = r.MultipartForm.RemoveAll() }()
	r.MultipartForm.Value["source"] = []string{"file"}
	f, errs := parseCohortForm(r.MultipartForm.Value)
	if len(errs) > 0 {
		s.renderCohortNew(w, r, http.StatusUnprocessableEntity, f, errs, nil)
		return
	}
	file, _, err := r.FormFile("file")
	if err != nil {
		s.renderCohortNew(w, r, http.StatusUnprocessableEntity, f, []FieldErr{{Field: "file", Key: "cohort.error.file_required"}}, nil)
		return
	}
	defer file.Close()
	t, err := laeringsliv.ReadTemplate(file)
	if err != nil {
		s.cohortFailed(w, r, f, err)
		return
	}
	doc, err := marshalTemplate(t)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f.Document = string(doc)
	s.previewCohort(w, r, f)
}
