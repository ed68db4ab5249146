package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestInstitution(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		if empty, err := db.Empty(ctx); err != nil || !empty {
			t.Fatalf("Empty() = %v, %v; want true", empty, err)
		}
		i := &laeringsliv.Institution{Name: "USN"}
		must(t, db.CreateInstitution(ctx, i))
		if i.ID == 0 || !recent(i.CreatedAt) {
			t.Fatalf("created %+v", i)
		}
		if empty, err := db.Empty(ctx); err != nil || empty {
			t.Fatalf("Empty() = %v, %v; want false", empty, err)
		}
		got, err := db.FindInstitution(ctx, i.ID)
		must(t, err)
		if *got != *i {
			t.Fatalf("found %+v, want %+v", got, i)
		}
		i.Name = "Universitetet i Sørøst-Norge"
		must(t, db.UpdateInstitution(ctx, i))
		all, err := db.FindInstitutions(ctx)
		must(t, err)
		if len(all) != 1 || all[0].Name != i.Name {
			t.Fatalf("FindInstitutions = %+v", all)
		}

		_, err = db.FindInstitution(ctx, i.ID+100)
		wantNotFound(t, err)
		wantNotFound(t, db.UpdateInstitution(ctx, &laeringsliv.Institution{ID: i.ID + 100, Name: "x"}))
		wantCode(t, db.CreateInstitution(ctx, &laeringsliv.Institution{Name: " "}),
			laeringsliv.EINVALID, "error.name_required")
	})
}

func TestProgramme(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		got, err := db.FindProgramme(ctx, o.prog.ID)
		must(t, err)
		if *got != *o.prog || got.InstitutionID != o.inst.ID {
			t.Fatalf("found %+v, want %+v", got, o.prog)
		}

		o.prog.Level, o.prog.ECTS, o.prog.EndYear = laeringsliv.LevelMaster, 30, 2022
		o.prog.InstitutionID = 999 // not a field a user can move
		must(t, db.UpdateProgramme(ctx, o.prog))
		if o.prog.InstitutionID != o.inst.ID || o.prog.Level != laeringsliv.LevelMaster {
			t.Fatalf("after update %+v", o.prog)
		}
		got, err = db.FindProgramme(ctx, o.prog.ID)
		must(t, err)
		if *got != *o.prog {
			t.Fatalf("found %+v, want %+v", got, o.prog)
		}

		list, err := db.FindProgrammes(ctx, o.inst.ID)
		must(t, err)
		if len(list) != 2 {
			t.Fatalf("FindProgrammes = %d, want 2", len(list))
		}
		list, err = db.FindProgrammes(ctx, o.inst.ID+1)
		must(t, err)
		if list == nil || len(list) != 0 {
			t.Fatalf("FindProgrammes(other) = %#v, want empty", list)
		}

		_, err = db.FindProgramme(ctx, 12345)
		wantNotFound(t, err)
		wantNotFound(t, db.CreateProgramme(ctx, &laeringsliv.Programme{InstitutionID: 12345, Name: "x",
			StartYear: 2020, EndYear: 2020, Level: laeringsliv.LevelBachelor, ECTS: 15}))
		wantCode(t, db.CreateProgramme(ctx, &laeringsliv.Programme{InstitutionID: o.inst.ID, Name: "x",
			StartYear: 2020, EndYear: 2019, Level: laeringsliv.LevelBachelor, ECTS: 15}),
			laeringsliv.EINVALID, "error.end_year_invalid")
	})
}

func TestWorkplace(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		if o.wpA.InstitutionID != o.inst.ID {
			t.Fatalf("institution key not copied: %+v", o.wpA)
		}
		got, err := db.FindWorkplace(ctx, o.wpA.ID)
		must(t, err)
		if *got != *o.wpA {
			t.Fatalf("found %+v, want %+v", got, o.wpA)
		}

		o.wpA.FTEs, o.wpA.Name, o.wpA.ServiceKind = 30, "Bofellesskap Aa", laeringsliv.ServiceNursingHome
		o.wpA.ProgrammeID = o.other.ID // ignored: a workplace stays in its programme
		must(t, db.UpdateWorkplace(ctx, o.wpA))
		if o.wpA.ProgrammeID != o.prog.ID || o.wpA.FTEs != 30 {
			t.Fatalf("after update %+v", o.wpA)
		}
		wantNotFound(t, db.UpdateWorkplace(ctx, &laeringsliv.Workplace{ID: 999, ProgrammeID: o.prog.ID,
			Name: "x", Municipality: "y", ServiceKind: laeringsliv.ServiceOther}))

		other := newWorkplace(t, db, o.other.ID, "Sykehjem C")
		ids := func(f laeringsliv.WorkplaceFilter) []int64 {
			t.Helper()
			list, err := db.FindWorkplaces(ctx, f)
			must(t, err)
			if list == nil {
				t.Fatalf("FindWorkplaces(%+v) = nil, want a slice", f)
			}
			var out []int64
			for _, w := range list {
				out = append(out, w.ID)
			}
			return out
		}
		for _, c := range []struct {
			f    laeringsliv.WorkplaceFilter
			want []int64
		}{
			{laeringsliv.WorkplaceFilter{}, []int64{o.wpA.ID, o.wpB.ID, other.ID}},
			{laeringsliv.WorkplaceFilter{InstitutionID: o.inst.ID}, []int64{o.wpA.ID, o.wpB.ID, other.ID}},
			{laeringsliv.WorkplaceFilter{InstitutionID: o.inst.ID + 1}, nil},
			{laeringsliv.WorkplaceFilter{ProgrammeID: o.prog.ID}, []int64{o.wpA.ID, o.wpB.ID}},
			{laeringsliv.WorkplaceFilter{IDs: nil}, []int64{o.wpA.ID, o.wpB.ID, other.ID}},
			{laeringsliv.WorkplaceFilter{IDs: []int64{}}, nil},
			{laeringsliv.WorkplaceFilter{IDs: []int64{other.ID, o.wpB.ID}}, []int64{o.wpB.ID, other.ID}},
			{laeringsliv.WorkplaceFilter{ProgrammeID: o.prog.ID, IDs: []int64{other.ID, o.wpB.ID}}, []int64{o.wpB.ID}},
		} {
			if got := ids(c.f); !equalIDs(got, c.want) {
				t.Errorf("FindWorkplaces(%+v) = %v, want %v", c.f, got, c.want)
			}
		}

		_, err = db.FindWorkplace(ctx, 999)
		wantNotFound(t, err)
		wantNotFound(t, db.CreateWorkplace(ctx, &laeringsliv.Workplace{ProgrammeID: 999, Name: "x",
			Municipality: "y", ServiceKind: laeringsliv.ServiceOther}))
		wantCode(t, db.CreateWorkplace(ctx, &laeringsliv.Workplace{ProgrammeID: o.prog.ID, Name: "x",
			Municipality: "y", ServiceKind: "castle"}), laeringsliv.EINVALID, "error.service_kind_invalid")
	})
}

func TestProject(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		shared := &laeringsliv.Project{WorkplaceID: o.wpA.ID, Title: "Trygg kommunikasjon"}
		must(t, db.CreateProject(ctx, shared))
		sub := &laeringsliv.Project{WorkplaceID: o.wpA.ID, ParentID: shared.ID, Title: "Vaktrapport",
			Description: "Ny rutine for muntlig rapport"}
		must(t, db.CreateProject(ctx, sub))
		if sub.InstitutionID != o.inst.ID || !recent(sub.CreatedAt) {
			t.Fatalf("created %+v", sub)
		}

		list, err := db.FindProjects(ctx, o.wpA.ID)
		must(t, err)
		if len(list) != 2 || *list[0] != *shared || *list[1] != *sub {
			t.Fatalf("FindProjects = %+v", list)
		}
		list, err = db.FindProjects(ctx, o.wpB.ID)
		must(t, err)
		if len(list) != 0 {
			t.Fatalf("FindProjects(B) = %+v", list)
		}

		wantCode(t, db.CreateProject(ctx, &laeringsliv.Project{WorkplaceID: o.wpB.ID, ParentID: shared.ID,
			Title: "x"}), laeringsliv.EINVALID, "error.parent_invalid")
		wantCode(t, db.CreateProject(ctx, &laeringsliv.Project{WorkplaceID: o.wpA.ID, ParentID: 999,
			Title: "x"}), laeringsliv.EINVALID, "error.parent_invalid")
		wantNotFound(t, db.CreateProject(ctx, &laeringsliv.Project{WorkplaceID: 999, Title: "x"}))
		wantCode(t, db.CreateProject(ctx, &laeringsliv.Project{WorkplaceID: o.wpA.ID}),
			laeringsliv.EINVALID, "error.title_required")
	})
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
