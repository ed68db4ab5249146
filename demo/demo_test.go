package demo_test

import (
	"context"
	"os"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/demo"
	"laeringsliv/password"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestMain(m *testing.M) { os.Exit(sqltest.RunMain(m)) }

func hash(pw string) (string, error) { return password.Hash(pw, password.Default) }

func TestSeed(t *testing.T) {
	sqltest.EachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		start := time.Now()
		res, err := demo.Seed(ctx, demo.Services{Org: db, People: db, Members: db, Auth: db,
			Innovations: db, Timeline: db, Participation: db, Reading: db, IPE: db, Study: db}, hash)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("seeded %d people in %v", len(res.PersonIDs), time.Since(start))
		if empty, err := db.Empty(ctx); err != nil || empty {
			t.Fatalf("Empty = %v, %v after seeding", empty, err)
		}
		checkWorkplaces(t, db, res)
		checkLogins(t, db, res)
		checkReading(t, db, res)
		checkStudy(t, db, res)
	})
}

func checkWorkplaces(t *testing.T, db *sqlstore.DB, res *demo.Result) {
	t.Helper()
	ctx := context.Background()
	wps, err := db.FindWorkplaces(ctx, laeringsliv.WorkplaceFilter{ProgrammeID: res.ProgrammeID})
	if err != nil {
		t.Fatal(err)
	}
	if len(wps) != 4 || len(res.WorkplaceIDs) != 4 {
		t.Fatalf("got %d workplaces (%d IDs), want 4", len(wps), len(res.WorkplaceIDs))
	}
	wantFTEs := []float64{17, 30, 17, 34}
	wantParticipants := []int{15, 27, 19, 21}
	for i, id := range res.WorkplaceIDs {
		w, err := db.FindWorkplace(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if w.FTEs != wantFTEs[i] {
			t.Errorf("%s: FTEs = %v, want %v", w.Name, w.FTEs, wantFTEs[i])
		}
		ms, err := db.FindMemberships(ctx, laeringsliv.MembershipFilter{WorkplaceID: id})
		if err != nil {
			t.Fatal(err)
		}
		roles := map[laeringsliv.Role]int{}
		for _, m := range ms {
			roles[m.Role]++
		}
		if roles[laeringsliv.RoleParticipant] != wantParticipants[i] || roles[laeringsliv.RoleLeader] != 1 || roles[laeringsliv.RoleUnionRep] != 1 {
			t.Errorf("%s: roles = %v, want %d participants, 1 leader, 1 union rep", w.Name, roles, wantParticipants[i])
		}
		projects, err := db.FindProjects(ctx, id)
		if err != nil || len(projects) != 1 {
			t.Errorf("%s: projects = %d, %v; want 1", w.Name, len(projects), err)
		}
	}
}

func checkLogins(t *testing.T, db *sqlstore.DB, res *demo.Result) {
	t.Helper()
	ctx := context.Background()
	if len(res.Logins) != len(laeringsliv.Roles()) {
		t.Fatalf("got %d logins, want one per role", len(res.Logins))
	}
	for i, l := range res.Logins {
		if l.Role != laeringsliv.Roles()[i] {
			t.Errorf("login %d has role %s, want %s", i, l.Role, laeringsliv.Roles()[i])
		}
		p, err := db.FindPersonByEmail(ctx, l.Email)
		if err != nil {
			t.Errorf("%s: %v", l.Email, err)
			continue
		}
		h, err := db.PasswordHash(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := password.Check(l.Password, h); !ok || err != nil {
			t.Errorf("%s: password does not check: %v", l.Email, err)
		}
		ms, err := db.FindMemberships(ctx, laeringsliv.MembershipFilter{PersonID: p.ID})
		if err != nil || len(ms) != 1 || ms[0].Role != l.Role {
			t.Errorf("%s: memberships = %v, %v; want one as %s", l.Email, ms, err, l.Role)
		}
	}
}
