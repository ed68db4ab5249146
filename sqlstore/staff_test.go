package sqlstore_test

import (
	"errors"
	"strconv"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestUpdateStaff saves employee numbers, positions and shift teams for a workplace's people;
// two of them swap numbers in one save; a number someone else has, or a person of another
// workplace, saves nothing; and a rota file may then name people by number.
func TestUpdateStaff(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		ola := newPerson(t, db, o.inst.ID, "Ola Nordmann", "ola@example.no")
		per := newPerson(t, db, o.inst.ID, "Per Hansen", "per@example.no")
		for _, m := range []*laeringsliv.Membership{
			{PersonID: o.person.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpA.ID},
			{PersonID: ola.ID, Role: laeringsliv.RoleContributor, WorkplaceID: o.wpA.ID},
			{PersonID: per.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpB.ID},
		} {
			must(t, db.CreateMembership(ctx, m))
		}
		must(t, db.UpdateStaff(ctx, o.wpA.ID, []laeringsliv.StaffDetails{
			{PersonID: o.person.ID, EmployeeNumber: " a-1001 ", PositionPct: 75, ShiftTeam: " Dag A "},
			{PersonID: ola.ID, EmployeeNumber: "1002", PositionPct: 30, ShiftTeam: "Helg 1"},
		}))
		kari, err := db.FindPerson(ctx, o.person.ID)
		must(t, err)
		if kari.EmployeeNumber != "A-1001" || kari.PositionPct != 75 || kari.ShiftTeam != "Dag A" {
			t.Fatalf("saved %+v", kari)
		}

		// A swap in one save.
		must(t, db.UpdateStaff(ctx, o.wpA.ID, []laeringsliv.StaffDetails{
			{PersonID: o.person.ID, EmployeeNumber: "1002", PositionPct: 75, ShiftTeam: "Dag A"},
			{PersonID: ola.ID, EmployeeNumber: "A-1001", PositionPct: 30, ShiftTeam: "Helg 1"},
		}))
		people, err := db.RotaPeople(ctx, o.wpA.ID)
		must(t, err)
		if people["1002"] != o.person.ID || people["a-1001"] != ola.ID || people["kari@example.no"] != o.person.ID {
			t.Fatalf("RotaPeople = %v", people)
		}

		// Per, at the other workplace, may not take Kari's number: nothing is saved.
		must(t, db.UpdateStaff(ctx, o.wpB.ID, []laeringsliv.StaffDetails{{PersonID: per.ID, EmployeeNumber: "2001", PositionPct: 50}}))
		err = db.UpdateStaff(ctx, o.wpB.ID, []laeringsliv.StaffDetails{{PersonID: per.ID, EmployeeNumber: "1002", PositionPct: 60}})
		var e *laeringsliv.Error
		if !errors.As(err, &e) || e.Code != laeringsliv.ECONFLICT || e.Key != "staff.error.number_taken" || e.Field != "number-"+strconv.FormatInt(per.ID, 10) {
			t.Fatalf("taking a number in use: %v", err)
		}
		if p, _ := db.FindPerson(ctx, per.ID); p.EmployeeNumber != "2001" || p.PositionPct != 50 {
			t.Errorf("after the refused save: %+v", p)
		}
		// Nor may one workplace's leader change another workplace's person.
		err = db.UpdateStaff(ctx, o.wpA.ID, []laeringsliv.StaffDetails{{PersonID: per.ID, EmployeeNumber: "3001"}})
		if laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
			t.Errorf("a person of another workplace: %v", err)
		}
		err = db.UpdateStaff(ctx, o.wpA.ID, []laeringsliv.StaffDetails{{PersonID: ola.ID, EmployeeNumber: "ola@example.no"}})
		if laeringsliv.ErrorCode(err) != laeringsliv.EINVALID {
			t.Errorf("an e-mail as number: %v", err)
		}

		// A rota file may name Kari by her number.
		p := importRota(t, db, o.wpA.ID, "email,date,start,end,code\n1002,2026-03-02,07:30,15:00,D\n")
		if len(p.Shifts) != 1 || p.Shifts[0].PersonID != o.person.ID {
			t.Errorf("by number: %+v", p.Shifts)
		}

		// A new person may not be created with a number in use, and that is not called an
		// e-mail problem.
		err = db.CreatePerson(ctx, &laeringsliv.Person{InstitutionID: o.inst.ID, Name: "Siri", Email: "siri@example.no",
			Profession: laeringsliv.ProfessionNurse, EmployeeNumber: "1002"})
		if !errors.As(err, &e) || e.Key != "staff.error.number_taken" {
			t.Errorf("a new person with a number in use: %v", err)
		}
	})
}
