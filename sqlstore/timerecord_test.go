package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestTimeRecords records, changes and deletes a participant's time and sums the shares per
// workplace and month, another workplace's kept apart, on both engines.
func TestTimeRecords(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		other := newPerson(t, db, o.inst.ID, "Ola Nordmann", "ola@example.no")
		day := func(m time.Month, d int) time.Time { return time.Date(2018, m, d, 0, 0, 0, 0, time.UTC) }
		add := func(p *laeringsliv.Person, wp *laeringsliv.Workplace, d time.Time, min int, own bool) *laeringsliv.TimeRecord {
			r := &laeringsliv.TimeRecord{WorkplaceID: wp.ID, PersonID: p.ID, Day: d, Minutes: min,
				Activity: laeringsliv.TimeStudy, Note: "Lese pensum", OwnTime: own}
			must(t, db.CreateTimeRecord(ctx, r))
			return r
		}
		a := add(o.person, o.wpA, day(1, 10), 45, false)
		add(o.person, o.wpA, day(1, 12), 30, true)
		add(other, o.wpA, day(1, 20), 60, true)
		add(o.person, o.wpA, day(2, 1), 20, false)
		add(other, o.wpB, day(1, 3), 90, false)
		if a.InstitutionID != o.inst.ID || a.ID == 0 {
			t.Fatalf("created %+v", a)
		}

		list, err := db.FindTimeRecords(ctx, o.person.ID, o.wpA.ID)
		must(t, err)
		if len(list) != 3 || !list[0].Day.Equal(day(2, 1)) || list[2].Minutes != 45 || list[1].OwnTime != true {
			t.Fatalf("own records %+v", list)
		}
		a.Minutes, a.OwnTime, a.Activity, a.Note = 50, true, laeringsliv.TimeInnovation, "Møte i arbeidsgruppa"
		must(t, db.UpdateTimeRecord(ctx, a))
		got, err := db.FindTimeRecord(ctx, a.ID)
		must(t, err)
		if got.Minutes != 50 || !got.OwnTime || got.Activity != laeringsliv.TimeInnovation || got.PersonID != o.person.ID ||
			!got.Day.Equal(day(1, 10)) {
			t.Fatalf("updated %+v", got)
		}

		shares, err := db.TimeShares(ctx, laeringsliv.TimeShareFilter{WorkplaceID: o.wpA.ID})
		must(t, err)
		want := []laeringsliv.TimeShare{{WorkplaceID: o.wpA.ID, Month: day(1, 1), WorkMinutes: 0, OwnMinutes: 140, People: 2},
			{WorkplaceID: o.wpA.ID, Month: day(2, 1), WorkMinutes: 20, People: 1}}
		if len(shares) != 2 || shares[0] != want[0] || shares[1] != want[1] {
			t.Fatalf("shares %+v, want %+v", shares, want)
		}
		all, err := db.TimeShares(ctx, laeringsliv.TimeShareFilter{ProgrammeID: o.prog.ID})
		must(t, err)
		if len(all) != 3 || all[2].WorkplaceID != o.wpB.ID || all[2].WorkMinutes != 90 {
			t.Fatalf("programme shares %+v", all)
		}
		if none, err := db.TimeShares(ctx, laeringsliv.TimeShareFilter{ProgrammeID: o.other.ID}); err != nil || len(none) != 0 {
			t.Fatalf("other programme: %v %v", none, err)
		}

		must(t, db.DeleteTimeRecord(ctx, a.ID))
		if _, err := db.FindTimeRecord(ctx, a.ID); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Fatalf("deleted record: %v", err)
		}
		if err := db.DeleteTimeRecord(ctx, a.ID); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Fatalf("delete twice: %v", err)
		}
		bad := &laeringsliv.TimeRecord{WorkplaceID: o.wpA.ID, PersonID: o.person.ID, Day: day(1, 1), Minutes: 0, Activity: laeringsliv.TimeStudy}
		if err := db.CreateTimeRecord(ctx, bad); laeringsliv.ErrorKey(err) != "timerecord.error.minutes" {
			t.Fatalf("zero minutes: %v", err)
		}
	})
}
