package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"laeringsliv"

	"laeringsliv/sqlstore/sqltest"
)

const anon laeringsliv.Role = "" // not signed in

var (
	everyone  = append([]laeringsliv.Role{anon}, laeringsliv.Roles()...)
	signedIns = laeringsliv.Roles()
	inOwn     = laeringsliv.Roles() // every role of the fixture belongs to own (or its programme)
	teachers  = []laeringsliv.Role{laeringsliv.RoleTeacher, laeringsliv.RoleAdmin}
	admins    = []laeringsliv.Role{laeringsliv.RoleAdmin}
	reporters = []laeringsliv.Role{laeringsliv.RoleTeacher, laeringsliv.RoleAdmissions, laeringsliv.RoleAdmin}
	// recorders record innovations: the workplace's own people, not the admissions office.
	recorders = []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleLeader, laeringsliv.RoleUnionRep,
		laeringsliv.RoleTeacher, laeringsliv.RoleAdmin}
	keepers     = []laeringsliv.Role{laeringsliv.RoleTeacher, laeringsliv.RoleLeader, laeringsliv.RoleAdmin}
	researchers = []laeringsliv.Role{laeringsliv.RoleTeacher} // not even administrators
	// inWorkplace: members of the workplace itself (admissions belongs to the programme).
	inWorkplace = []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleContributor, laeringsliv.RoleTeacher, laeringsliv.RoleLeader,
		laeringsliv.RoleUnionRep, laeringsliv.RoleAdmin}
	nobody = []laeringsliv.Role{}
	// sharers share a workplace's records with the institution's other workplaces.
	sharers = []laeringsliv.Role{laeringsliv.RoleLeader, laeringsliv.RoleAdmin}
)

// expected lists, per route, the roles allowed in their own workplace (or programme) and in a
// foreign one. It is written out by hand from the issue, not derived from the policy, so that
// the policy is tested against intent.
var expected = map[string]struct{ own, foreign []laeringsliv.Role }{
	"GET /healthz":                        {everyone, everyone},
	"GET /readyz":                         {everyone, everyone},
	"GET /metrics":                        {everyone, everyone},
	"GET /password/forgot":                {everyone, everyone},
	"GET /login/oidc/{provider}":          {everyone, everyone},
	"GET /login/oidc/{provider}/callback": {everyone, everyone},
	"POST /password/forgot":               {everyone, everyone},
	"GET /password/reset/{token}":         {everyone, everyone},
	"POST /password/reset/{token}":        {everyone, everyone},
	"GET /static/":                        {everyone, everyone},
	"GET /ipe.webmanifest":                {everyone, everyone},
	"GET /login":                          {everyone, everyone},
	"POST /login":                         {everyone, everyone},
	"GET /lang/{lang}":                    {everyone, everyone},
	"GET /invitations/{token}":            {everyone, everyone},
	"POST /invitations/{token}":           {everyone, everyone},
	"GET /{$}":                            {signedIns, signedIns},
	"POST /logout":                        {signedIns, signedIns},
	"GET /account/password":               {signedIns, signedIns},
	"POST /account/password":              {signedIns, signedIns},
	"GET /workplaces/{workplace}":         {inOwn, admins},
	"GET /programmes/{programme}":         {inOwn, admins},
	"GET /admin":                          {admins, admins},
	"GET /admin/sign-in":                  {admins, admins},
	"POST /admin/institution":             {admins, admins},
	"GET /admin/programmes/new":           {admins, admins},
	// A new cohort: administrators and researchers start one; a programme is copied or
	// exported by its own teachers.
	"GET /programmes/new-cohort":                                   {teachers, teachers},
	"GET /programmes/new-cohort/preview":                           {teachers, teachers},
	"POST /programmes/new-cohort/import":                           {teachers, teachers},
	"POST /programmes/new-cohort":                                  {teachers, teachers},
	"GET /programmes/{programme}/template":                         {teachers, admins},
	"POST /admin/programmes":                                       {admins, admins},
	"GET /admin/workplaces/new":                                    {admins, admins},
	"POST /admin/workplaces":                                       {admins, admins},
	"POST /admin/programmes/{programme}":                           {admins, admins},
	"GET /admin/programmes/{programme}/edit":                       {admins, admins},
	"GET /admin/workplaces/{workplace}/edit":                       {admins, admins},
	"POST /admin/workplaces/{workplace}":                           {admins, admins},
	"POST /workplaces/{workplace}/invitations":                     {teachers, admins},
	"POST /workplaces/{workplace}/invitations/{invitation}/revoke": {teachers, admins},
	"POST /workplaces/{workplace}/members/{membership}/remove":     {teachers, admins},

	// Sharing between workplaces: leaders share and withdraw; the workplace's people (and its
	// teachers) see, ask and comment; leaders and teachers adopt.
	"GET /workplaces/{workplace}/shares":                   {inWorkplace, admins},
	"GET /workplaces/{workplace}/shares/new":               {sharers, admins},
	"POST /workplaces/{workplace}/shares":                  {sharers, admins},
	"POST /workplaces/{workplace}/shares/{share}/withdraw": {sharers, admins},
	"GET /workplaces/{workplace}/shared":                   {inWorkplace, admins},
	"GET /workplaces/{workplace}/shared/{share}":           {inWorkplace, admins},
	"POST /workplaces/{workplace}/shared/{share}/comments": {inWorkplace, admins},
	"GET /workplaces/{workplace}/ipe/{ipe}/guests":         {ipeFacilitators, admins},
	"POST /workplaces/{workplace}/ipe/{ipe}/guests":        {ipeFacilitators, admins},
	"GET /workplaces/{workplace}/joint-ipe":                {ipeViewers, admins},
	"POST /workplaces/{workplace}/shared/{share}/adopt":    {keepers, admins},

	// Reading workshop. Editing the shared text: the group's members (the fixture's
	// participant) and those who manage the workshop.
	"GET /programmes/{programme}/syllabus":                                          {inOwn, admins},
	"POST /programmes/{programme}/syllabus":                                         {teachers, admins},
	"GET /programmes/{programme}/syllabus/{text}/edit":                              {teachers, admins},
	"POST /programmes/{programme}/syllabus/{text}":                                  {teachers, admins},
	"GET /programmes/{programme}/syllabus/{text}/file":                              {inOwn, admins},
	"GET /programmes/{programme}/handbook":                                          {inOwn, admins},
	"POST /programmes/{programme}/handbook":                                         {teachers, admins},
	"POST /programmes/{programme}/handbook/chapters":                                {teachers, admins},
	"GET /programmes/{programme}/handbook/chapters/{chapter}":                       {teachers, admins},
	"POST /programmes/{programme}/handbook/chapters/{chapter}":                      {teachers, admins},
	"GET /programmes/{programme}/handbook/chapters/{chapter}/versions/{version}":    {teachers, admins},
	"POST /programmes/{programme}/handbook/publish":                                 {teachers, admins},
	"POST /programmes/{programme}/handbook/authors":                                 {keepers, admins},
	"GET /handbooks/sw.js":                                                          {everyone, everyone},
	"GET /handbooks/{handbook}":                                                     {everyone, everyone},
	"GET /handbooks/{handbook}/epub":                                                {everyone, everyone},
	"GET /handbooks/{handbook}/heads.css":                                           {everyone, everyone},
	"GET /handbooks/{handbook}/images/{image}":                                      {everyone, everyone},
	"GET /programmes/{programme}/handbook/images/{image}":                           {inOwn, admins},
	"POST /programmes/{programme}/handbook/feedback":                                {teachers, admins},
	"GET /programmes/{programme}/handbook/draft":                                    {inOwn, admins},
	"POST /programmes/{programme}/handbook/chapters/{chapter}/marks":                {inOwn, admins},
	"POST /programmes/{programme}/handbook/chapters/{chapter}/marks/{mark}/resolve": {teachers, admins},
	"GET /workplaces/{workplace}/reading":                                           {inOwn, admins},
	"POST /workplaces/{workplace}/reading":                                          {keepers, admins},
	"GET /workplaces/{workplace}/reading/{workshop}":                                {inOwn, admins},
	"GET /workplaces/{workplace}/reading/{workshop}/state":                          {inOwn, admins},
	"GET /workplaces/{workplace}/reading/{workshop}/events":                         {inOwn, admins},
	"GET /workplaces/{workplace}/reading/{workshop}/plenum":                         {inOwn, admins},
	"GET /workplaces/{workplace}/reading/{workshop}/summary":                        {inOwn, admins},
	"POST /workplaces/{workplace}/reading/{workshop}/phase":                         {teachers, admins},
	"POST /workplaces/{workplace}/reading/{workshop}/move":                          {teachers, admins},
	"POST /workplaces/{workplace}/reading/{workshop}/text":                          {teachers, admins},
	"GET /workplaces/{workplace}/reading/{workshop}/answers":                        {teachers, admins},
	"POST /workplaces/{workplace}/reading/{workshop}/answer":                        {inOwn, admins},
	"POST /workplaces/{workplace}/reading/{workshop}/groups/{group}/edits":          {groupEditors, admins},
	"POST /workplaces/{workplace}/reading/{workshop}/groups/{group}/presentation":   {groupEditors, admins},
	"POST /workplaces/{workplace}/reading/{workshop}/groups/{group}/photo":          {groupEditors, admins},
	"GET /workplaces/{workplace}/reading/{workshop}/groups/{group}/photo":           {inOwn, admins},

	// Innovation work and evidence.
	"GET /programmes/{programme}/consent":               {inOwn, admins},
	"POST /programmes/{programme}/consent":              {inOwn, admins},
	"GET /workplaces/{workplace}/innovations":           {inOwn, admins},
	"GET /programmes/{programme}/reports":               {reporters, admins},
	"GET /programmes/{programme}/reports/participation": {reporters, admins},
	"GET /programmes/{programme}/reports/evidence":      {reporters, admins},
	"GET /programmes/{programme}/reports/progress":      {reporters, admins},
	"POST /programmes/{programme}/reports/research":     {teachers, admins},
	// Jobs: own is a job the teacher started, foreign one that someone else started; only who
	// started a job (and an administrator) may follow it.
	"GET /jobs/{job}":                                              {teachers, admins},
	"GET /jobs/{job}/events":                                       {teachers, admins},
	"GET /jobs/{job}/result":                                       {teachers, admins},
	"GET /admin/backups":                                           {admins, admins},
	"POST /admin/backups":                                          {admins, admins},
	"GET /workplaces/{workplace}/innovations/new":                  {recorders, admins},
	"POST /workplaces/{workplace}/innovations":                     {recorders, admins},
	"GET /workplaces/{workplace}/innovations/{innovation}":         {inOwn, admins},
	"POST /workplaces/{workplace}/innovations/{innovation}/status": {recorders, admins},
	"GET /workplaces/{workplace}/timeline":                         {inOwn, admins},
	"POST /workplaces/{workplace}/timeline":                        {keepers, admins},
	"GET /workplaces/{workplace}/fieldbook":                        {researchers, nobody},
	"POST /workplaces/{workplace}/fieldbook":                       {researchers, nobody},
	"GET /workplaces/{workplace}/prequalification":                 {inOwn, admins},
	"POST /workplaces/{workplace}/prequalification":                {keepers, admins},
	"GET /workplaces/{workplace}/participation":                    {inOwn, admins},
	"POST /workplaces/{workplace}/participation":                   {keepers, admins},
	// IPE: the participant API is public at the route level (its bearer token is checked by
	// laeringsliv.ParticipantCan); running a session needs the facilitator's role.
	"GET /api/v1/openapi.json":                {everyone, everyone},
	"POST /api/v1/join":                       {everyone, everyone},
	"GET /api/v1/sessions/{ipe}":              {everyone, everyone},
	"GET /api/v1/sessions/{ipe}/events":       {everyone, everyone},
	"POST /api/v1/sessions/{ipe}/notes":       {everyone, everyone},
	"POST /api/v1/sessions/{ipe}/draws":       {everyone, everyone},
	"POST /api/v1/sessions/{ipe}/passes":      {everyone, everyone},
	"POST /api/v1/sessions/{ipe}/group":       {everyone, everyone},
	"POST /api/v1/sessions/{ipe}/reflections": {everyone, everyone},
	"POST /api/v1/sessions/{ipe}/votes":       {everyone, everyone},
	"POST /api/v1/sessions/{ipe}/phase":       {ipeFacilitators, admins},
	"GET /ipe":                                {everyone, everyone},
	"GET /workplaces/{workplace}/ipe":         {ipeViewers, admins},
	// Time records: a participant's own, in their own workplace only (not even administrators);
	// the sums for the workplace's leaders and administrators.
	"GET /workplaces/{workplace}/time":                  {timeKeepers, nobody},
	"POST /workplaces/{workplace}/time":                 {timeKeepers, nobody},
	"GET /workplaces/{workplace}/time/{record}":         {timeKeepers, nobody},
	"POST /workplaces/{workplace}/time/{record}":        {timeKeepers, nobody},
	"POST /workplaces/{workplace}/time/{record}/delete": {timeKeepers, nobody},
	"GET /workplaces/{workplace}/time/shares":           {rotaKeepers, admins},
	// The rota: the workplace's leaders (and administrators) only.
	"GET /workplaces/{workplace}/rota":                            {rotaKeepers, admins},
	"POST /workplaces/{workplace}/rota/preview":                   {rotaKeepers, admins},
	"POST /workplaces/{workplace}/rota":                           {rotaKeepers, admins},
	"POST /workplaces/{workplace}/rota/{period}/rollback":         {rotaKeepers, admins},
	"GET /workplaces/{workplace}/rota/staff":                      {rotaKeepers, admins},
	"POST /workplaces/{workplace}/rota/staff":                     {rotaKeepers, admins},
	"GET /workplaces/{workplace}/rota/finder":                     {rotaKeepers, admins},
	"POST /workplaces/{workplace}/rota/finder":                    {rotaKeepers, admins},
	"POST /workplaces/{workplace}/rota/staffing":                  {rotaKeepers, admins},
	"POST /workplaces/{workplace}/rota/meetings/{meeting}/cancel": {rotaKeepers, admins},
	"GET /workplaces/{workplace}/rota/meetings/{meeting}/move":    {rotaKeepers, admins},
	"POST /workplaces/{workplace}/rota/meetings/{meeting}/move":   {rotaKeepers, admins},
	// One person's shifts (the walk's {person} is the participant): the leaders and the person.
	"GET /workplaces/{workplace}/people/{person}/shifts":            {shiftViewers, admins},
	"POST /workplaces/{workplace}/people/{person}/rota-feed":        {feedOwners, admins},
	"POST /workplaces/{workplace}/people/{person}/rota-feed/delete": {feedOwners, admins},
	// The walk's {person} is the participant: their wishes are theirs alone, not even an
	// administrator's to see, and nobody's in a foreign workplace.
	"GET /workplaces/{workplace}/people/{person}/wishes":                {wishOwners, nobody},
	"POST /workplaces/{workplace}/people/{person}/wishes":               {wishOwners, nobody},
	"POST /workplaces/{workplace}/people/{person}/wishes/{wish}/delete": {wishOwners, nobody},
	"GET /workplaces/{workplace}/ipe/new":                               {ipeFacilitators, admins},
	"POST /workplaces/{workplace}/ipe":                                  {ipeFacilitators, admins},
	"GET /workplaces/{workplace}/ipe/{ipe}":                             {ipeFacilitators, admins},
	"GET /workplaces/{workplace}/ipe/{ipe}/screen":                      {ipeViewers, admins},
	"GET /workplaces/{workplace}/ipe/{ipe}/export":                      {ipeFacilitators, admins},
	"POST /workplaces/{workplace}/ipe/{ipe}/phase":                      {ipeFacilitators, admins},
	"POST /workplaces/{workplace}/ipe/{ipe}/notes":                      {ipeFacilitators, admins},
	"POST /workplaces/{workplace}/ipe/{ipe}/notes/{note}/redact":        {ipeFacilitators, admins},
	"POST /workplaces/{workplace}/ipe/{ipe}/ideas":                      {ipeFacilitators, admins},
	// Members of the workplace get a credential for its members-only sessions.
	"POST /workplaces/{workplace}/ipe/{ipe}/credential": {inWorkplace, admins},
	"POST /workplaces/{workplace}/ipe/{ipe}/reissue":    {ipeFacilitators, admins},

	// Innovation work groups: everyone at the workplace sees them (as its reading workshops);
	// its leaders and teachers form them.
	"GET /workplaces/{workplace}/work-groups":          {inOwn, admins},
	"POST /workplaces/{workplace}/work-groups":         {keepers, admins},
	"POST /workplaces/{workplace}/work-groups/{group}": {keepers, admins},
}

// wishOwners reach the participant's colleague wishes: that participant alone.
var wishOwners = []laeringsliv.Role{laeringsliv.RoleParticipant}

// timeKeepers reach time records: participants alone, not administrators.
var timeKeepers = []laeringsliv.Role{laeringsliv.RoleParticipant}

var rotaKeepers = []laeringsliv.Role{laeringsliv.RoleLeader, laeringsliv.RoleAdmin}

var (
	shiftViewers = []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleLeader, laeringsliv.RoleAdmin}
	feedOwners   = []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleAdmin}
)

var groupEditors = []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleTeacher, laeringsliv.RoleAdmin}

// TestRouteAuthorisation walks every route for every role, in the role's own workplace and in
// a foreign one, and checks that access is allowed or refused as the table says.
func TestRouteAuthorisation(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	routes := f.server.routes()
	for _, rt := range routes {
		want, ok := expected[rt.pattern]
		if !ok {
			t.Errorf("route %q has no row in the expected table: add one", rt.pattern)
			continue
		}
		for _, where := range []string{"own", "foreign"} {
			allowed := want.own
			if where == "foreign" {
				allowed = want.foreign
			}
			for _, role := range everyone {
				name := string(role)
				if name == "" {
					name = "anonymous"
				}
				t.Run(rt.pattern+"/"+where+"/"+name, func(t *testing.T) {
					method, path := f.fillPath(t, rt.pattern, where == "own")
					c := f.client(t)
					if role != anon {
						c = f.signIn(t, role)
					}
					var form url.Values
					if method == http.MethodPost {
						form = url.Values{}
					}
					resp, _ := f.do(t, c, method, path, form)
					got := verdict(resp)
					if resp.StatusCode >= 500 {
						t.Fatalf("%s %s as %s: status %d", method, path, name, resp.StatusCode)
					}
					want := contains(allowed, role)
					if got != want {
						t.Errorf("%s %s as %s in %s workplace: allowed=%v (status %d, location %q); want allowed=%v",
							method, path, name, where, got, resp.StatusCode, resp.Header.Get("Location"), want)
					} else if want && !worked(rt.pattern, method, resp.StatusCode) {
						t.Errorf("%s (%s) as %s in %s workplace: allowed, but the handler answered %d: broken, or add the route to answersOtherwise with the reason",
							rt.pattern, path, name, where, resp.StatusCode)
					}
				})
			}
		}
	}
	if len(routes) != len(expected) {
		t.Errorf("%d routes but %d rows in the expected table", len(routes), len(expected))
	}
}

// worked reports whether an allowed request got an answer its handler gives when it works:
// a page (200) or a redirect for a GET, and for a POST with the walk's empty form either
// success (200, 201, 204, 303) or a refusal of the empty input (400, 409, 422, 429). Anything
// else (a 404 for a path the walk filled with real ids, a 405, a 401) means the handler is
// broken for a role the policy lets in, unless answersOtherwise says why it is expected.
func worked(pattern, method string, status int) bool {
	if codes, ok := answersOtherwise[pattern]; ok && slices.Contains(codes, status) {
		return true
	}
	switch method {
	case http.MethodGet:
		return status == http.StatusOK || status == http.StatusNotModified || status == http.StatusFound ||
			status == http.StatusSeeOther
	default:
		return slices.Contains([]int{http.StatusOK, http.StatusCreated, http.StatusNoContent, http.StatusSeeOther,
			http.StatusBadRequest, http.StatusConflict, http.StatusUnprocessableEntity, http.StatusTooManyRequests}, status)
	}
}

// answersOtherwise lists routes whose working answer to the walk's request is something else,
// and why.
var answersOtherwise = map[string][]int{
	// Signing in with the walk's empty form is a failed sign-in.
	"POST /login": {http.StatusUnauthorized},
	// The participant API authenticates by the participant's token, which the walk does not
	// send (the policy lets everyone reach it; the handler asks for the token).
	"GET /api/v1/sessions/{ipe}":              {http.StatusUnauthorized},
	"GET /api/v1/sessions/{ipe}/events":       {http.StatusUnauthorized},
	"POST /api/v1/sessions/{ipe}/notes":       {http.StatusUnauthorized},
	"POST /api/v1/sessions/{ipe}/draws":       {http.StatusUnauthorized},
	"POST /api/v1/sessions/{ipe}/passes":      {http.StatusUnauthorized},
	"POST /api/v1/sessions/{ipe}/group":       {http.StatusUnauthorized},
	"POST /api/v1/sessions/{ipe}/reflections": {http.StatusUnauthorized},
	"POST /api/v1/sessions/{ipe}/votes":       {http.StatusUnauthorized},
	// The fixture's server sends no mail and names no OpenID provider: password reset and
	// provider sign-in are then not offered, and answer 404.
	"GET /password/forgot":                {http.StatusNotFound},
	"POST /password/forgot":               {http.StatusNotFound},
	"GET /password/reset/{token}":         {http.StatusNotFound},
	"POST /password/reset/{token}":        {http.StatusNotFound},
	"GET /login/oidc/{provider}":          {http.StatusNotFound},
	"GET /login/oidc/{provider}/callback": {http.StatusNotFound},
	// /metrics is served on the operators' address; on the public one it answers 404 unless a
	// bearer token is configured.
	"GET /metrics": {http.StatusNotFound},
	// A calendar feed's token is a secret; the walk's made-up one finds none.
	"GET /calendar/{token}": {http.StatusNotFound},
	// Nothing was uploaded for the walk's reading group, syllabus text or submission.
	"GET /workplaces/{workplace}/reading/{workshop}/groups/{group}/photo": {http.StatusNotFound},
	"GET /programmes/{programme}/syllabus/{text}/file":                    {http.StatusNotFound},
	"GET /workplaces/{workplace}/submissions/{submission}/files/{file}":   {http.StatusNotFound},
	// No worker runs in the walk, so the job has no result yet.
	"GET /jobs/{job}/result": {http.StatusNotFound},
	// The walk's preview names no source to start from, which the form refuses.
	"GET /programmes/new-cohort/preview": {http.StatusUnprocessableEntity},
	// The walk's preview names no record to share.
	"GET /workplaces/{workplace}/shares/new": {http.StatusUnprocessableEntity},
	// The walk's rota period and meeting ids are made up.
	"POST /workplaces/{workplace}/rota/{period}/rollback":         {http.StatusNotFound},
	"POST /workplaces/{workplace}/rota/meetings/{meeting}/cancel": {http.StatusNotFound},
	"GET /workplaces/{workplace}/rota/meetings/{meeting}/move":    {http.StatusNotFound},
	"POST /workplaces/{workplace}/rota/meetings/{meeting}/move":   {http.StatusNotFound},
	// The walk's {person} belongs to the own workplace only: in the foreign one the
	// administrator, whom the policy lets in, finds no such person there.
	"GET /workplaces/{workplace}/people/{person}/shifts":            {http.StatusNotFound},
	"POST /workplaces/{workplace}/people/{person}/rota-feed":        {http.StatusNotFound},
	"POST /workplaces/{workplace}/people/{person}/rota-feed/delete": {http.StatusNotFound},
	// The walk's note id is made up, so there is no note to keep as an idea.
	"POST /workplaces/{workplace}/ipe/{ipe}/ideas": {http.StatusNotFound},
	// Downloads that need ?format=csv|xlsx (or a session with notes) refuse the walk's bare
	// request as unprocessable, as they would a mistyped link.
	"GET /workplaces/{workplace}/ipe/{ipe}/export":           {http.StatusUnprocessableEntity},
	"GET /workplaces/{workplace}/reading/{workshop}/answers": {http.StatusUnprocessableEntity},
	"GET /programmes/{programme}/exam-list":                  {http.StatusUnprocessableEntity},
	// An administrator, who belongs to no workplace, has no submission or application of
	// their own there: the pages meant for participants say so.
	"GET /workplaces/{workplace}/requirements/{requirement}": {http.StatusUnprocessableEntity},
	"GET /workplaces/{workplace}/prior-learning":             {http.StatusUnprocessableEntity},
}

// verdict reads a response as allowed or refused: refused is 403, or a redirect to login.
func verdict(resp *http.Response) bool {
	if resp.StatusCode == http.StatusForbidden {
		return false
	}
	if resp.Request.URL.Path == "/logout" { // signing out also ends on the login page
		return strings.Contains(strings.Join(resp.Header.Values("Set-Cookie"), ";"), "flash.signed_out")
	}
	if resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/login") &&
		resp.Request.URL.Path != "/login" {
		return false
	}
	return true
}

// fillPath turns a route pattern into a request path whose ids point into the own or the
// foreign workplace, creating fresh invitations and memberships for routes that consume them.
func (f *fixture) fillPath(t *testing.T, pattern string, own bool) (string, string) {
	method, path, _ := strings.Cut(pattern, " ")
	wp, prog := f.own, f.p1
	if !own {
		wp, prog = f.fgn, f.p2
	}
	r := strings.NewReplacer("{$}", "", "{workplace}", itoa(wp.ID), "{programme}", itoa(prog.ID), "{lang}", "nn")
	path = r.Replace(path)
	if path == "/static/" {
		path = "/static/app.css"
	}
	if strings.Contains(path, "{ipe}") {
		path = strings.Replace(path, "{ipe}", itoa(f.newIPESession(t, wp).ID), 1)
	}
	path = strings.Replace(path, "{note}", "aaaaaaaaaaaaaaaa", 1)
	path = strings.Replace(path, "{person}", itoa(f.people[laeringsliv.RoleParticipant].ID), 1)
	if strings.Contains(path, "{job}") {
		owner := f.people[laeringsliv.RoleTeacher]
		if !own { // someone with no role at all
			owner = &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Annen person",
				Email: "annen." + laeringsliv.NewToken()[:8] + "@fjordvik.kommune.no"}
			must(t, f.db.CreatePerson(context.Background(), owner))
		}
		id, err := f.db.EnqueueJob(context.Background(), f.inst.ID, owner.ID, laeringsliv.ResearchExportJob{ProgrammeID: prog.ID})
		must(t, err)
		path = strings.Replace(path, "{job}", itoa(id), 1)
	}
	path = f.fillShare(t, path, wp)
	path = f.fillHandbook(t, path, prog)
	path = f.fillStudy(t, path, wp)
	if strings.Contains(path, "{invitation}") {
		inv, _ := f.newInvitation(t, wp, laeringsliv.RoleParticipant)
		path = strings.Replace(path, "{invitation}", itoa(inv.ID), 1)
	}
	if strings.Contains(path, "{token}") {
		// Accepting an invitation makes the visitor a member: invite to a workplace of its own
		// programme, so that the walk's later rows see the fixture unchanged.
		_, token := f.newInvitation(t, f.scratchWorkplace(t), laeringsliv.RoleParticipant)
		path = strings.Replace(path, "{token}", token, 1)
	}
	path = f.fillReadingPath(t, path, wp, prog)
	path = f.fillTimeRecord(t, path, wp)
	path = f.fillWish(t, path, wp)
	path = f.fillWorkGroup(t, path, wp)
	if strings.Contains(path, "{innovation}") {
		ctx := context.Background()
		pr := &laeringsliv.Project{WorkplaceID: wp.ID, Title: "Felles prosjekt"}
		must(t, f.db.CreateProject(ctx, pr))
		i := &laeringsliv.Innovation{WorkplaceID: wp.ID, ProjectID: pr.ID, Title: "Ny turnus",
			Status: laeringsliv.InnovationIdea, Size: laeringsliv.InnovationSmall}
		must(t, f.db.CreateInnovation(ctx, i, f.people[laeringsliv.RoleAdmin].ID))
		path = strings.Replace(path, "{innovation}", itoa(i.ID), 1)
	}
	if strings.Contains(path, "{membership}") {
		ctx := context.Background()
		p := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Til fjerning", Email: laeringsliv.NewToken()[:12] + "@x.no"}
		must(t, f.db.CreatePerson(ctx, p))
		m := &laeringsliv.Membership{PersonID: p.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: wp.ID}
		must(t, f.db.CreateMembership(ctx, m))
		path = strings.Replace(path, "{membership}", itoa(m.ID), 1)
	}
	return method, path
}

func contains(roles []laeringsliv.Role, r laeringsliv.Role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

// scratchWorkplace is a workplace in a programme of its own, for requests with side effects.
func (f *fixture) scratchWorkplace(t *testing.T) *laeringsliv.Workplace {
	ctx := context.Background()
	p := &laeringsliv.Programme{InstitutionID: f.inst.ID, Name: "Scratch", StartYear: 2020, EndYear: 2020, Level: laeringsliv.LevelBachelor, ECTS: 15}
	must(t, f.db.CreateProgramme(ctx, p))
	w := &laeringsliv.Workplace{ProgrammeID: p.ID, Name: "Scratch", Municipality: "X", ServiceKind: laeringsliv.ServiceOther}
	must(t, f.db.CreateWorkplace(ctx, w))
	return w
}
