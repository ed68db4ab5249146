package web

import (
	"net/http"

	"laeringsliv"
	"laeringsliv/report"
)

// researchExport makes the programme's pseudonymised research dataset: a zip with one CSV
// (UTF-8 with a byte-order mark) per dataset. Names become the programme's stable pseudonyms,
// people who have not consented are left out, and identity numbers in free text are redacted.
// With a job queue it is written by a job whose page the researcher is sent to; without one
// it is written while the researcher waits.
func (s *Server) researchExport(w http.ResponseWriter, r *http.Request) {
	if s.svc.Research == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	id := state(r).programme.ID
	if s.svc.Jobs != nil {
		s.startJob(w, r, laeringsliv.ResearchExportJob{ProgrammeID: id})
		return
	}
	key, err := s.svc.Research.ResearchKey(r.Context(), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data, err := s.svc.Research.ResearchData(r.Context(), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="research.zip"`)
	w.Header().Set("Cache-Control", "no-store")
	if err := report.WriteResearchZip(w, report.ResearchExport(key, data)); err != nil {
		s.cfg.Logger.ErrorContext(r.Context(), "write research export", "err", err) // never the data itself
	}
}
