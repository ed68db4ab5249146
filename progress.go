package laeringsliv

import (
	"context"
	"sort"
	"sync"
	"time"
)

// ProgressEventKind is a kind of dated event the funder's progress report counts.
type ProgressEventKind string

const (
	ProgressParticipant ProgressEventKind = "participant" // a participant enrolled (membership created)
	ProgressApproval    ProgressEventKind = "approval"    // a submission approved (its last assessment)
	ProgressExam        ProgressEventKind = "exam"        // an exam registration
	ProgressInnovation  ProgressEventKind = "innovation"  // an innovation reached Status
	ProgressGathering   ProgressEventKind = "gathering"   // a gathering began
)

// ProgressEvent is one dated event of a programme.
type ProgressEvent struct {
	Kind   ProgressEventKind
	At     time.Time
	Status InnovationStatus // for ProgressInnovation
}

// ProgressCounter lists the dated events of a programme; the store implements it.
type ProgressCounter interface {
	ProgressEvents(ctx context.Context, programmeID int64) ([]ProgressEvent, error)
}

// ProgressYear is one year of the yearly progress report for the funder. Counts are of what
// happened in the year (Norwegian time): participants enrolled, submissions approved, exam
// registrations, innovations reaching each status, gatherings begun, and the material of
// Table 1 collected at those gatherings (material tied to no gathering has no year).
type ProgressYear struct {
	Year         int
	Participants int
	Approvals    int
	Exams        int
	Innovations  map[InnovationStatus]int
	Gatherings   int
	Evidence     int
}

// Norway returns Norway's time zone, in which the platform shows times, places gatherings and
// counts the years of reports. It is loaded once, here and nowhere else (main embeds
// time/tzdata, so it loads on any machine); without a zone database it falls back to CET.
var Norway = sync.OnceValue(func() *time.Location {
	if l, err := time.LoadLocation("Europe/Oslo"); err == nil {
		return l
	}
	return time.FixedZone("CET", 3600)
})

// ProgressReport builds the yearly progress report of a programme, oldest year first. It
// covers the programme's years, a quiet one showing as zeros; a year outside them shows only
// when something happened in it, so that nothing counted is hidden and no run of empty years
// is made up. With nothing at all to count it is empty.
func ProgressReport(ctx context.Context, pc ProgressCounter, ec EvidenceCounter, sc StudyCounter, prog *Programme) ([]*ProgressYear, error) {
	events, err := pc.ProgressEvents(ctx, prog.ID)
	if err != nil {
		return nil, err
	}
	evidence, err := EvidenceTable(ctx, ec, sc, prog.ID)
	if err != nil {
		return nil, err
	}
	return progressYears(events, evidence[:len(evidence)-1], prog.StartYear, prog.EndYear), nil
}

func progressYears(events []ProgressEvent, evidence []*EvidenceRow, first, last int) []*ProgressYear {
	years := map[int]*ProgressYear{}
	year := func(t time.Time) *ProgressYear {
		y := t.In(Norway()).Year()
		if years[y] == nil {
			years[y] = &ProgressYear{Year: y, Innovations: map[InnovationStatus]int{}}
		}
		return years[y]
	}
	for _, e := range events {
		y := year(e.At)
		switch e.Kind {
		case ProgressParticipant:
			y.Participants++
		case ProgressApproval:
			y.Approvals++
		case ProgressExam:
			y.Exams++
		case ProgressInnovation:
			y.Innovations[e.Status]++
		case ProgressGathering:
			y.Gatherings++
		}
	}
	for _, r := range evidence {
		if r.GatheringID != 0 {
			year(r.Start).Evidence += r.Sum()
		}
	}
	if len(years) == 0 {
		return nil
	}
	for y := first; y <= last; y++ {
		if years[y] == nil {
			years[y] = &ProgressYear{Year: y, Innovations: map[InnovationStatus]int{}}
		}
	}
	out := make([]*ProgressYear, 0, len(years))
	for _, y := range years {
		out = append(out, y)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Year < out[b].Year })
	return out
}
