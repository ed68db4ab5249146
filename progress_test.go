package laeringsliv_test

import (
	"context"
	"testing"
	"time"

	"laeringsliv"
)

type progressStub []laeringsliv.ProgressEvent

func (s progressStub) ProgressEvents(context.Context, int64) ([]laeringsliv.ProgressEvent, error) {
	return s, nil
}

// TestProgressReport counts by Norwegian year (New Year's Eve at 23:30 UTC is next year),
// covers the programme's years with zeros for a quiet one, shows a later year only for what
// happened in it, and adds the evidence of each year's gatherings.
func TestProgressReport(t *testing.T) {
	utc := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 30, 0, 0, time.UTC) }
	events := progressStub{
		{Kind: laeringsliv.ProgressParticipant, At: utc(2016, 12, 31, 23)},
		{Kind: laeringsliv.ProgressParticipant, At: utc(2017, 3, 1, 8)},
		{Kind: laeringsliv.ProgressInnovation, At: utc(2019, 5, 1, 8), Status: laeringsliv.InnovationImplemented},
		{Kind: laeringsliv.ProgressGathering, At: utc(2017, 9, 12, 6)},
		{Kind: laeringsliv.ProgressApproval, At: utc(2017, 11, 1, 6)},
		{Kind: laeringsliv.ProgressExam, At: utc(2019, 6, 1, 6)},
		{Kind: laeringsliv.ProgressExam, At: utc(2022, 6, 1, 6)}, // after the programme
	}
	prog := &laeringsliv.Programme{ID: 1, StartYear: 2017, EndYear: 2019}
	evidence := evidenceStub{{WorkplaceID: 1, GatheringID: 9, Start: utc(2017, 9, 12, 6), ReflectionLogs: 5, IPENotes: 3},
		{WorkplaceID: 1, IPENotes: 40}}
	got, err := laeringsliv.ProgressReport(context.Background(), events, evidence, studyStub{}, prog)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[0].Year != 2017 || got[1].Year != 2018 || got[2].Year != 2019 || got[3].Year != 2022 || got[3].Exams != 1 {
		t.Fatalf("years %+v", got)
	}
	y := got[0]
	if y.Participants != 2 || y.Gatherings != 1 || y.Approvals != 1 || y.Evidence != 8 {
		t.Errorf("2017 %+v", y)
	}
	if got[1].Participants != 0 || got[2].Innovations[laeringsliv.InnovationImplemented] != 1 || got[2].Exams != 1 {
		t.Errorf("2018 %+v 2019 %+v", got[1], got[2])
	}
	none, err := laeringsliv.ProgressReport(context.Background(), progressStub{}, evidenceStub{}, studyStub{}, prog)
	if err != nil || len(none) != 0 {
		t.Errorf("empty %v %v", none, err)
	}
}
