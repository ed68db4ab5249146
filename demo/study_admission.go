package demo

import (
	"context"
	"fmt"
	"time"

	"laeringsliv"
)

// seedAdmission records formal qualifications, prior-learning applications with decisions,
// and the exam registrations of one workplace. Two skilled workers who do not register show
// the other outcomes: one rejected, one asked for more documentation.
func seedAdmission(ctx context.Context, s laeringsliv.StudyService, clock *Clock, wid int64, ps []*participant, st staff) error {
	others := 0
	for n, p := range ps {
		clock.Set(morning(2017, time.August, 28)) // recorded when the programme's study part begins
		if p.degree {
			if err := s.AddQualification(ctx, &laeringsliv.Qualification{PersonID: p.id, Kind: laeringsliv.QualBachelorDegree, RecordedBy: st.admissions}); err != nil {
				return fmt.Errorf("demo: qualification: %w", err)
			}
		}
		if p.gsc {
			if err := s.AddQualification(ctx, &laeringsliv.Qualification{PersonID: p.id, Kind: laeringsliv.QualGeneralStudy, RecordedBy: st.admissions}); err != nil {
				return fmt.Errorf("demo: qualification: %w", err)
			}
		}
		switch {
		case p.pl:
			if err := applyAndDecide(ctx, s, clock, wid, p, laeringsliv.LevelBachelor, n, st, laeringsliv.DecisionApproved); err != nil {
				return err
			}
			if p.plMaster {
				if err := applyAndDecide(ctx, s, clock, wid, p, laeringsliv.LevelMaster, n, st, laeringsliv.DecisionApproved); err != nil {
					return err
				}
			}
		case skilled(p.prof) && !p.bachelor && others < 2:
			outcome := laeringsliv.DecisionRejected
			if others == 1 {
				outcome = laeringsliv.DecisionMoreDocument
			}
			if err := applyAndDecide(ctx, s, clock, wid, p, laeringsliv.LevelBachelor, -1, st, outcome); err != nil {
				return err
			}
			others++
		}
		for _, l := range []struct {
			on    bool
			level laeringsliv.Level
		}{{p.bachelor, laeringsliv.LevelBachelor}, {p.master, laeringsliv.LevelMaster}} {
			if !l.on {
				continue
			}
			clock.Set(registeredAt[l.level])
			if err := s.RegisterExam(ctx, &laeringsliv.ExamRegistration{WorkplaceID: wid, PersonID: p.id, Level: l.level}); err != nil {
				return fmt.Errorf("demo: exam registration: %w", err)
			}
		}
	}
	return nil
}

// registeredAt is when the demo's participants register for each exam.
var registeredAt = map[laeringsliv.Level]time.Time{
	laeringsliv.LevelBachelor: morning(2018, time.March, 15),
	laeringsliv.LevelMaster:   morning(2018, time.April, 16),
}

// appliedAt and decidedAt are when prior-learning applications for each level are filed and
// decided: for the bachelor exam at the start, for the master exam after AK2.
var appliedAt = map[laeringsliv.Level][2]time.Time{
	laeringsliv.LevelBachelor: {morning(2017, time.September, 4), morning(2017, time.October, 2)},
	laeringsliv.LevelMaster:   {morning(2018, time.February, 5), morning(2018, time.March, 5)},
}

// applyAndDecide files a prior-learning application for p and records the officer's decision.
// n varies the work history; a negative n gives a history too short for the rules.
func applyAndDecide(ctx context.Context, s laeringsliv.StudyService, clock *Clock, wid int64, p *participant, level laeringsliv.Level,
	n int, st staff, outcome laeringsliv.DecisionOutcome) error {
	clock.Set(appliedAt[level][0])
	a := &laeringsliv.PriorLearningApplication{WorkplaceID: wid, PersonID: p.id, Level: level, CreatedBy: p.id,
		Documents: workHistory(p.prof, n, outcome)}
	if level == laeringsliv.LevelMaster {
		a.CreatedBy = st.teachers[0] // a teacher applied for them, as in the article
	}
	if err := s.CreatePriorLearning(ctx, a); err != nil {
		return fmt.Errorf("demo: prior learning: %w", err)
	}
	clock.Set(appliedAt[level][1])
	d := &laeringsliv.PriorLearningDecision{ApplicationID: a.ID, Outcome: outcome, DecidedBy: st.admissions,
		Rationale: rationale(level, outcome)}
	if err := s.DecidePriorLearning(ctx, d); err != nil {
		return fmt.Errorf("demo: decision: %w", err)
	}
	return nil
}

func rationale(level laeringsliv.Level, outcome laeringsliv.DecisionOutcome) string {
	switch {
	case outcome == laeringsliv.DecisionRejected:
		return "Fagbrev foreligger, men dokumentert relevant praksis er under fem årsverk."
	case outcome == laeringsliv.DecisionMoreDocument:
		return "Vi trenger kopi av fagbrevet og attest med stillingsprosent for hele perioden."
	case level == laeringsliv.LevelMaster:
		return "Skjønnsmessig vurdering: fagbrev, lang relevant praksis med fagansvar og godkjente arbeidskrav " +
			"gir kompetanse tilsvarende bachelorgrad for dette emnet."
	}
	return "Fagbrev og minst fem årsverk relevant praksis: oppfyller kravet til generell studiekompetanse."
}

// workHistory returns a trade certificate (except when more documentation is needed) and one
// or two employment attestations, part-time and overlapping in some cases.
func workHistory(prof laeringsliv.Profession, n int, outcome laeringsliv.DecisionOutcome) []laeringsliv.PriorLearningDocument {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	cert := laeringsliv.PriorLearningDocument{Kind: laeringsliv.DocTradeCertificate, Title: certificateTitle(prof),
		Issuer: "Fylkeskommunen", From: day(2004+n%6, 6, 20)}
	if n < 0 {
		docs := []laeringsliv.PriorLearningDocument{{Kind: laeringsliv.DocEmployment, Title: "Arbeidsattest",
			Issuer: "Kommunen", From: day(2014, 8, 1), To: day(2016, 12, 31), PositionPct: 50, Tasks: "Helgevakter i omsorgsbolig", Relevant: true}}
		if outcome == laeringsliv.DecisionRejected {
			docs = append([]laeringsliv.PriorLearningDocument{cert}, docs...)
		}
		return docs
	}
	return []laeringsliv.PriorLearningDocument{cert,
		{Kind: laeringsliv.DocEmployment, Title: "Arbeidsattest", Issuer: "Privat omsorgsbedrift",
			From: day(2005+n%6, 1, 1), To: day(2011, 12, 31), PositionPct: 60 + float64(n%3)*10,
			Tasks: "Stell, pleie og miljøarbeid", Relevant: true},
		{Kind: laeringsliv.DocEmployment, Title: "Arbeidsattest", Issuer: "Kommunen",
			From: day(2011, 6, 1), PositionPct: 80, Tasks: "Miljøarbeid, medisinhåndtering, primærkontakt", Relevant: true},
	}
}

func certificateTitle(p laeringsliv.Profession) string {
	switch p {
	case laeringsliv.ProfessionAuxiliaryNurse:
		return "Fagbrev hjelpepleier"
	case laeringsliv.ProfessionCareWorker:
		return "Fagbrev omsorgsarbeider"
	}
	return "Fagbrev helsearbeiderfaget"
}
