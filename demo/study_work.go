package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"laeringsliv"
	"laeringsliv/grouping"
)

// demoRequirements returns AK1–AK3 as the article describes them.
func demoRequirements(programmeID int64) []*laeringsliv.WorkRequirement {
	return []*laeringsliv.WorkRequirement{
		{ProgrammeID: programmeID, Code: "AK1", Title: "Individuell refleksjonslogg", Position: 1,
			Description: "Velg et utviklingsprosjekt fra idéfangsten (lapp i hatt). Beskriv det, reflekter over det, " +
				"bruk teori fra pensum, og si hva som kan fremme og hemme endringen.",
			Mode: laeringsliv.ModeIndividual, DueAt: time.Date(2017, 11, 1, 22, 59, 0, 0, time.UTC),
			FileKinds: []laeringsliv.FileKind{laeringsliv.FilePDF, laeringsliv.FileOffice}, MaxBytes: 20 << 20, Assessors: 2},
		{ProgrammeID: programmeID, Code: "AK2", Title: "Gruppepresentasjon: status i prosjektet (10 min)", Position: 2,
			Description: "Presenter status i innovasjonsprosjektet for gruppen på implementeringssamlingen. Lever tekst og lysbilder.",
			Mode:        laeringsliv.ModeGroup, DueGathering: laeringsliv.GatheringImplementation,
			FileKinds: []laeringsliv.FileKind{laeringsliv.FilePDF, laeringsliv.FileOffice, laeringsliv.FileImage}, MaxBytes: 100 << 20, Assessors: 2},
		{ProgrammeID: programmeID, Code: "AK3", Title: "Gruppepresentasjon: innovasjonsarbeidet (15 min)", Position: 3,
			Description: "Hva fungerte, hva fungerte ikke, erfaringer, pensum og veien videre. Lever video og materiell.",
			Mode:        laeringsliv.ModeGroup, DueGathering: laeringsliv.GatheringEvaluation,
			FileKinds: []laeringsliv.FileKind{laeringsliv.FileVideo, laeringsliv.FilePDF, laeringsliv.FileOffice, laeringsliv.FileImage},
			MaxBytes:  2 << 30, Assessors: 2},
	}
}

// seedGatherings creates the three gatherings of two days each (six days in all) and, where
// someone takes the master exam, the master gathering; each workplace a week after the last.
// Every agenda has a reading workshop at readingPoint.
func seedGatherings(ctx context.Context, s laeringsliv.StudyService, workplaceID int64, i int, links links) ([]*laeringsliv.Gathering, error) {
	loc := laeringsliv.Norway()
	var out []*laeringsliv.Gathering
	type plan struct {
		kind  laeringsliv.GatheringKind
		title string
		date  time.Time
		days  int
	}
	week := time.Duration(i) * 7 * 24 * time.Hour
	plans := []plan{
		{laeringsliv.GatheringStartUp, "Oppstartsamling", time.Date(2017, 9, 12, 0, 0, 0, 0, loc), 2},
		{laeringsliv.GatheringImplementation, "Implementeringssamling", time.Date(2018, 1, 16, 0, 0, 0, 0, loc), 2},
		{laeringsliv.GatheringEvaluation, "Evalueringssamling", time.Date(2018, 5, 8, 0, 0, 0, 0, loc), 2},
	}
	if examPlans[i].masterDegree+examPlans[i].masterPL > 0 {
		plans = append(plans, plan{laeringsliv.GatheringMaster, "Mastersamling", time.Date(2018, 6, 5, 0, 0, 0, 0, loc), 1})
	}
	for _, p := range plans {
		g := &laeringsliv.Gathering{WorkplaceID: workplaceID, Kind: p.kind, Title: p.title,
			Place: "Personalrommet, " + sites[i].name}
		for d := range p.days {
			day := p.date.Add(week).AddDate(0, 0, d)
			start := time.Date(day.Year(), day.Month(), day.Day(), 8, 30, 0, 0, loc)
			g.Days = append(g.Days, laeringsliv.GatheringDay{Start: start.UTC(), End: start.Add(7 * time.Hour).UTC()})
		}
		first := g.Days[0].Start
		g.Agenda = []laeringsliv.AgendaItem{
			{Start: first, End: first.Add(30 * time.Minute), Title: "Velkommen, og hva skjer siden sist"},
			{Start: first.Add(30 * time.Minute), End: first.Add(2 * time.Hour), Title: "Lapp i hatt: Hva er du fornøyd med, og hva kan vi gjøre bedre?"},
			{Start: first.Add(2*time.Hour + 15*time.Minute), End: first.Add(4 * time.Hour), Title: "Leseverksted i grupper på fire"},
			{Start: first.Add(4*time.Hour + 45*time.Minute), End: first.Add(6*time.Hour + 30*time.Minute), Title: "Arbeid med arbeidskrav og innovasjonene"},
			{Start: first.Add(6*time.Hour + 30*time.Minute), End: first.Add(7 * time.Hour), Title: "Evaluering av dagen med lapp i hatt"},
		}
		if p.kind == laeringsliv.GatheringStartUp { // the hat of the start-up gathering
			g.Agenda[1].IPESessionID = links.ipe
		}
		if err := s.CreateGathering(ctx, g); err != nil {
			return nil, fmt.Errorf("demo: gathering %s: %w", p.title, err)
		}
		out = append(out, g)
	}
	return out, nil
}

// seedWork writes, submits and assesses the work requirements of one workplace. Everyone takes
// part in a group's AK2 and AK3; AK1 decides who is approved: those not approved have a draft,
// a submission still waiting, or one the teachers did not approve.
func seedWork(w worker, reqs []*laeringsliv.WorkRequirement, ps []*participant, rng *rand.Rand) error {
	missing := 0
	for n, p := range ps {
		text := fmt.Sprintf("Refleksjonslogg. Jeg har valgt idé nr. %d fra lapp i hatt. Den kan fremmes av "+
			"at vaktlaget står sammen om den, og hemmes av travle vakter og lite tid.", n+1)
		switch {
		case p.approved && n%5 == 1: // approved on the second try; the history is kept
			sub, err := w.submitAssessed(reqs[0], []int64{p.id}, text, laeringsliv.VerdictNotApproved)
			if err == nil {
				w.clock.Set(w.written(reqs[0], 1))
				sub, err = w.s.Resubmit(w.ctx, sub.ID, p.id)
			}
			if err == nil {
				err = w.finish(reqs[0], 1, sub, laeringsliv.VerdictApproved)
			}
			if err != nil {
				return err
			}
		case p.approved:
			if _, err := w.submitAssessed(reqs[0], []int64{p.id}, text, laeringsliv.VerdictApproved); err != nil {
				return err
			}
		default:
			if err := w.unfinished(reqs[0], p.id, text, missing); err != nil {
				return err
			}
			missing++
		}
	}
	members := make([]grouping.Member, len(ps))
	for i, p := range ps {
		members[i] = grouping.Member{ID: p.id, Team: p.team}
	}
	groups, err := grouping.Form(members, grouping.Options{KeepTeams: true}, rng)
	if err != nil {
		return fmt.Errorf("demo: groups: %w", err)
	}
	for gi, g := range groups {
		ids := make([]int64, len(g))
		for i, m := range g {
			ids[i] = m.ID
		}
		for _, r := range reqs[1:] {
			text := fmt.Sprintf("%s, gruppe %d: status, erfaringer og veien videre.", r.Code, gi+1)
			if _, err := w.submitAssessed(r, ids, text, laeringsliv.VerdictApproved); err != nil {
				return err
			}
		}
	}
	return nil
}

// worker does the steps of a submission for one workplace.
type worker struct {
	ctx      context.Context
	s        laeringsliv.StudyService
	wid      int64
	teachers []int64
	clock    *Clock
	site     int // the workplace's place in the order of sites; its gatherings are as many weeks later
}

// workDates are when the demo writes each work requirement and when the teachers assess it:
// AK1 the week before its deadline, AK2 and AK3 at the gatherings they are due at.
var workDates = map[string][2]time.Time{
	"AK1": {morning(2017, time.October, 25), morning(2017, time.November, 20)},
	"AK2": {morning(2018, time.January, 16), morning(2018, time.February, 12)},
	"AK3": {morning(2018, time.May, 8), morning(2018, time.June, 4)},
}

// written is when round (0 first, 1 after a revision) of r is written; a revision comes six
// weeks after the first try.
func (w worker) written(r *laeringsliv.WorkRequirement, round int) time.Time {
	return workDates[r.Code][0].AddDate(0, 0, 7*w.site+42*round)
}

// assessed is when the teachers assess round of r.
func (w worker) assessed(r *laeringsliv.WorkRequirement, round int) time.Time {
	return workDates[r.Code][1].AddDate(0, 0, 7*w.site+42*round)
}

// submitAssessed writes and submits a submission and has both teachers give verdict v.
func (w worker) submitAssessed(r *laeringsliv.WorkRequirement, members []int64, text string, v laeringsliv.Verdict) (*laeringsliv.Submission, error) {
	w.clock.Set(w.written(r, 0))
	sub := &laeringsliv.Submission{RequirementID: r.ID, WorkplaceID: w.wid, AuthorID: members[0], MemberIDs: members, Text: text}
	if err := w.s.SaveDraft(w.ctx, sub); err != nil {
		return nil, fmt.Errorf("demo: draft %s: %w", r.Code, err)
	}
	return sub, w.finish(r, 0, sub, v)
}

// finish submits a draft of round of r and records both teachers' verdict.
func (w worker) finish(r *laeringsliv.WorkRequirement, round int, sub *laeringsliv.Submission, v laeringsliv.Verdict) error {
	if _, err := w.s.Submit(w.ctx, sub.ID, sub.AuthorID); err != nil {
		return fmt.Errorf("demo: submit: %w", err)
	}
	w.clock.Set(w.assessed(r, round))
	feedback := "Godt reflektert, med god bruk av pensum."
	if v == laeringsliv.VerdictNotApproved {
		feedback = "Beskrivelsen er god, men knytt refleksjonen tydeligere til teorien, og si hva som kan hemme endringen."
	}
	for _, t := range w.teachers {
		a := &laeringsliv.Assessment{SubmissionID: sub.ID, AssessorID: t, Verdict: v, Feedback: feedback}
		if _, err := w.s.Assess(w.ctx, a); err != nil {
			return fmt.Errorf("demo: assess: %w", err)
		}
	}
	return nil
}

// unfinished leaves an AK1 short of approval in one of three ways.
func (w worker) unfinished(r *laeringsliv.WorkRequirement, person int64, text string, n int) error {
	w.clock.Set(w.written(r, 0))
	sub := &laeringsliv.Submission{RequirementID: r.ID, WorkplaceID: w.wid, AuthorID: person, MemberIDs: []int64{person}, Text: text}
	switch n % 3 {
	case 0:
		_, err := w.submitAssessed(r, []int64{person}, text, laeringsliv.VerdictNotApproved)
		return err
	case 1:
		sub.Text = "Utkast til refleksjonslogg, ikke ferdig ennå."
		return w.s.SaveDraft(w.ctx, sub)
	}
	if err := w.s.SaveDraft(w.ctx, sub); err != nil {
		return err
	}
	_, err := w.s.Submit(w.ctx, sub.ID, person)
	return err
}
