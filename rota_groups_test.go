package laeringsliv_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/grouping"
)

// Eight people on two shifts (four days, four evenings): groups by shared shifts keep each
// shift together, and a wish to be apart is kept by swapping a pair across.
func TestFormGroupsByShifts(t *testing.T) {
	from := time.Date(2018, 1, 8, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 0, 7)
	work := laeringsliv.ShiftWork{}
	var people []int64
	for id := int64(1); id <= 8; id++ {
		people = append(people, id)
		start := 7
		if id%2 == 0 {
			start = 15
		}
		for d := range 5 {
			day := from.AddDate(0, 0, d).Add(time.Duration(start) * time.Hour)
			work[id] = append(work[id], grouping.Span{Start: day, End: day.Add(7 * time.Hour)})
		}
	}
	groups, err := laeringsliv.FormGroupsByShifts(people, work, from, to, nil, grouping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	hours := laeringsliv.GroupSharedHours(groups, work, from, to)
	if len(groups) != 2 || hours[0] != 6*35 || hours[1] != 6*35 {
		t.Fatalf("groups %v, shared hours %v; want two shifts of four, 210 hours each", groups, hours)
	}
	wishes := []laeringsliv.GroupWish{{PersonID: 1, OtherID: 3, Together: false}}
	groups, err = laeringsliv.FormGroupsByShifts(people, work, from, to, wishes, grouping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if kept, total := laeringsliv.KeptWishes(groups, wishes); kept != 1 || total != 1 {
		t.Fatalf("wish not kept: %v", groups)
	}
	if _, err := laeringsliv.FormGroupsByShifts(nil, work, from, to, nil, grouping.Options{}); err == nil {
		t.Fatal("no people: want an error")
	}
}
