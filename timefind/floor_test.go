package timefind

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func span(day, h0, h1 int, kind string) Interval {
	d := monday.AddDate(0, 0, day)
	return Interval{Start: d.Add(time.Duration(h0) * time.Hour), End: d.Add(time.Duration(h1) * time.Hour), Kind: kind}
}

// Four day workers and one who stays at work; the day shift must keep two.
// One meeting would take all four off the floor; with the minimum, three may
// go at once (leaving two), so a second repetition takes the fourth.
func TestFindKeepsStaffingMinimum(t *testing.T) {
	var people []Person
	for id := int64(1); id <= 4; id++ {
		people = append(people, Person{ID: id, Work: []Interval{span(0, 7, 15, "day")}})
	}
	others := []Person{{ID: 99, Work: []Interval{span(0, 7, 15, "day")}}}
	w := dayWindow(1)
	free := FindWith(slices.Clone(people), w, Options{Others: others})
	if len(free.Slots) != 1 || !free.Exact || free.Slots[0].Floor[0].Left != 1 {
		t.Fatalf("without a minimum: %+v", free)
	}
	res := FindWith(people, w, Options{Minimum: map[string]int{"day": 2}, Others: others})
	if len(res.Slots) != 2 || res.Exact || len(res.Held) != 0 || len(res.OwnTime) != 0 {
		t.Fatalf("with a minimum of 2: %+v", res)
	}
	for _, sl := range res.Slots {
		if len(sl.Floor) != 1 || sl.Floor[0].Kind != "day" || sl.Floor[0].Left < 2 || sl.Floor[0].Minimum != 2 ||
			sl.Floor[0].Left+len(sl.Attendees) != 5 || len(sl.OnShift) != 4 {
			t.Fatalf("slot %+v", sl)
		}
	}
	held := FindWith(people[:1], w, Options{Minimum: map[string]int{"day": 5}})
	if len(held.Held) != 1 || len(held.Slots) != 0 {
		t.Fatalf("a minimum above the staff: %+v", held)
	}
}

// The minimum is never drawn below, on random rotas.
func TestFindNeverDrawsBelowMinimum(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 40 {
		people := rotaPeople(r, 10+r.IntN(30), 5, 60)
		minimum := map[string]int{"day": r.IntN(6), "evening": r.IntN(4), Night: r.IntN(3)}
		res := FindWith(people, dayWindow(5), Options{Minimum: minimum, Budget: 20_000})
		placed := len(res.Held)
		for _, sl := range res.Slots {
			placed += len(sl.Attendees) + len(sl.OwnTime)
			for _, fl := range sl.Floor {
				if fl.Drawn > 0 && fl.Left < fl.Minimum {
					t.Fatalf("instance %d: %s left %d of minimum %d", i, fl.Kind, fl.Left, fl.Minimum)
				}
			}
		}
		if placed != len(people) {
			t.Fatalf("instance %d: %d placed of %d", i, placed, len(people))
		}
	}
}

// Someone who is never at work during the window but whose shift ends in
// it comes to the time that needs least of their own time; a night worker
// off in the morning is named as just off a night.
func TestFindLeastOwnTimeAndAfterNight(t *testing.T) {
	people := []Person{
		{ID: 1, Work: []Interval{span(0, 7, 15, "day")}},
		{ID: 2, Work: []Interval{span(0, 6, 9, "day")}}, // ends 09:00: 08:00–09:00 is at work
		{ID: 3, Work: []Interval{span(-1, 22, 31, Night)}},
		{ID: 4, Work: []Interval{span(0, 20, 23, "evening")}}, // begins 20:00, window ends 21:00
	}
	w := dayWindow(1)
	res := Find(people, w, 10_000)
	if len(res.Slots) != 2 || !res.Exact {
		t.Fatalf("slots %+v", res)
	}
	if res.OwnMinutes != 60 || !slices.Equal(res.OwnTime, []int64{3}) {
		t.Fatalf("own time %d for %v, want 60 for night worker 3 only", res.OwnMinutes, res.OwnTime)
	}
	first := res.Slots[0]
	if !first.Start.Equal(monday.Add(8*time.Hour)) || !slices.Contains(first.AfterNight, 3) || !slices.Contains(first.OnShift, 2) ||
		!slices.Contains(first.Off, 4) {
		t.Fatalf("first slot %+v", first)
	}
	if last := res.Slots[1]; !last.Start.Equal(monday.Add(20*time.Hour)) || !slices.Contains(last.Attendees, 4) {
		t.Fatalf("last slot %+v", last)
	}
}
