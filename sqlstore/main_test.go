package sqlstore_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestMain(m *testing.M) { os.Exit(sqltest.RunMain(m)) }

var ctx = context.Background()

// org is a small institution: two programmes, two workplaces in the first.
type org struct {
	inst   *laeringsliv.Institution
	prog   *laeringsliv.Programme
	other  *laeringsliv.Programme
	wpA    *laeringsliv.Workplace
	wpB    *laeringsliv.Workplace
	person *laeringsliv.Person
}

func newOrg(t *testing.T, db *sqlstore.DB) *org {
	t.Helper()
	o := &org{inst: &laeringsliv.Institution{Name: "Universitetet i Sørøst-Norge"}}
	must(t, db.CreateInstitution(ctx, o.inst))
	o.prog = newProgramme(t, db, o.inst.ID, "Medarbeiderdrevet innovasjon")
	o.other = newProgramme(t, db, o.inst.ID, "Master module")
	o.wpA = newWorkplace(t, db, o.prog.ID, "Bofellesskap A")
	o.wpB = newWorkplace(t, db, o.prog.ID, "Hjemmetjenesten B")
	o.person = newPerson(t, db, o.inst.ID, "Kari Nordmann", "kari@example.no")
	return o
}

func newProgramme(t *testing.T, db *sqlstore.DB, instID int64, name string) *laeringsliv.Programme {
	t.Helper()
	p := &laeringsliv.Programme{InstitutionID: instID, Name: name, StartYear: 2019, EndYear: 2021,
		Level: laeringsliv.LevelBachelor, ECTS: 15}
	must(t, db.CreateProgramme(ctx, p))
	return p
}

func newWorkplace(t *testing.T, db *sqlstore.DB, progID int64, name string) *laeringsliv.Workplace {
	t.Helper()
	w := &laeringsliv.Workplace{ProgrammeID: progID, Name: name, Municipality: "Drammen",
		ServiceKind: laeringsliv.ServiceHomeCare, FTEs: 17.5}
	must(t, db.CreateWorkplace(ctx, w))
	return w
}

func newPerson(t *testing.T, db *sqlstore.DB, instID int64, name, email string) *laeringsliv.Person {
	t.Helper()
	p := &laeringsliv.Person{InstitutionID: instID, Name: name, Email: email,
		Profession: laeringsliv.ProfessionNurse, PositionPct: 80, ShiftTeam: "Helg A", Locale: "nb"}
	must(t, db.CreatePerson(ctx, p))
	return p
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantCode fails unless err is a *laeringsliv.Error with code and, when key is set, key.
func wantCode(t *testing.T, err error, code, key string) {
	t.Helper()
	var e *laeringsliv.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want *laeringsliv.Error %s", err, code)
	}
	if e.Code != code || (key != "" && e.Key != key) {
		t.Fatalf("err = %s/%s, want %s/%s", e.Code, e.Key, code, key)
	}
}

func wantNotFound(t *testing.T, err error) {
	t.Helper()
	wantCode(t, err, laeringsliv.ENOTFOUND, "error.not_found")
}

// recent reports whether tm is a UTC time within the last minute.
func recent(tm time.Time) bool {
	return tm.Location() == time.UTC && time.Since(tm) < time.Minute && !tm.After(time.Now())
}
