package web

import (
	"encoding/json"
	"net/http"

	"laeringsliv"
)

// exportCohortTemplate sends a programme as a template file; ?text=1 keeps the handbook's text.
func (s *Server) exportCohortTemplate(w http.ResponseWriter, r *http.Request) {
	p := state(r).programme
	t, err := laeringsliv.ExportTemplate(r.Context(), s.svc.Cohorts, p, r.URL.Query().Get("text") == "1")
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	doc, err := marshalTemplate(t)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="programme-`+itoa(p.ID)+`-template.json"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(doc)
}

// marshalTemplate writes a template as its file: indented, so that a person can read it.
func marshalTemplate(t *laeringsliv.ProgrammeTemplate) ([]byte, error) {
	doc, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(doc, '\n'), nil
}
