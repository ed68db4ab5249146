package web

import (
	"context"
	"net/http"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
)

// DashboardStore answers the dashboard's questions, each in one query over the workplaces or
// programmes named; which ones to ask about is decided here, by the policy.
type DashboardStore interface {
	// OpenIPESessions returns the workplaces' sessions that are not closed, newest first.
	OpenIPESessions(ctx context.Context, institutionID int64, workplaceIDs []int64) ([]*laeringsliv.IPESession, error)
	// NextGatherings returns each workplace's first gathering that has not ended at now.
	NextGatherings(ctx context.Context, institutionID int64, workplaceIDs []int64, now time.Time) ([]*laeringsliv.Gathering, error)
	// LatestSubmissions returns the person's newest version per requirement, without text.
	LatestSubmissions(ctx context.Context, personID int64) ([]*laeringsliv.Submission, error)
	// AssessmentQueue counts per workplace the submissions waiting for the assessor's verdict.
	AssessmentQueue(ctx context.Context, assessorID int64, workplaceIDs []int64) (map[int64]int, error)
	// OpenPriorLearnings counts per programme the applications waiting for a decision.
	OpenPriorLearnings(ctx context.Context, programmeIDs []int64) (map[int64]int, error)
	// PersonShifts returns the person's rota shifts that overlap [from, to).
	PersonShifts(ctx context.Context, personID int64, from, to time.Time) ([]rota.Shift, error)
}

// DashboardPage tells the signed-in person what to do next, by their roles: each section is a
// list of plain sentences with one link each, and empty sections are left out. Places lists
// the programmes and workplaces they may open, the way into everything else.
type DashboardPage struct {
	Page
	Sessions     []DashItem // IPE sessions running now (or ready to start, for their facilitators)
	Gatherings   []DashItem // the next gathering of each of one's workplaces
	Work         []DashItem // work requirements to hand in or revise (participants)
	Assessments  []DashItem // submissions waiting for one's verdict (teachers)
	Applications []DashItem // prior-learning applications to decide (admissions)
	Places       []ProgrammeWorkplaces
}

// Nothing reports whether no section has anything to do.
func (p DashboardPage) Nothing() bool {
	return len(p.Sessions)+len(p.Gatherings)+len(p.Work)+len(p.Assessments)+len(p.Applications) == 0
}

// DashItem is one thing to do: a sentence, an optional second one, and the link that does it.
// Href is empty when the policy allows no action on it.
type DashItem struct {
	Text   string
	Detail string // a due date, or one's shift on the gathering's day; empty for none
	Href   string
	Link   string
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	places, err := s.visibleProgrammes(r, st.actor)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := DashboardPage{Page: s.base(w, r, st.tr.T("dashboard.title")), Places: places}
	if s.svc.Dashboard != nil {
		if err := s.fillDashboard(r, &p); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "dashboard", p)
}

// fillDashboard fills the sections, each from the workplaces or programmes where the reader
// holds the role it belongs to.
func (s *Server) fillDashboard(r *http.Request, p *DashboardPage) error {
	d := newDashScope(state(r).actor, p.Places)
	var err error
	if p.Sessions, err = s.dashSessions(r, d); err != nil {
		return err
	}
	if p.Gatherings, err = s.dashGatherings(r, d); err != nil {
		return err
	}
	if p.Work, err = s.dashWork(r, d); err != nil {
		return err
	}
	if p.Assessments, err = s.dashAssessments(r, d); err != nil {
		return err
	}
	p.Applications, err = s.dashApplications(r, d)
	return err
}
