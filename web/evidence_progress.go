package web

import (
	"net/http"

	"laeringsliv"
	"laeringsliv/report"
	"laeringsliv/tabular"
)

// ProgressPage is the yearly progress report for the funder: one row per year, printable.
type ProgressPage struct {
	Page
	Programme *laeringsliv.Programme
	Years     []*laeringsliv.ProgressYear
	Statuses  []laeringsliv.InnovationStatus
	Time      *TimeShareSection // hours from working time and own time per year; nil when none recorded
}

// progressPage shows the report; with ?format=csv or xlsx it sends it as a file instead.
func (s *Server) progressPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	if s.svc.Progress == nil || s.svc.Evidence == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	var f report.Format
	if r.URL.Query().Has("format") {
		var ok bool
		if f, ok = s.downloadFormat(w, r); !ok {
			return
		}
	}
	years, err := laeringsliv.ProgressReport(r.Context(), s.svc.Progress, s.svc.Evidence, s.svc.StudyCounts, st.programme)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if f != "" {
		attachment(w, f, "progress")
		if err := readerTable(st.tr, report.ProgressTable(years), "progress", tabular.Format(f)).Write(w, tabular.Format(f)); err != nil {
			s.cfg.Logger.ErrorContext(r.Context(), "write progress report", "err", err)
		}
		return
	}
	p := ProgressPage{Page: s.base(w, r, st.tr.T("evidence.progress_title")), Programme: st.programme, Years: years,
		Statuses: laeringsliv.InnovationStatuses()}
	shares, err := s.programmeShares(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p.Time = yearShareSection(st, shares)
	s.render(w, r, http.StatusOK, "evidence_progress", p)
}
