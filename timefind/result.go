package timefind

import "sort"

// result describes the plan: per slot who comes and how, who is at work
// or off, and the staff left on each kind of shift.
func (g *grid) result(cands []Interval, f *floorTable, pl *plan, exact bool) Result {
	res := Result{Exact: exact}
	slots := make([]Slot, len(pl.slots))
	drawn := make([]map[int]int, len(pl.slots))
	for s, c := range pl.slots {
		slots[s] = Slot{Start: cands[c].Start, End: cands[c].End}
		drawn[s] = map[int]int{}
	}
	for p, person := range g.people {
		s := pl.slotOf[p]
		if s < 0 {
			res.Held = append(res.Held, person.ID)
			continue
		}
		c := pl.slots[s]
		if g.atWork(p, c) {
			drawn[s][f.index[g.kind[p][c]]]++
		}
		if own := int(g.own[p][c]); own > 0 {
			slots[s].OwnTime = append(slots[s].OwnTime, OwnTime{ID: person.ID, Minutes: own})
			res.OwnTime = append(res.OwnTime, person.ID)
			res.OwnMinutes += own
		} else {
			slots[s].Attendees = append(slots[s].Attendees, person.ID)
		}
	}
	for s, c := range pl.slots {
		g.describe(&slots[s], c, f, drawn[s])
	}
	for _, sl := range slots {
		if len(sl.Attendees)+len(sl.OwnTime) > 0 { // a slot whose people were all held goes
			res.Slots = append(res.Slots, sl)
		}
	}
	sort.Slice(res.Slots, func(i, j int) bool { return res.Slots[i].Start.Before(res.Slots[j].Start) })
	return res
}

// describe fills in who is at work and off during a slot, who just came
// off a night, and the staff left per kind of shift.
func (g *grid) describe(sl *Slot, c int, f *floorTable, drawn map[int]int) {
	for p, person := range g.people {
		switch {
		case g.atWork(p, c):
			sl.OnShift = append(sl.OnShift, person.ID)
		default:
			sl.Off = append(sl.Off, person.ID)
			if offNight(person.Work, sl.Start) {
				sl.AfterNight = append(sl.AfterNight, person.ID)
			}
		}
	}
	for k, kind := range f.kinds {
		if on := f.at(c, k); on > 0 || f.minimum[k] > 0 {
			sl.Floor = append(sl.Floor, Floor{Kind: kind, Drawn: drawn[k], Left: on - drawn[k], Minimum: f.minimum[k]})
		}
	}
}
