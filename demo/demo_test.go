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
			Innovations: db, Timeline: db, Participation: db, Reading: db, IPE: db, Study: db, Rota: db, Handbook: db,
			TimeRecords: db, Shares: db, WorkGroups: db, Wishes: db}, hash)
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
		checkTimeRecords(t, db, res)
		checkSharing(t, db, res)
		checkWorkGroups(t, db, res)
		checkWishes(t, db, res)
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

// Every workplace gets a four-week rota whose shifts follow each person's position: no shift
// longer than the rota allows, nobody on two shifts at once, and a full position working about
// twice the shifts of a half one.
func TestSeedRota(t *testing.T) {
	db := sqltest.OpenSQLite(t)
	ctx := context.Background()
	res, err := demo.Seed(ctx, demo.Services{Org: db, People: db, Members: db, Auth: db, Rota: db}, hash)
	if err != nil {
		t.Fatal(err)
	}
	for _, wp := range res.WorkplaceIDs {
		periods, err := db.FindRotaPeriods(ctx, wp)
		if err != nil || len(periods) != 1 || periods[0].ShiftCount == 0 {
			t.Fatalf("workplace %d: periods %+v %v", wp, periods, err)
		}
		shifts, err := db.WorkplaceShifts(ctx, wp, periods[0].From.AddDate(0, 0, -1), periods[0].To.AddDate(0, 0, 2))
		if err != nil {
			t.Fatal(err)
		}
		people, err := db.FindPersons(ctx, laeringsliv.PersonFilter{WorkplaceID: wp})
		if err != nil {
			t.Fatal(err)
		}
		pct := map[int64]int{}
		for _, p := range people {
			pct[p.ID] = p.PositionPct
		}
		count, leave := map[int64]int{}, map[int64]bool{}
		for _, s := range shifts {
			if s.IsLeave() {
				leave[s.PersonID] = true
			} else {
				count[s.PersonID]++
			}
		}
		for id, n := range count {
			if p := pct[id]; p >= 90 && n < 14 && !leave[id] || p <= 50 && p > 0 && n > 14 {
				t.Errorf("workplace %d: a %d %% position has %d shifts in four weeks", wp, p, n)
			}
		}
	}
}

// checkTimeRecords: every workplace has time records; the share of own time differs between
// workplaces as the article says, lowest at the home-care service.
func checkTimeRecords(t *testing.T, db *sqlstore.DB, res *demo.Result) {
	t.Helper()
	shares, err := db.TimeShares(context.Background(), laeringsliv.TimeShareFilter{ProgrammeID: res.ProgrammeID})
	if err != nil {
		t.Fatal(err)
	}
	by := map[int64][]laeringsliv.TimeShare{}
	for _, s := range shares {
		by[s.WorkplaceID] = append(by[s.WorkplaceID], s)
	}
	var pct []int
	for _, wp := range res.WorkplaceIDs {
		sum := laeringsliv.SumTimeShares(by[wp])
		if sum.WorkMinutes == 0 || sum.OwnMinutes == 0 {
			t.Fatalf("workplace %d: %+v, want both sources", wp, sum)
		}
		pct = append(pct, sum.OwnPercent())
	}
	t.Logf("share of own time per workplace: %v %%", pct)
	if pct[2] >= pct[0] || pct[2] >= pct[1] || pct[2] >= pct[3] || pct[3] <= pct[1] {
		t.Errorf("own-time shares %v do not differ as planned", pct)
	}
}
