package sqlstore_test

import (
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/rota"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func importRota(t *testing.T, db *sqlstore.DB, wpID int64, file string) *rota.Period {
	t.Helper()
	shifts, ps := rota.Parse([]byte(file), rota.Columns{})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	people, err := db.RotaPeople(ctx, wpID)
	must(t, err)
	if ps := rota.CheckPeople(shifts, func(p string) bool { return people[p] != 0 }); len(ps) > 0 {
		t.Fatal(ps)
	}
	for i := range shifts {
		shifts[i].PersonID = people[shifts[i].Person]
	}
	p := rota.NewPeriod(wpID, shifts)
	must(t, db.SaveRotaPeriod(ctx, p))
	return p
}

// TestRotaPeriods saves a rota, replaces part of it with a later import,
// rolls that back and checks which shifts are in force at each step, and
// that another workplace's rota stays apart.
func TestRotaPeriods(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: o.person.ID, Role: laeringsliv.RoleParticipant,
			ProgrammeID: o.prog.ID, WorkplaceID: o.wpA.ID}))
		people, err := db.RotaPeople(ctx, o.wpA.ID)
		must(t, err)
		if people["kari@example.no"] != o.person.ID || len(people) != 1 {
			t.Fatalf("RotaPeople = %v", people)
		}
		first := importRota(t, db, o.wpA.ID, "email,date,start,end,code\n"+
			"Kari@example.no,2026-03-02,22:30,07:30,N\nkari@example.no,2026-03-05,07:30,15:00,D\n")
		if first.From.Format("2006-01-02") != "2026-03-02" || first.To.Format("2006-01-02") != "2026-03-05" {
			t.Errorf("period %v–%v", first.From, first.To)
		}
		shifts, err := db.FindShifts(ctx, sqlstore.ShiftFilter{PersonID: o.person.ID})
		must(t, err)
		if len(shifts) != 2 || shifts[0].Duration() != 9*time.Hour || shifts[0].Code != "N" {
			t.Fatalf("shifts = %+v", shifts)
		}
		second := importRota(t, db, o.wpA.ID, "email,date,start,end,code\nkari@example.no,2026-03-04,15:00,22:30,A\n")
		shifts, err = db.FindShifts(ctx, sqlstore.ShiftFilter{WorkplaceID: o.wpA.ID})
		must(t, err)
		if len(shifts) != 1 || shifts[0].Code != "A" {
			t.Fatalf("after replacing: %+v", shifts)
		}
		old, err := db.FindRotaPeriod(ctx, first.ID)
		must(t, err)
		if old.Status != rota.StatusReplaced || old.ReplacedBy != second.ID || old.ShiftCount != 2 {
			t.Errorf("replaced period = %+v", old)
		}
		must(t, db.RollBackRotaPeriod(ctx, second.ID))
		shifts, err = db.FindShifts(ctx, sqlstore.ShiftFilter{WorkplaceID: o.wpA.ID,
			From: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)})
		must(t, err)
		if len(shifts) != 2 {
			t.Fatalf("after rollback, 3–10 March: %+v", shifts)
		}
		wantCode(t, db.RollBackRotaPeriod(ctx, second.ID), laeringsliv.EINVALID, "rota.error.not_active")
		list, err := db.FindRotaPeriods(ctx, o.wpA.ID)
		must(t, err)
		if len(list) != 2 || list[0].ID != second.ID || list[0].Status != rota.StatusRolledBack || list[1].Status != rota.StatusActive {
			t.Errorf("periods = %+v %+v", list[0], list[1])
		}
		if other, err := db.FindShifts(ctx, sqlstore.ShiftFilter{WorkplaceID: o.wpB.ID}); err != nil || len(other) != 0 {
			t.Errorf("other workplace sees %v, %v", other, err)
		}
		wantCode(t, db.SaveRotaPeriod(ctx, &rota.Period{WorkplaceID: o.wpA.ID}), laeringsliv.EINVALID, "rota.error.empty")
	})
}
