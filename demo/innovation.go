package demo

import (
	"context"
	"fmt"
	"time"

	"laeringsliv"
)

// demoInnovation is one innovation of the demo: its title, size and where it ended up.
type demoInnovation struct {
	title   string
	size    laeringsliv.InnovationSize
	revives bool
	status  laeringsliv.InnovationStatus
	group   string
}

const (
	small = laeringsliv.InnovationSmall
	large = laeringsliv.InnovationLarge
	tried = laeringsliv.InnovationTrying
	evald = laeringsliv.InnovationEvaluated
	impl  = laeringsliv.InnovationImplemented
)

// innovations per site, in the order of sites. The article reports 3, 2, 5 and 8 innovations
// developed, tried and implemented; each site also has ideas that are not (yet) innovations,
// so that the pipeline has something in every column and the report must leave them out.
var innovations = [][]demoInnovation{
	{
		{"Fast overlappingsmøte med sjekkliste", small, false, impl, "Dag A"},
		{"Bildebasert dagsplan for beboerne", large, true, impl, "Dag B"},
		{"Rolig stund etter middag", small, false, evald, "Dag A"},
		{"Felles logg for pårørendekontakt", small, false, laeringsliv.InnovationIdea, ""},
	},
	{
		{"Ny fordeling av kompetanse på kveldsvakt", large, false, impl, "Arbeidsgruppa"},
		{"Ressursperson for ernæring på hver vakt", small, true, tried, "Arbeidsgruppa"},
		{"Hospitering mellom avdelingene", small, false, laeringsliv.InnovationPrioritised, ""},
		{"Eget vaktrom for nattevakt", small, false, laeringsliv.InnovationDropped, ""},
	},
	{
		{"Hverdagsrehabilitering i morgenstellet", large, false, impl, "Dag A"},
		{"Digitalt tilsyn på natt", large, false, evald, "Kveld"},
		{"Faste primærkontakter i rutene", small, true, impl, "Dag B"},
		{"Kjøkkenhage for brukerne", small, false, tried, "Dag A"},
		{"Tverrfaglig ukesmøte om brukere med fallrisiko", small, false, impl, "Kveld"},
		{"Matvenn-ordning", small, false, laeringsliv.InnovationIdea, ""},
	},
	{
		{"Lange vakter i helgene", large, false, impl, "Helg A"},
		{"Aktivitetsvert på hver vakt", small, false, impl, "Helg B"},
		{"Sang og musikk i fellesstua", small, true, impl, "Helg A"},
		{"Turgruppe med frivillige", small, false, evald, "Helg B"},
		{"Fast lesetid i helgene", small, false, impl, "Helg A"},
		{"Beboermøte hver måned", small, true, tried, "Helg B"},
		{"Kompetansekart for avdelingen", large, false, evald, "Helg A"},
		{"Måltidsvert ved middag", small, false, impl, "Helg B"},
		{"Nattevakt som ressurs i morgenstellet", small, false, laeringsliv.InnovationPrioritised, ""},
	},
}

// pipeline is the order an innovation moves through to reach a status; the demo records each
// step so that the history shows who moved it and when.
var pipeline = []laeringsliv.InnovationStatus{
	laeringsliv.InnovationIdea, laeringsliv.InnovationPrioritised, tried, evald, impl,
}

// seedInnovations records each site's innovations under its shared project, moved through the
// pipeline by the site's leader.
func seedInnovations(ctx context.Context, s laeringsliv.InnovationService, clock *Clock, res *Result, leaders []int64) error {
	for k, list := range innovations {
		for _, d := range list {
			clock.Set(reachedAt(laeringsliv.InnovationIdea, k))
			i := &laeringsliv.Innovation{
				InstitutionID: res.InstitutionID, WorkplaceID: res.WorkplaceIDs[k], ProjectID: res.ProjectIDs[k],
				Title: d.title, Status: laeringsliv.InnovationIdea, Size: d.size, RevivesFailure: d.revives,
				OwnerGroup: d.group,
			}
			if err := s.CreateInnovation(ctx, i, leaders[k]); err != nil {
				return fmt.Errorf("demo: innovation %q: %w", d.title, err)
			}
			for _, st := range stepsTo(d.status) {
				i.Status = st
				clock.Set(reachedAt(st, k))
				if err := s.UpdateInnovation(ctx, i, leaders[k]); err != nil {
					return fmt.Errorf("demo: innovation %q: %w", d.title, err)
				}
			}
		}
	}
	return nil
}

// reachedAt is when the demo's innovations of site k reach status: ideas in the autumn the
// programme starts, trials in the spring after, implementation after the last gathering.
func reachedAt(status laeringsliv.InnovationStatus, k int) time.Time {
	at := map[laeringsliv.InnovationStatus]time.Time{
		laeringsliv.InnovationIdea:        morning(2016, time.October, 3),
		laeringsliv.InnovationPrioritised: morning(2016, time.December, 5),
		tried:                             morning(2017, time.March, 6),
		laeringsliv.InnovationDropped:     morning(2017, time.March, 6),
		evald:                             morning(2017, time.November, 6),
		impl:                              morning(2018, time.June, 4),
	}[status]
	return at.AddDate(0, 0, k)
}

// stepsTo returns the statuses after idea that lead to target.
func stepsTo(target laeringsliv.InnovationStatus) []laeringsliv.InnovationStatus {
	if target == laeringsliv.InnovationDropped {
		return []laeringsliv.InnovationStatus{laeringsliv.InnovationPrioritised, target}
	}
	for n, st := range pipeline {
		if st == target {
			return pipeline[1 : n+1]
		}
	}
	return nil
}

// seedTimelines records each site's tailoring meetings ending in an all-hands, its
// participation model, and the action-research cycles through the three gatherings.
func seedTimelines(ctx context.Context, s laeringsliv.TimelineService, p laeringsliv.ParticipationService, clock *Clock, res *Result, leaders []int64, withGatherings bool) error {
	models := []laeringsliv.ParticipationKind{
		laeringsliv.ParticipationOneClass, laeringsliv.ParticipationWorkingGroup,
		laeringsliv.ParticipationOneClass, laeringsliv.ParticipationShiftTeams,
	}
	for k, wp := range res.WorkplaceIDs {
		start := time.Date(2016, time.August, 22+k, 10, 0, 0, 0, time.UTC)
		for _, e := range timelineOf(start, withGatherings) {
			e.WorkplaceID, e.CreatedBy = wp, leaders[k]
			clock.Set(e.OccurredAt) // written down the day it happened
			if err := s.CreateTimelineEntry(ctx, &e); err != nil {
				return fmt.Errorf("demo: timeline %q: %w", e.Title, err)
			}
		}
		clock.Set(start.AddDate(0, 0, 7*9)) // decided at the all-hands
		m := &laeringsliv.ParticipationModel{WorkplaceID: wp, Kind: models[k], DecidedBy: leaders[k],
			Reasons: "Valgt på allmøtet etter fire møter om drift, antall deltakere og antall prosjekter."}
		if err := p.SaveParticipationModel(ctx, m); err != nil {
			return fmt.Errorf("demo: participation model: %w", err)
		}
	}
	return nil
}

// timelineOf is the common rhythm of a site: four tailoring meetings, the last an all-hands,
// then a cycle of plan, act, observe and reflect around each of the three gatherings.
// With the study programme seeded, the gatherings come from its table instead (the timeline
// reads them from there), so they are not typed in as well.
func timelineOf(start time.Time, withGatherings bool) []laeringsliv.TimelineEntry {
	week := func(n int) time.Time { return start.AddDate(0, 0, 7*n) }
	out := []laeringsliv.TimelineEntry{
		{Kind: laeringsliv.TimelineMeeting, OccurredAt: week(0), Title: "Skreddersøm 1: oppstart med ledelsen"},
		{Kind: laeringsliv.TimelineMeeting, OccurredAt: week(3), Title: "Skreddersøm 2: deltakermodell og turnus"},
		{Kind: laeringsliv.TimelineMeeting, OccurredAt: week(6), Title: "Skreddersøm 3: fellesprosjektet"},
		{Kind: laeringsliv.TimelineAllHands, OccurredAt: week(9), Title: "Allmøte med deltakere, ledere og tillitsvalgte"},
		{Kind: laeringsliv.TimelineDecision, OccurredAt: week(9), Title: "Deltakermodell vedtatt"},
	}
	gatherings := []string{"Samling 1: oppstart", "Samling 2: implementering", "Samling 3: evaluering"}
	for c, g := range gatherings {
		base := 12 + 10*c
		if !withGatherings {
			out = append(out, laeringsliv.TimelineEntry{Kind: laeringsliv.TimelineGathering, Cycle: c + 1, OccurredAt: week(base), Title: g})
		}
		out = append(out,
			laeringsliv.TimelineEntry{Kind: laeringsliv.TimelinePlan, Cycle: c + 1, OccurredAt: week(base + 1), Title: "Planlegge utprøving"},
			laeringsliv.TimelineEntry{Kind: laeringsliv.TimelineAct, Cycle: c + 1, OccurredAt: week(base + 3), Title: "Prøve ut i praksis"},
			laeringsliv.TimelineEntry{Kind: laeringsliv.TimelineObserve, Cycle: c + 1, OccurredAt: week(base + 6), Title: "Observere og samle erfaringer"},
			laeringsliv.TimelineEntry{Kind: laeringsliv.TimelineReflect, Cycle: c + 1, OccurredAt: week(base + 8), Title: "Reflektere med lapp i hatt"},
		)
	}
	return out
}

// leaderIDs returns the person ID of each site's leader, from the plan's creation order.
func leaderIDs(res *Result) []int64 {
	out := make([]int64, len(sites))
	for k, m := range plan() {
		if m.role == laeringsliv.RoleLeader && m.site >= 0 && k < len(res.PersonIDs) {
			out[m.site] = res.PersonIDs[k]
		}
	}
	return out
}

// seedInnovationWork adds the innovation work to a seeded demo.
func seedInnovationWork(ctx context.Context, s Services, res *Result) error {
	leaders := leaderIDs(res)
	if err := seedInnovations(ctx, s.Innovations, s.Clock, res, leaders); err != nil {
		return err
	}
	return seedTimelines(ctx, s.Timeline, s.Participation, s.Clock, res, leaders, s.Study != nil)
}
