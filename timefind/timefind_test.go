package timefind

import (
	"math/rand/v2"
	"testing"
	"time"
)

var monday = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

// rotaPeople makes n people on a rotating day/evening/night rota over
// days, working about pct percent of the days.
func rotaPeople(r *rand.Rand, n, days, pct int) []Person {
	shifts := [][2]int{{7, 15}, {15, 22}, {22, 31}}
	kinds := []string{"day", "evening", Night}
	people := make([]Person, n)
	for i := range people {
		people[i].ID = int64(i + 1)
		offset := r.IntN(3)
		for d := range days {
			if r.IntN(100) >= pct {
				continue
			}
			k := (d/7 + offset) % 3
			sh := shifts[k]
			day := monday.AddDate(0, 0, d)
			people[i].Work = append(people[i].Work, Interval{Start: day.Add(time.Duration(sh[0]) * time.Hour),
				End: day.Add(time.Duration(sh[1]) * time.Hour), Kind: kinds[k]})
		}
	}
	return people
}

func dayWindow(days int) Window {
	return Window{First: monday, Last: monday.AddDate(0, 0, days-1), Earliest: 8 * time.Hour, Latest: 21 * time.Hour,
		Length: time.Hour, Step: 30 * time.Minute}
}

// bruteMinimum is the fewest candidates giving everyone one at which they
// are at work, or, for one who is at none, one needing the least of their
// own time; by trying every subset of growing size.
func bruteMinimum(people []Person, w Window) int {
	cands := w.Candidates()
	cov := make([]uint64, len(cands))
	var need uint64
	for p := range people {
		best := time.Duration(-1)
		for _, iv := range cands {
			if worked, _ := overlap(people[p].Work, iv); worked > best {
				best = worked
			}
		}
		for c, iv := range cands {
			if worked, _ := overlap(people[p].Work, iv); worked == best || best == w.Length && atWork(people[p].Work, iv) {
				cov[c] |= 1 << p
			}
		}
		need |= 1 << p
	}
	var try func(from, k int, got uint64) bool
	try = func(from, k int, got uint64) bool {
		if got == need {
			return true
		}
		if k == 0 {
			return false
		}
		for c := from; c < len(cands); c++ {
			if try(c+1, k-1, got|cov[c]) {
				return true
			}
		}
		return false
	}
	for k := 0; ; k++ {
		if try(0, k, 0) {
			return k
		}
	}
}

func TestFindMatchesExactMinimum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 60 {
		n := 4 + r.IntN(9)
		people := rotaPeople(r, n, 3, 40+r.IntN(50))
		w := dayWindow(3)
		w.Step = time.Hour
		res := Find(people, w, 1_000_000)
		want := bruteMinimum(people, w)
		if !res.Exact || len(res.Slots) != want {
			t.Fatalf("instance %d: %d slots (exact %v), minimum %d", i, len(res.Slots), res.Exact, want)
		}
		covered := map[int64]bool{}
		for _, s := range res.Slots {
			for _, id := range s.Attendees {
				covered[id] = true
			}
		}
		if len(covered)+len(res.OwnTime) != n {
			t.Fatalf("instance %d: %d covered + %d own time of %d", i, len(covered), len(res.OwnTime), n)
		}
	}
}

func TestFindTwoRepetitions(t *testing.T) {
	day := func(h0, h1 int) []Interval {
		return []Interval{{Start: monday.Add(time.Duration(h0) * time.Hour), End: monday.Add(time.Duration(h1) * time.Hour)}}
	}
	people := []Person{{ID: 1, Work: day(7, 15)}, {ID: 2, Work: day(7, 15)}, {ID: 3, Work: day(15, 22)},
		{ID: 4, Work: day(14, 22)}, {ID: 5}}
	res := Find(people, dayWindow(1), 1000)
	if len(res.Slots) != 2 || len(res.OwnTime) != 1 || res.OwnTime[0] != 5 || !res.Exact {
		t.Fatalf("result %+v", res)
	}
}

func BenchmarkFind200People4Weeks(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	people := rotaPeople(r, 200, 28, 70)
	w := dayWindow(28)
	var res Result
	for b.Loop() {
		res = Find(people, w, 200_000)
	}
	b.ReportMetric(float64(len(res.Slots)), "slots")
	b.ReportMetric(float64(len(res.OwnTime)), "own-time")
	exact := 0.0
	if res.Exact {
		exact = 1
	}
	b.ReportMetric(exact, "proven-minimal")
}

// The same workplace with a staffing minimum on every kind of shift: a
// meeting may not leave fewer than 12 on a day shift, 9 on an evening, 5 on
// a night, and 40 colleagues who are not invited stay at work.
func BenchmarkFind200People4WeeksWithMinimum(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	people := rotaPeople(r, 200, 28, 70)
	others := rotaPeople(r, 40, 28, 70)
	w := dayWindow(28)
	o := Options{Budget: 200_000, Minimum: map[string]int{"day": 12, "evening": 9, Night: 5}, Others: others}
	var res Result
	for b.Loop() {
		res = FindWith(people, w, o)
	}
	b.ReportMetric(float64(len(res.Slots)), "slots")
	b.ReportMetric(float64(len(res.OwnTime)), "own-time")
	b.ReportMetric(float64(len(res.Held)), "held")
	exact := 0.0
	if res.Exact {
		exact = 1
	}
	b.ReportMetric(exact, "proven-minimal")
}
