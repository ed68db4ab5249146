package web

import (
	"html/template"
	"net/http"

	"laeringsliv"
	"laeringsliv/report"
	"laeringsliv/tabular"
)

// EvidenceSection is Table 1 on the reports page: the material collected per gathering, with a
// chart of the totals by kind beside it.
type EvidenceSection struct {
	Rows  []*laeringsliv.EvidenceRow
	Total *laeringsliv.EvidenceRow
	Chart template.HTML // rendered by report.BarChart, which escapes every text
}

// evidenceSection computes Table 1 for the programme of the request; nil when the deployment
// has no evidence counter.
func (s *Server) evidenceSection(r *http.Request) (*EvidenceSection, error) {
	if s.svc.Evidence == nil {
		return nil, nil
	}
	st := state(r)
	rows, err := laeringsliv.EvidenceTable(r.Context(), s.svc.Evidence, s.svc.StudyCounts, st.programme.ID)
	if err != nil {
		return nil, err
	}
	total := rows[len(rows)-1]
	bars := []report.Bar{
		{Label: st.tr.T("evidence.col.reflection_logs"), Value: float64(total.ReflectionLogs)},
		{Label: st.tr.T("evidence.col.ipe_notes"), Value: float64(total.IPENotes)},
		{Label: st.tr.T("evidence.col.presentations"), Value: float64(total.Presentations)},
		{Label: st.tr.T("evidence.col.videos"), Value: float64(total.Videos)},
		{Label: st.tr.T("evidence.col.evaluations"), Value: float64(total.Evaluations)},
		{Label: st.tr.T("evidence.col.exam_papers"), Value: float64(total.ExamPapers)},
	}
	chart := report.BarChart("chart-evidence", st.tr.T("evidence.chart"), st.tr.T("report.chart_innovations_desc"), bars, st.number)
	return &EvidenceSection{Rows: rows[:len(rows)-1], Total: total, Chart: template.HTML(chart)}, nil
}

// evidenceDownload sends Table 1 as CSV or XLSX; ?format= chooses, CSV by default.
func (s *Server) evidenceDownload(w http.ResponseWriter, r *http.Request) {
	f, ok := s.downloadFormat(w, r)
	if !ok {
		return
	}
	if s.svc.Evidence == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	rows, err := laeringsliv.EvidenceTable(r.Context(), s.svc.Evidence, s.svc.StudyCounts, state(r).programme.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	attachment(w, f, "table1")
	var werr error
	if f == "json" {
		werr = report.WriteEvidence(w, f, rows)
	} else {
		werr = readerTable(state(r).tr, report.EvidenceTable(rows), "table1", tabular.Format(f)).Write(w, tabular.Format(f))
	}
	if werr != nil {
		s.cfg.Logger.ErrorContext(r.Context(), "write evidence report", "err", werr)
	}
}

// downloadFormat reads ?format= (csv by default, or xlsx); it answers a bad value itself.
func (s *Server) downloadFormat(w http.ResponseWriter, r *http.Request) (report.Format, bool) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "csv"
	}
	f, err := report.ParseFormat(format)
	if err != nil || f == "json" {
		s.renderError(w, r, laeringsliv.FieldError("format", "report.error.format_invalid"))
		return "", false
	}
	return f, true
}

// attachment sets the headers of a download named name.<format>.
func attachment(w http.ResponseWriter, f report.Format, name string) {
	w.Header().Set("Content-Type", report.ContentType(f))
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.`+string(f)+`"`)
}
