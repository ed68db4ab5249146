package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"laeringsliv"
	"laeringsliv/live"
)

// A job's page follows work that outlives the request that started it (a research export, a
// backup): how far it has come, a new try after a failure, and the result when it is done.
// The page listens on the job's live topic, so it changes as the job does; without scripts
// it is refreshed by hand.

// JobPage is a job's page.
type JobPage struct {
	Page
	Job    *laeringsliv.Job
	Status jobStatus
	Back   string // where the person came from
}

// jobStatus is what a page and its script show of a job.
type jobStatus struct {
	State       laeringsliv.JobState `json:"state"`
	Progress    int                  `json:"progress"`
	Text        string               `json:"text"`
	Finished    bool                 `json:"finished"`
	ResultURL   string               `json:"result_url,omitempty"`
	ResultLabel string               `json:"result_label,omitempty"`
	ResultPath  string               `json:"result_path,omitempty"` // a backup's place on the server
}

func (s *Server) jobStatus(st *reqState, j *laeringsliv.Job) jobStatus {
	js := jobStatus{State: j.State, Progress: j.Progress, Finished: j.Finished()}
	data := map[string]any{"Attempt": j.Attempt, "MaxAttempts": j.MaxAttempts}
	switch {
	case j.State == laeringsliv.JobWaiting && j.Attempt > 0:
		js.Text = st.tr.T("job.state.retrying", data)
	case j.State == laeringsliv.JobFailed:
		js.Text = st.tr.T("job.error." + j.Kind)
	default:
		js.Text = st.tr.T("job.state." + string(j.State))
	}
	if j.State == laeringsliv.JobDone {
		js.Progress = 100
		size := map[string]any{"Name": j.ResultName, "Size": formatSize(j.ResultSize, st.lang)}
		if j.ResultExpired {
			js.ResultLabel = st.tr.T("job.result_expired")
		} else if j.ResultKey != "" {
			js.ResultURL = "/jobs/" + strconv.FormatInt(j.ID, 10) + "/result"
			js.ResultLabel = st.tr.T("job.download", size)
		} else if j.ResultName != "" {
			js.ResultPath = j.ResultName
			js.ResultLabel = st.tr.T("job.saved_at", size)
		}
	}
	return js
}

func (s *Server) jobPage(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	p := JobPage{Page: s.base(w, r, st.tr.T("job.title."+st.job.Kind)), Job: st.job,
		Status: s.jobStatus(st, st.job), Back: "/"}
	if st.job.Kind == laeringsliv.JobKindBackup {
		p.Back = "/admin/backups"
	}
	s.render(w, r, http.StatusOK, "job", p)
}

// jobEvents streams the job's status as it changes, one "job" event each time.
func (s *Server) jobEvents(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	id := st.job.ID
	defer s.metrics.streamOpened(r, "job")()
	live.Stream{Hub: s.live, Topic: laeringsliv.JobTopic(id), Load: func(ctx context.Context, _ int64) ([]live.Event, error) {
		j, err := s.svc.Jobs.FindJob(ctx, id)
		if err != nil {
			return nil, err
		}
		b, _ := json.Marshal(s.jobStatus(st, j))
		return []live.Event{{Name: "job", Data: b}}, nil
	}}.Serve(w, r)
}

// jobResult sends the file a job left.
func (s *Server) jobResult(w http.ResponseWriter, r *http.Request) {
	j := state(r).job
	if j.State != laeringsliv.JobDone || j.ResultKey == "" || s.svc.Files == nil {
		s.renderError(w, r, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found"))
		return
	}
	s.serveStored(w, r, j.ResultKey, "application/zip", "attachment", j.ResultName, j.UpdatedAt)
}

// startJob queues args for the signed-in person and sends them to the job's page.
func (s *Server) startJob(w http.ResponseWriter, r *http.Request, args laeringsliv.JobArgs) {
	st := state(r)
	id, err := s.svc.Jobs.EnqueueJob(r.Context(), s.cfg.InstitutionID, st.actor.Person.ID, args)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/jobs/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

// jobResource loads the job of the path for the policy: its owner is who started it.
func (s *Server) jobResource(r *http.Request, st *reqState, v string) (laeringsliv.Resource, error) {
	id, err := pathID(v)
	if err != nil {
		return laeringsliv.Resource{}, err
	}
	if s.svc.Jobs == nil {
		return laeringsliv.Resource{}, laeringsliv.Errorf(laeringsliv.ENOTFOUND, "error.not_found")
	}
	j, err := s.svc.Jobs.FindJob(r.Context(), id)
	if err != nil {
		return laeringsliv.Resource{}, err
	}
	st.job = j
	return laeringsliv.Resource{InstitutionID: j.InstitutionID, OwnerID: j.PersonID}, nil
}

// formatSize is a file size in kB or MB with the language's decimal mark.
func formatSize(n int64, lang string) string {
	switch {
	case n >= 1<<20:
		return formatNumber(float64(n*10/(1<<20))/10, lang) + " MB"
	case n >= 1<<10:
		return formatNumber(float64(n/(1<<10)), lang) + " kB"
	}
	return strconv.FormatInt(n, 10) + " B"
}
