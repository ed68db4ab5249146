package web

import (
	"net/http"

	"laeringsliv"
)

// BackupsPage lets an administrator take a backup of everything (the database and the
// uploaded files) as a job, and lists the backups taken so far with where each lies on the
// server. The archives are not offered for download: they hold every person's data, and
// belong on the operators' side (restore with "laeringsliv restore").
type BackupsPage struct {
	Page
	Backups  []*laeringsliv.Job
	Statuses map[int64]jobStatus
}

func (s *Server) backupsPage(w http.ResponseWriter, r *http.Request) {
	if s.svc.Jobs == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	st := state(r)
	list, err := s.svc.Jobs.FindJobs(r.Context(), s.cfg.InstitutionID, laeringsliv.JobKindBackup, 20)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := BackupsPage{Page: s.base(w, r, st.tr.T("backup.title")), Backups: list, Statuses: map[int64]jobStatus{}}
	for _, j := range list {
		p.Statuses[j.ID] = s.jobStatus(st, j)
	}
	s.render(w, r, http.StatusOK, "admin_backups", p)
}

func (s *Server) startBackup(w http.ResponseWriter, r *http.Request) {
	if s.svc.Jobs == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	s.startJob(w, r, laeringsliv.BackupJob{})
}
