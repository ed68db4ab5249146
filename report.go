package laeringsliv

import "context"

// ParticipationRow is one row of the article's Table 2: a workplace's participation and what
// came of it. The total row has WorkplaceID 0.
type ParticipationRow struct {
	WorkplaceID  int64
	Workplace    string
	FTEs         float64
	Enrolled     int // participant memberships
	Approved     int // all work requirements approved
	ExamBachelor int
	ExamMaster   int
	Innovations  int // innovations whose status Counts
}

// StudyCounts are the counts of Table 2 that the study programme owns.
type StudyCounts struct {
	Approved     int
	ExamBachelor int
	ExamMaster   int
}

// StudyCounter reports, per workplace of a programme, how many participants had all work
// requirements approved and how many registered for each exam. The study programme's store
// implements it; the report takes it as a dependency so that it never reads those tables.
type StudyCounter interface {
	StudyCounts(ctx context.Context, programmeID int64) (map[int64]StudyCounts, error)
}

// NoStudyCounts is the StudyCounter of a deployment without the study programme: every count
// is zero.
type NoStudyCounts struct{}

// StudyCounts returns no counts.
func (NoStudyCounts) StudyCounts(context.Context, int64) (map[int64]StudyCounts, error) {
	return map[int64]StudyCounts{}, nil
}

// ReportService computes reports from what is stored; nothing in a report is typed in.
type ReportService interface {
	// ParticipationCounts returns, per workplace of a programme in the order they were created, FTEs, enrolled
	// and innovations; the study counts are left zero for a StudyCounter to fill in.
	ParticipationCounts(ctx context.Context, programmeID int64) ([]*ParticipationRow, error)
}

// ParticipationTable builds Table 2 of a programme: the rows of the workplaces, with the
// study counts filled in, and a final total row whose Workplace is "Total".
func ParticipationTable(ctx context.Context, rs ReportService, sc StudyCounter, programmeID int64) ([]*ParticipationRow, error) {
	rows, err := rs.ParticipationCounts(ctx, programmeID)
	if err != nil {
		return nil, err
	}
	study, err := sc.StudyCounts(ctx, programmeID)
	if err != nil {
		return nil, err
	}
	total := &ParticipationRow{Workplace: "Total"}
	for _, r := range rows {
		c := study[r.WorkplaceID]
		r.Approved, r.ExamBachelor, r.ExamMaster = c.Approved, c.ExamBachelor, c.ExamMaster
		total.FTEs += r.FTEs
		total.Enrolled += r.Enrolled
		total.Approved += r.Approved
		total.ExamBachelor += r.ExamBachelor
		total.ExamMaster += r.ExamMaster
		total.Innovations += r.Innovations
	}
	return append(rows, total), nil
}
