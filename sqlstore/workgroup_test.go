package sqlstore_test

import (
	"slices"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

// TestWorkGroups saves a workplace's set of work groups, replaces it, and checks that a set
// naming someone outside the workplace, someone twice, or another workplace's innovation is
// refused whole, leaving the earlier set as it was; the other workplace sees none of them.
func TestWorkGroups(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		var staff []int64
		for i, name := range []string{"Kari", "Ola", "Per", "Siri", "Nils"} {
			p := o.person
			if i > 0 {
				p = newPerson(t, db, o.inst.ID, name, name+"@example.no")
			}
			role := laeringsliv.RoleParticipant
			if i == 4 {
				role = laeringsliv.RoleContributor
			}
			must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: p.ID, Role: role, ProgrammeID: o.prog.ID, WorkplaceID: o.wpA.ID}))
			staff = append(staff, p.ID)
		}
		outsider := newPerson(t, db, o.inst.ID, "Anne", "anne@example.no")
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: outsider.ID, Role: laeringsliv.RoleParticipant,
			ProgrammeID: o.prog.ID, WorkplaceID: o.wpB.ID}))
		proj := newProject(t, db, o.wpA, "Trygg kommunikasjon")
		inno := &laeringsliv.Innovation{WorkplaceID: o.wpA.ID, ProjectID: proj.ID, Title: "Fast møtetid",
			Status: laeringsliv.InnovationIdea, Size: laeringsliv.InnovationSmall}
		must(t, db.CreateInnovation(ctx, inno, o.person.ID))
		foreign := &laeringsliv.Innovation{WorkplaceID: o.wpB.ID, ProjectID: newProject(t, db, o.wpB, "Morgendagens omsorg").ID,
			Title: "Annet", Status: laeringsliv.InnovationIdea, Size: laeringsliv.InnovationSmall}
		must(t, db.CreateInnovation(ctx, foreign, o.person.ID))

		first := []*laeringsliv.WorkGroup{
			{Name: "Arbeidsgruppe 1", Members: []int64{staff[2], staff[0]}, InnovationID: inno.ID, CreatedBy: o.person.ID},
			{Name: "Arbeidsgruppe 2", Members: []int64{staff[1], staff[3], staff[4]}},
		}
		must(t, db.ReplaceWorkGroups(ctx, o.wpA.ID, first))
		got, err := db.FindWorkGroups(ctx, o.wpA.ID)
		must(t, err)
		if len(got) != 2 || got[0].Number != 1 || got[1].Number != 2 || got[0].InnovationID != inno.ID ||
			got[0].InstitutionID != o.inst.ID || got[0].CreatedBy != o.person.ID ||
			!slices.Equal(got[0].Members, []int64{staff[0], staff[2]}) || len(got[1].Members) != 3 {
			t.Fatalf("first set: %+v %+v", got[0], got[1])
		}

		for name, bad := range map[string][]*laeringsliv.WorkGroup{
			"outsider":   {{Name: "A", Members: []int64{staff[0]}}, {Name: "B", Members: []int64{outsider.ID}}},
			"twice":      {{Name: "A", Members: []int64{staff[0]}}, {Name: "B", Members: []int64{staff[0]}}},
			"innovation": {{Name: "A", Members: []int64{staff[0]}, InnovationID: foreign.ID}},
			"no name":    {{Name: " ", Members: []int64{staff[0]}}},
		} {
			if err := db.ReplaceWorkGroups(ctx, o.wpA.ID, bad); laeringsliv.ErrorCode(err) != laeringsliv.EINVALID {
				t.Errorf("%s: err = %v, want invalid", name, err)
			}
		}
		after, err := db.FindWorkGroups(ctx, o.wpA.ID)
		must(t, err)
		if len(after) != 2 || after[0].ID != got[0].ID || len(after[1].Members) != 3 {
			t.Fatalf("a refused set changed the saved one: %+v", after)
		}

		must(t, db.ReplaceWorkGroups(ctx, o.wpA.ID, []*laeringsliv.WorkGroup{{Name: "Alle", Members: staff}}))
		got, err = db.FindWorkGroups(ctx, o.wpA.ID)
		must(t, err)
		if len(got) != 1 || len(got[0].Members) != 5 || got[0].Name != "Alle" {
			t.Fatalf("replaced set: %+v", got)
		}

		must(t, db.UpdateWorkGroup(ctx, o.wpA.ID, got[0].ID, "Helgegruppa", inno.ID))
		wantCode(t, db.UpdateWorkGroup(ctx, o.wpA.ID, got[0].ID, "Helgegruppa", foreign.ID), laeringsliv.EINVALID, "workgroups.error.innovation")
		wantNotFound(t, db.UpdateWorkGroup(ctx, o.wpB.ID, got[0].ID, "Stjålet", 0))
		got, err = db.FindWorkGroups(ctx, o.wpA.ID)
		must(t, err)
		if got[0].Name != "Helgegruppa" || got[0].InnovationID != inno.ID {
			t.Fatalf("updated group: %+v", got[0])
		}
		if other, err := db.FindWorkGroups(ctx, o.wpB.ID); err != nil || len(other) != 0 {
			t.Fatalf("the other workplace sees %v, %v", other, err)
		}
	})
}
