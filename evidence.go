package laeringsliv

import (
	"context"
	"sort"
	"time"
)

// EvidenceRow is one row of the article's Table 1 ("Materialet"): what was collected in
// connection with one gathering of one workplace, counted from the data.
//
// The mapping from stored rows to columns, and from rows to gatherings, is decided here and
// nowhere else:
//
//   - ReflectionLogs: delivered versions (not drafts) of the requirement coded AK1, the
//     individual reflection log. Each delivered version is a text the researchers hold.
//   - Presentations: delivered versions of every other requirement (AK2 and AK3, the group
//     presentations), plus reading-workshop groups whose shared presentation is not empty
//     (the article's photos of the flipchart).
//   - Videos: video files attached to those delivered submissions.
//   - IPENotes: notes in the hat of every IPE session held at the gathering.
//   - Evaluations: IPE sessions at the gathering whose kind is an evaluation (of the gathering
//     or of an idea).
//   - ExamPapers: eligible exam registrations, counted with the exam list's rules (the same
//     as Table 2): bachelor papers at the last gathering that is not the master gathering,
//     master papers at the master gathering, or the last gathering when there is none.
//
// A submission belongs to the gathering its requirement is due at (the workplace's first
// gathering of that kind); one due at a date belongs to the last gathering begun by then, in
// whose interim period it was written (AK1 after the start-up gathering), or the first when
// none had begun. An IPE session or a reading workshop belongs to the gathering it names, or
// whose agenda links it. Material that belongs to no gathering is counted in a row of the
// workplace with GatheringID 0, so that nothing collected goes missing from the totals.
type EvidenceRow struct {
	WorkplaceID    int64
	Workplace      string
	GatheringID    int64 // 0: not tied to a gathering; also 0 in the total row
	Gathering      string
	Kind           GatheringKind
	Start          time.Time
	ReflectionLogs int
	IPENotes       int
	Presentations  int
	Videos         int
	Evaluations    int
	ExamPapers     int
}

// Sum returns the number of items in the row.
func (r *EvidenceRow) Sum() int {
	return r.ReflectionLogs + r.IPENotes + r.Presentations + r.Videos + r.Evaluations + r.ExamPapers
}

func (r *EvidenceRow) add(o *EvidenceRow) {
	r.ReflectionLogs += o.ReflectionLogs
	r.IPENotes += o.IPENotes
	r.Presentations += o.Presentations
	r.Videos += o.Videos
	r.Evaluations += o.Evaluations
	r.ExamPapers += o.ExamPapers
}

// EvidenceCounter counts the material collected per gathering of a programme's workplaces;
// the store implements it. Rows come per workplace in the order the workplaces were created,
// gatherings by start, then the workplace's row of material tied to no gathering if it has
// any. Exam papers are left zero for EvidenceTable to fill in from a StudyCounter.
type EvidenceCounter interface {
	EvidenceCounts(ctx context.Context, programmeID int64) ([]*EvidenceRow, error)
}

// EvidenceTable builds Table 1 of a programme: the rows of EvidenceCounts with the exam papers
// placed at their gatherings, and a final total row whose Workplace is "Total".
func EvidenceTable(ctx context.Context, ec EvidenceCounter, sc StudyCounter, programmeID int64) ([]*EvidenceRow, error) {
	rows, err := ec.EvidenceCounts(ctx, programmeID)
	if err != nil {
		return nil, err
	}
	study, err := sc.StudyCounts(ctx, programmeID)
	if err != nil {
		return nil, err
	}
	PlaceExamPapers(rows, study)
	total := &EvidenceRow{Workplace: "Total"}
	for _, r := range rows {
		total.add(r)
	}
	return append(rows, total), nil
}

// PlaceExamPapers adds each workplace's eligible exam registrations to the gathering they
// belong to (see EvidenceRow); a workplace without gatherings gets them in its row of
// material tied to no gathering, added when missing.
func PlaceExamPapers(rows []*EvidenceRow, study map[int64]StudyCounts) {
	bachelor, master := map[int64]*EvidenceRow{}, map[int64]*EvidenceRow{}
	seen := map[int64]bool{}
	for _, r := range rows {
		seen[r.WorkplaceID] = true
		if r.GatheringID == 0 {
			continue
		}
		if r.Kind == GatheringMaster {
			master[r.WorkplaceID] = r
		} else {
			bachelor[r.WorkplaceID] = r
		}
		if master[r.WorkplaceID] == nil || master[r.WorkplaceID].Kind != GatheringMaster {
			master[r.WorkplaceID] = r // the last gathering until a master gathering is seen
		}
	}
	for _, r := range rows {
		if r.GatheringID == 0 && bachelor[r.WorkplaceID] == nil {
			bachelor[r.WorkplaceID], master[r.WorkplaceID] = r, r
		}
	}
	wps := make([]int64, 0, len(study))
	for wp := range study {
		wps = append(wps, wp)
	}
	sort.Slice(wps, func(i, j int) bool { return wps[i] < wps[j] })
	for _, wp := range wps {
		c := study[wp]
		if !seen[wp] || c.ExamBachelor+c.ExamMaster == 0 {
			continue // not a workplace of these rows, or nothing to place
		}
		if b := bachelor[wp]; b != nil {
			b.ExamPapers += c.ExamBachelor
		}
		if m := master[wp]; m != nil {
			m.ExamPapers += c.ExamMaster
		}
	}
}

// EvidenceGathering is a gathering as the evidence attribution needs it.
type EvidenceGathering struct {
	ID    int64
	Kind  GatheringKind
	Start time.Time
}

// GatheringOfRequirement returns the gathering (of one workplace's gatherings, sorted by
// start) that a submission to a requirement belongs to, or 0; see EvidenceRow.
func GatheringOfRequirement(gs []EvidenceGathering, dueKind GatheringKind, dueAt time.Time) int64 {
	if dueKind != "" {
		for _, g := range gs {
			if g.Kind == dueKind {
				return g.ID
			}
		}
		return 0
	}
	if len(gs) == 0 {
		return 0
	}
	id := gs[0].ID
	for _, g := range gs {
		if !g.Start.After(dueAt) {
			id = g.ID
		}
	}
	return id
}
