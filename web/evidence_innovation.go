package web

import (
	"html/template"
	"net/http"

	"laeringsliv"
	"laeringsliv/report"
	"laeringsliv/tabular"
)

// PipelinePage shows a workplace's innovations by status, at a glance.
type PipelinePage struct {
	Page
	Workplace *laeringsliv.Workplace
	Columns   []PipelineColumn
	CanRecord bool
}

// PipelineColumn is the innovations in one status.
type PipelineColumn struct {
	Status      laeringsliv.InnovationStatus
	Innovations []*laeringsliv.Innovation
}

func (s *Server) pipelinePage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	list, err := s.svc.Innovations.FindInnovations(r.Context(), laeringsliv.InnovationFilter{WorkplaceID: st.workplace.ID})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := PipelinePage{Page: s.base(w, r, st.tr.T("innovation.pipeline_title", st.workplace)), Workplace: st.workplace,
		CanRecord: st.actor.Can(laeringsliv.ActionRecordInnovation, laeringsliv.WorkplaceResource(st.workplace))}
	for _, status := range laeringsliv.InnovationStatuses() {
		col := PipelineColumn{Status: status}
		for _, i := range list {
			if i.Status == status {
				col.Innovations = append(col.Innovations, i)
			}
		}
		p.Columns = append(p.Columns, col)
	}
	s.render(w, r, http.StatusOK, "evidence_innovations", p)
}

// ReportsPage shows a programme's Table 2 with a chart beside it.
type ReportsPage struct {
	Page
	Programme *laeringsliv.Programme
	Rows      []*laeringsliv.ParticipationRow
	Chart     template.HTML // rendered by report.BarChart, which escapes every text
	Evidence  *EvidenceSection
	CanExport bool              // may download the research export
	Time      *TimeShareSection // hours from working time and own time per workplace; nil when none recorded
}

func (s *Server) reportsPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	rows, err := laeringsliv.ParticipationTable(r.Context(), s.svc.Reports, s.svc.StudyCounts, st.programme.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	bars := make([]report.Bar, 0, len(rows))
	for _, row := range rows[:len(rows)-1] {
		bars = append(bars, report.Bar{Label: row.Workplace, Value: float64(row.Innovations)})
	}
	chart := report.BarChart("chart-innovations", st.tr.T("report.chart_innovations"), st.tr.T("report.chart_innovations_desc"), bars, st.number)
	p := ReportsPage{Page: s.base(w, r, st.tr.T("report.title")), Programme: st.programme, Rows: rows,
		Chart: template.HTML(chart), CanExport: s.svc.Research != nil &&
			st.actor.Can(laeringsliv.ActionResearchExport, laeringsliv.ProgrammeResource(st.programme))}
	if p.Evidence, err = s.evidenceSection(r); err != nil {
		s.renderError(w, r, err)
		return
	}
	shares, err := s.programmeShares(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p.Time = workplaceShareSection(st, shares, rows)
	s.render(w, r, http.StatusOK, "evidence_reports", p)
}

// participationDownload sends Table 2 as CSV or XLSX; ?format= chooses, CSV by default.
func (s *Server) participationDownload(w http.ResponseWriter, r *http.Request) {
	f, ok := s.downloadFormat(w, r)
	if !ok {
		return
	}
	rows, err := laeringsliv.ParticipationTable(r.Context(), s.svc.Reports, s.svc.StudyCounts, state(r).programme.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	attachment(w, f, "table2")
	var werr error
	if f == "json" {
		werr = report.WriteParticipation(w, f, rows)
	} else {
		werr = readerTable(state(r).tr, report.ParticipationTable(rows), "table2", tabular.Format(f)).Write(w, tabular.Format(f))
	}
	if werr != nil {
		s.cfg.Logger.ErrorContext(r.Context(), "write participation report", "err", werr)
	}
}
