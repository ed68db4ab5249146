package web

import (
	"bytes"
	"net/http"
	"strconv"

	"laeringsliv"
	"laeringsliv/tabular"
)

// answersExport downloads every participant's answers of a workshop, by group, for the
// teachers' assessment of the work requirements (?format=csv or xlsx). The answers are
// personal: only those who manage the workshop may download them.
func (s *Server) answersExport(w http.ResponseWriter, r *http.Request) {
	ws, err := s.workshop(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	format, err := tabular.ParseFormat(r.URL.Query().Get("format"))
	if err != nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.EINVALID, "reading.error.format_invalid"))
		return
	}
	v, err := s.workshopView(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	answers, err := s.svc.Reading.FindAnswers(r.Context(), ws.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	by := map[int64]*laeringsliv.Answer{}
	for _, a := range answers {
		by[a.PersonID] = a
	}
	tr := state(r).tr
	t := &tabular.Table{Name: tr.T("reading.export.sheet"), Header: []string{tr.T("reading.group.column"),
		tr.T("reading.text.title"), tr.T("reading.export.name"), tr.T("reading.question.interesting"),
		tr.T("reading.question.connects"), tr.T("reading.presentation.title")}}
	for _, g := range v.Groups {
		title := ""
		if g.Text != nil {
			title = g.Text.Title
		}
		for _, p := range g.Members {
			row := []any{g.Group.Number, title, p.Name, "", "", g.Group.Presentation}
			if a := by[p.ID]; a != nil {
				row[3], row[4] = a.Interesting, a.Connects
			}
			t.Rows = append(t.Rows, row)
		}
	}
	var buf bytes.Buffer
	if err := t.Write(&buf, format); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", format.ContentType())
	w.Header().Set("Content-Disposition", `attachment; filename="leseverksted-`+strconv.FormatInt(ws.ID, 10)+"."+string(format)+`"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
