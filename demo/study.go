package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"laeringsliv"
)

// The study programme of the demo follows the article: three work requirements, gatherings at
// each workplace, joint assessment by the two teachers, and exam registrations such that
// Table 2 comes out: approved 15/14/15/19, bachelor exam 4/9/10/14, master exam 0/3/5/7, three
// of the master candidates skilled workers admitted on prior learning.

// examPlan says, per workplace, how many participants are approved and how many register for
// each exam on which basis.
type examPlan struct {
	approved                                int
	bachelorDegree, bachelorPL, bachelorGSC int // bachelor exam: degree, prior learning, general study competence
	masterDegree, masterPL                  int // master exam (a subset of the bachelor candidates)
}

var examPlans = []examPlan{
	{approved: 15, bachelorDegree: 2, bachelorPL: 1, bachelorGSC: 1},
	{approved: 14, bachelorDegree: 4, bachelorPL: 4, bachelorGSC: 1, masterDegree: 2, masterPL: 1},
	{approved: 15, bachelorDegree: 5, bachelorPL: 4, bachelorGSC: 1, masterDegree: 4, masterPL: 1},
	{approved: 19, bachelorDegree: 6, bachelorPL: 7, bachelorGSC: 1, masterDegree: 6, masterPL: 1},
}

// participant is a demo participant with what the study seeding needs to know.
type participant struct {
	id   int64
	prof laeringsliv.Profession
	team string
	// set while planning
	approved, bachelor, master, degree, gsc, pl, plMaster bool
}

// staff holds the programme-wide people of the demo.
type staff struct {
	teachers   []int64
	admissions int64
}

// seedStudy runs the demo's study programme through the study service.
func seedStudy(ctx context.Context, svc Services, res *Result) error {
	s := svc.Study
	byWorkplace, st := demoPeople(res)
	svc.Clock.Set(morning(2017, time.August, 21)) // planned before the first gathering
	reqs, err := seedRequirements(ctx, s, res.ProgrammeID)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 4))
	for i, wid := range res.WorkplaceIDs {
		links, err := agendaLinks(ctx, svc, wid)
		if err != nil {
			return err
		}
		svc.Clock.Set(morning(2017, time.August, 21+i)) // each workplace plans its gatherings
		gatherings, err := seedGatherings(ctx, s, wid, i, links)
		if err != nil {
			return err
		}
		if svc.Reading != nil {
			if err := seedWorkshops(ctx, svc, wid, gatherings, rand.New(rand.NewPCG(6, uint64(i)))); err != nil {
				return err
			}
		}
		ps := byWorkplace[i]
		planExams(ps, examPlans[i])
		w := worker{ctx: ctx, s: s, wid: wid, teachers: st.teachers, clock: svc.Clock, site: i}
		if err := seedWork(w, reqs, ps, rng); err != nil {
			return err
		}
		if err := seedAdmission(ctx, s, svc.Clock, wid, ps, st); err != nil {
			return err
		}
	}
	return nil
}

// demoPeople pairs the plan with the created IDs.
func demoPeople(res *Result) ([][]*participant, staff) {
	byWorkplace := make([][]*participant, len(sites))
	var st staff
	for i, m := range plan() {
		id := res.PersonIDs[i]
		switch m.role {
		case laeringsliv.RoleParticipant:
			byWorkplace[m.site] = append(byWorkplace[m.site], &participant{id: id, prof: m.person.Profession, team: m.person.ShiftTeam})
		case laeringsliv.RoleTeacher:
			st.teachers = append(st.teachers, id)
		case laeringsliv.RoleAdmissions:
			st.admissions = id
		}
	}
	return byWorkplace, st
}

// hasDegree: the professions that need a bachelor degree.
func hasDegree(p laeringsliv.Profession) bool {
	switch p {
	case laeringsliv.ProfessionNurse, laeringsliv.ProfessionSocialEducator,
		laeringsliv.ProfessionOccupationalTher, laeringsliv.ProfessionPhysiotherapist:
		return true
	}
	return false
}

// skilled: the professions with a trade certificate.
func skilled(p laeringsliv.Profession) bool {
	switch p {
	case laeringsliv.ProfessionHealthWorker, laeringsliv.ProfessionAuxiliaryNurse, laeringsliv.ProfessionCareWorker:
		return true
	}
	return false
}

// planExams marks who registers for which exam on which basis, and who is approved.
func planExams(ps []*participant, ep examPlan) {
	take := func(n int, ok func(*participant) bool, mark func(*participant)) {
		for _, p := range ps {
			if n == 0 {
				return
			}
			if ok(p) {
				mark(p)
				n--
			}
		}
	}
	free := func(p *participant) bool { return !p.bachelor }
	take(ep.bachelorDegree, func(p *participant) bool { return free(p) && hasDegree(p.prof) }, func(p *participant) { p.bachelor = true })
	take(ep.bachelorPL, func(p *participant) bool { return free(p) && skilled(p.prof) }, func(p *participant) { p.bachelor, p.pl = true, true })
	take(ep.bachelorGSC, func(p *participant) bool { return free(p) && p.prof == laeringsliv.ProfessionAssistant },
		func(p *participant) { p.bachelor, p.gsc = true, true })
	take(ep.masterDegree, func(p *participant) bool { return p.bachelor && hasDegree(p.prof) }, func(p *participant) { p.master = true })
	take(ep.masterPL, func(p *participant) bool { return p.pl }, func(p *participant) { p.master, p.plMaster = true, true })
	n := ep.approved
	for _, p := range ps {
		p.degree = hasDegree(p.prof)
		if p.bachelor {
			p.approved = true
			n--
		}
	}
	take(n, func(p *participant) bool { return !p.approved }, func(p *participant) { p.approved = true })
}

// seedRequirements creates the article's three work requirements, each assessed jointly.
func seedRequirements(ctx context.Context, s laeringsliv.StudyService, programmeID int64) ([]*laeringsliv.WorkRequirement, error) {
	reqs := demoRequirements(programmeID)
	for _, r := range reqs {
		if err := s.CreateRequirement(ctx, r); err != nil {
			return nil, fmt.Errorf("demo: requirement %s: %w", r.Code, err)
		}
	}
	return reqs, nil
}
