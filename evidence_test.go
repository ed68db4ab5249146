package laeringsliv_test

import (
	"context"
	"testing"
	"time"

	"laeringsliv"
)

func TestGatheringOfRequirement(t *testing.T) {
	day := func(m time.Month) time.Time { return time.Date(2018, m, 1, 0, 0, 0, 0, time.UTC) }
	gs := []laeringsliv.EvidenceGathering{{1, laeringsliv.GatheringStartUp, day(1)},
		{2, laeringsliv.GatheringImplementation, day(3)}, {3, laeringsliv.GatheringEvaluation, day(5)}}
	tests := []struct {
		name string
		gs   []laeringsliv.EvidenceGathering
		kind laeringsliv.GatheringKind
		due  time.Time
		want int64
	}{
		{"due at a kind", gs, laeringsliv.GatheringEvaluation, time.Time{}, 3},
		{"kind missing", gs, laeringsliv.GatheringMaster, time.Time{}, 0},
		{"date in the interim", gs, "", day(4), 2},
		{"date on the start", gs, "", day(3), 2},
		{"date before all", gs, "", day(1).AddDate(-1, 0, 0), 1},
		{"no gatherings", nil, "", day(4), 0},
	}
	for _, tt := range tests {
		if got := laeringsliv.GatheringOfRequirement(tt.gs, tt.kind, tt.due); got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}
}

type evidenceStub []*laeringsliv.EvidenceRow

func (s evidenceStub) EvidenceCounts(context.Context, int64) ([]*laeringsliv.EvidenceRow, error) {
	return s, nil
}

type studyStub map[int64]laeringsliv.StudyCounts

func (s studyStub) StudyCounts(context.Context, int64) (map[int64]laeringsliv.StudyCounts, error) {
	return s, nil
}

// TestEvidenceTable places bachelor papers at the last gathering before the master gathering,
// master papers at the master gathering or the last one, and totals every column.
func TestEvidenceTable(t *testing.T) {
	rows := evidenceStub{
		{WorkplaceID: 1, GatheringID: 10, Kind: laeringsliv.GatheringStartUp, ReflectionLogs: 15},
		{WorkplaceID: 1, GatheringID: 11, Kind: laeringsliv.GatheringEvaluation, Videos: 2},
		{WorkplaceID: 1, GatheringID: 12, Kind: laeringsliv.GatheringMaster},
		{WorkplaceID: 2, GatheringID: 20, Kind: laeringsliv.GatheringStartUp, IPENotes: 8},
		{WorkplaceID: 2, GatheringID: 21, Kind: laeringsliv.GatheringEvaluation},
		{WorkplaceID: 3, IPENotes: 1}, // no gatherings
	}
	study := studyStub{1: {ExamBachelor: 4, ExamMaster: 3}, 2: {ExamBachelor: 9, ExamMaster: 1}, 3: {ExamBachelor: 2}, 99: {ExamBachelor: 5}}
	got, err := laeringsliv.EvidenceTable(context.Background(), rows, study, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{0, 4, 3, 0, 10, 2, 19}
	for i, w := range want {
		if got[i].ExamPapers != w {
			t.Errorf("row %d exam papers %d, want %d", i, got[i].ExamPapers, w)
		}
	}
	total := got[len(got)-1]
	if total.Workplace != "Total" || total.ReflectionLogs != 15 || total.IPENotes != 9 || total.Videos != 2 || total.Sum() != 45 {
		t.Errorf("total %+v", total)
	}
}
