package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/password"
	"laeringsliv/sqlstore"
	"laeringsliv/sqlstore/sqltest"
)

func TestMain(m *testing.M) { os.Exit(sqltest.RunMain(m)) }

// cheap argon2id parameters keep the tests fast; the format is the real one.
var testParams = password.Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 16}

const testPassword = "riktig hest batteri"

// fixture is a small world: one institution with two programmes, workplace own (in P1) and
// workplace foreign (in P2), and one person per role whose memberships point at own / P1.
type fixture struct {
	db       *sqlstore.DB
	srv      *httptest.Server
	server   *Server
	inst     *laeringsliv.Institution
	p1, p2   *laeringsliv.Programme
	own, fgn *laeringsliv.Workplace
	people   map[laeringsliv.Role]*laeringsliv.Person
}

func newFixture(t *testing.T, db *sqlstore.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{db: db, people: map[laeringsliv.Role]*laeringsliv.Person{}}
	f.inst = &laeringsliv.Institution{Name: "Høgskolen i Fjordvik"}
	must(t, db.CreateInstitution(ctx, f.inst))
	f.p1 = &laeringsliv.Programme{InstitutionID: f.inst.ID, Name: "MDI", StartYear: 2016, EndYear: 2019, Level: laeringsliv.LevelBachelor, ECTS: 15}
	f.p2 = &laeringsliv.Programme{InstitutionID: f.inst.ID, Name: "MDI 2", StartYear: 2020, EndYear: 2021, Level: laeringsliv.LevelMaster, ECTS: 15}
	must(t, db.CreateProgramme(ctx, f.p1))
	must(t, db.CreateProgramme(ctx, f.p2))
	f.own = &laeringsliv.Workplace{ProgrammeID: f.p1.ID, Name: "Solsiden bofellesskap", Municipality: "Fjordvik", ServiceKind: laeringsliv.ServiceSharedHomeYoungAdults, FTEs: 17}
	f.fgn = &laeringsliv.Workplace{ProgrammeID: f.p2.ID, Name: "Åsen hjemmetjeneste", Municipality: "Åsen", ServiceKind: laeringsliv.ServiceHomeCare, FTEs: 30}
	must(t, db.CreateWorkplace(ctx, f.own))
	must(t, db.CreateWorkplace(ctx, f.fgn))
	hash, err := password.Hash(testPassword, testParams)
	must(t, err)
	for _, role := range laeringsliv.Roles() {
		p := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Test " + string(role), Email: string(role) + "@fjordvik.kommune.no"}
		must(t, db.CreatePerson(ctx, p))
		must(t, db.SetPasswordHash(ctx, p.ID, hash))
		m := &laeringsliv.Membership{PersonID: p.ID, Role: role}
		switch role {
		case laeringsliv.RoleAdmin:
		case laeringsliv.RoleAdmissions:
			m.ProgrammeID = f.p1.ID
		default:
			m.WorkplaceID = f.own.ID
		}
		must(t, db.CreateMembership(ctx, m))
		f.people[role] = p
	}
	s, err := New(Config{
		Logger:          slog.New(slog.NewTextHandler(io.Discard, nil)),
		InstitutionID:   f.inst.ID,
		PasswordHasher:  func(pw string) (string, error) { return password.Hash(pw, testParams) },
		PasswordChecker: password.Check,
		DBPools:         db.StatsPools(),
	}, Services{Org: db, People: db, Members: db, Auth: db, Ready: db.Ping,
		Innovations: db, Timelines: db, Participation: db, Prequal: db, Reports: db,
		StudyCounts: laeringsliv.NoStudyCounts{}, Evidence: db, Progress: db, Reading: db, Research: db, Handbook: db, Cohorts: db, IPE: db, Tokens: db,
		Study: db, Calendar: db, Files: testFiles(t), Jobs: db, Rota: db, RotaTime: db, WorkGroups: db, Wishes: db, Dashboard: db, TimeRecords: db, Shares: db, JointIPE: db})
	must(t, err)
	f.server = s
	f.srv = httptest.NewTLSServer(s)
	t.Cleanup(f.srv.Close)
	return f
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// client returns an HTTP client with its own cookie jar that does not follow redirects.
func (f *fixture) client(t testing.TB) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Transport: f.srv.Client().Transport, Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// signIn returns a client signed in as the person with the role, through a session created in
// the store (the login form has its own tests).
func (f *fixture) signIn(t testing.TB, role laeringsliv.Role) *http.Client {
	c := f.client(t)
	token := laeringsliv.NewToken()
	now := time.Now()
	must(t, f.db.CreateLoginSession(context.Background(), &laeringsliv.LoginSession{
		InstitutionID: f.inst.ID, PersonID: f.people[role].ID, TokenHash: laeringsliv.HashToken(token),
		IdleTimeout: time.Hour, CreatedAt: now, LastSeenAt: now}))
	u, _ := url.Parse(f.srv.URL)
	c.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: token, Path: "/", Secure: true}})
	return c
}

func (f *fixture) do(t testing.TB, c *http.Client, method, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, f.srv.URL+path, body)
	must(t, err)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	must(t, err)
	defer resp.Body.Close()
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		return resp, "" // a live stream never ends; its status is the answer
	}
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// newInvitation stores an invitation to a workplace and returns it with its token.
func (f *fixture) newInvitation(t testing.TB, wp *laeringsliv.Workplace, role laeringsliv.Role) (*laeringsliv.Invitation, string) {
	token := laeringsliv.NewToken()
	now := time.Now()
	inv := &laeringsliv.Invitation{InstitutionID: f.inst.ID, WorkplaceID: wp.ID, Role: role,
		TokenHash: laeringsliv.HashToken(token), CreatedBy: f.people[laeringsliv.RoleAdmin].ID,
		CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	must(t, f.db.CreateInvitation(context.Background(), inv))
	return inv, token
}
