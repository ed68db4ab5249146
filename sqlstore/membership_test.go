package sqlstore_test

import (
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestMembership(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		pid := o.person.ID
		wm := &laeringsliv.Membership{PersonID: pid, Role: laeringsliv.RoleTeacher, WorkplaceID: o.wpA.ID}
		must(t, db.CreateMembership(ctx, wm))
		if wm.ID == 0 || wm.InstitutionID != o.inst.ID || wm.ProgrammeID != o.prog.ID || !recent(wm.CreatedAt) {
			t.Fatalf("workplace membership %+v: keys not copied", wm)
		}
		pm := &laeringsliv.Membership{PersonID: pid, Role: laeringsliv.RoleTeacher, ProgrammeID: o.prog.ID}
		must(t, db.CreateMembership(ctx, pm))
		im := &laeringsliv.Membership{PersonID: pid, Role: laeringsliv.RoleAdmin}
		must(t, db.CreateMembership(ctx, im))
		if im.InstitutionID != o.inst.ID {
			t.Fatalf("institution membership %+v", im)
		}

		got, err := db.FindMembership(ctx, wm.ID)
		must(t, err)
		if *got != *wm {
			t.Fatalf("found %+v, want %+v", got, wm)
		}

		ids := func(f laeringsliv.MembershipFilter) []int64 {
			t.Helper()
			list, err := db.FindMemberships(ctx, f)
			must(t, err)
			out := []int64{}
			for _, m := range list {
				out = append(out, m.ID)
			}
			return out
		}
		for _, c := range []struct {
			f    laeringsliv.MembershipFilter
			want []int64
		}{
			{laeringsliv.MembershipFilter{PersonID: pid}, []int64{wm.ID, pm.ID, im.ID}},
			{laeringsliv.MembershipFilter{WorkplaceID: o.wpA.ID}, []int64{wm.ID}},
			{laeringsliv.MembershipFilter{WorkplaceID: o.wpB.ID}, []int64{}},
			// Held in the programme itself, not in its workplaces.
			{laeringsliv.MembershipFilter{ProgrammeID: o.prog.ID}, []int64{pm.ID}},
			{laeringsliv.MembershipFilter{PersonID: pid + 1}, []int64{}},
		} {
			if got := ids(c.f); !equalIDs(got, c.want) {
				t.Errorf("FindMemberships(%+v) = %v, want %v", c.f, got, c.want)
			}
		}

		must(t, db.DeleteMembership(ctx, pm.ID))
		_, err = db.FindMembership(ctx, pm.ID)
		wantNotFound(t, err)
		wantNotFound(t, db.DeleteMembership(ctx, pm.ID))
	})
}

func TestMembershipConflict(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		pid := o.person.ID
		for _, m := range []laeringsliv.Membership{
			{PersonID: pid, Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpA.ID},
			{PersonID: pid, Role: laeringsliv.RoleTeacher, ProgrammeID: o.prog.ID},
			{PersonID: pid, Role: laeringsliv.RoleAdmin},
		} {
			first, again := m, m
			must(t, db.CreateMembership(ctx, &first))
			wantCode(t, db.CreateMembership(ctx, &again), laeringsliv.ECONFLICT, "error.membership_exists")
		}
		// Another role, or the same role elsewhere, is another membership.
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: pid, Role: laeringsliv.RoleUnionRep, WorkplaceID: o.wpA.ID}))
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: pid, Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpB.ID}))
		must(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: pid, Role: laeringsliv.RoleTeacher, ProgrammeID: o.other.ID}))
	})
}

func TestMembershipInvalid(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		o := newOrg(t, db)
		pid := o.person.ID
		wantCode(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: pid, Role: laeringsliv.RoleAdmin,
			WorkplaceID: o.wpA.ID}), laeringsliv.EINVALID, "error.role_scope")
		wantNotFound(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: 999,
			Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpA.ID}))
		wantNotFound(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: pid,
			Role: laeringsliv.RoleParticipant, WorkplaceID: 999}))
		wantNotFound(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: pid,
			Role: laeringsliv.RoleTeacher, ProgrammeID: 999}))

		// A person of one institution cannot be given a role in another's workplace.
		inst2 := &laeringsliv.Institution{Name: "NTNU"}
		must(t, db.CreateInstitution(ctx, inst2))
		stranger := newPerson(t, db, inst2.ID, "Zed", "zed@example.no")
		wantCode(t, db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: stranger.ID,
			Role: laeringsliv.RoleParticipant, WorkplaceID: o.wpA.ID}), laeringsliv.EINVALID, "error.scope_other_institution")
	})
}
