package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/filestore"
)

// testFiles is a file store in a temporary folder.
func testFiles(t testing.TB) filestore.Store {
	d, err := filestore.NewDir(t.TempDir())
	must(t, err)
	return d
}

// studyRows are the study programme's rows of the route-walk's expected table.
var studyRows = map[string]struct{ own, foreign []laeringsliv.Role }{
	"GET /calendar/{token}":                                          {everyone, everyone},
	"POST /account/calendar":                                         {signedIns, signedIns},
	"POST /account/calendar/revoke":                                  {signedIns, signedIns},
	"GET /workplaces/{workplace}/gatherings":                         {inOwn, admins},
	"GET /workplaces/{workplace}/gatherings/print":                   {inOwn, admins},
	"GET /workplaces/{workplace}/gatherings/new":                     {teachers, admins},
	"POST /workplaces/{workplace}/gatherings":                        {teachers, admins},
	"GET /workplaces/{workplace}/calendar.ics":                       {inOwn, admins},
	"GET /workplaces/{workplace}/study":                              {inOwn, admins},
	"GET /workplaces/{workplace}/requirements/{requirement}":         {participants, admins},
	"POST /workplaces/{workplace}/requirements/{requirement}/draft":  {participants, admins},
	"POST /workplaces/{workplace}/requirements/{requirement}/submit": {participants, admins},
	"POST /workplaces/{workplace}/exam":                              {participants, admins},
	"GET /workplaces/{workplace}/prior-learning":                     {participants, admins},
	"POST /workplaces/{workplace}/prior-learning":                    {participants, admins},
	"GET /workplaces/{workplace}/prior-learning/on-behalf":           {teachers, admins},
	"POST /workplaces/{workplace}/prior-learning/on-behalf":          {teachers, admins},
	"GET /workplaces/{workplace}/assessment":                         {teachers, admins},
	"GET /workplaces/{workplace}/submissions/{submission}":           {teachers, admins},
	"POST /workplaces/{workplace}/submissions/{submission}":          {teachers, admins},
	// The walk's submission has a member of its own, so of the fixture's roles only teachers
	// (and administrators) may fetch its files; the file id is unknown, so allowed is 404.
	"GET /workplaces/{workplace}/submissions/{submission}/files/{file}": {teachers, admins},
	// The fixture's teacher teaches a workplace, not the programme: only programme teachers
	// define requirements.
	"GET /programmes/{programme}/requirements":                    {admins, admins},
	"POST /programmes/{programme}/requirements":                   {admins, admins},
	"GET /programmes/{programme}/requirements/{requirement}/edit": {admins, admins},
	"POST /programmes/{programme}/requirements/{requirement}":     {admins, admins},
	"GET /programmes/{programme}/exam-list":                       {admissionsOffice, admins},
	"GET /programmes/{programme}/admissions":                      {admissionsOffice, admins},
	"GET /programmes/{programme}/admissions/{application}":        {admissionsOffice, admins},
	"POST /programmes/{programme}/admissions/{application}":       {admissionsOffice, admins},
}

var (
	participants     = []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleAdmin}
	admissionsOffice = []laeringsliv.Role{laeringsliv.RoleAdmissions, laeringsliv.RoleAdmin}
)

func init() {
	for k, v := range studyRows {
		expected[k] = v
	}
}

// fillStudy replaces the study programme's ids in a path with fresh ones in the workplace and
// programme of the walk.
func (f *fixture) fillStudy(t *testing.T, path string, wp *laeringsliv.Workplace) string {
	if !strings.Contains(path, "{requirement}") && !strings.Contains(path, "{submission}") && !strings.Contains(path, "{application}") {
		return path
	}
	ctx := context.Background()
	req := &laeringsliv.WorkRequirement{ProgrammeID: wp.ProgrammeID, Code: laeringsliv.NewToken()[:8], Title: "AK",
		Mode: laeringsliv.ModeIndividual, DueAt: time.Now(), Assessors: 1}
	must(t, f.db.CreateRequirement(ctx, req))
	path = strings.Replace(path, "{requirement}", itoa(req.ID), 1)
	if strings.Contains(path, "{submission}") {
		sub := f.newSubmission(t, req, wp)
		path = strings.Replace(path, "{submission}", itoa(sub.ID), 1)
		path = strings.Replace(path, "{file}", "999999", 1)
	}
	if strings.Contains(path, "{application}") {
		a := &laeringsliv.PriorLearningApplication{WorkplaceID: wp.ID, PersonID: f.people[laeringsliv.RoleParticipant].ID,
			Level: laeringsliv.LevelBachelor, CreatedBy: f.people[laeringsliv.RoleParticipant].ID,
			Documents: []laeringsliv.PriorLearningDocument{{Kind: laeringsliv.DocTradeCertificate, Title: "Fagbrev"}}}
		must(t, f.db.CreatePriorLearning(ctx, a))
		path = strings.Replace(path, "{application}", itoa(a.ID), 1)
	}
	return path
}

// newSubmission hands in a one-person submission by a fresh participant of wp.
func (f *fixture) newSubmission(t *testing.T, req *laeringsliv.WorkRequirement, wp *laeringsliv.Workplace) *laeringsliv.Submission {
	ctx := context.Background()
	p := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Deltaker", Email: laeringsliv.NewToken()[:12] + "@x.no"}
	must(t, f.db.CreatePerson(ctx, p))
	must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: p.ID, Role: laeringsliv.RoleParticipant, WorkplaceID: wp.ID}))
	sub := &laeringsliv.Submission{RequirementID: req.ID, WorkplaceID: wp.ID, AuthorID: p.ID, MemberIDs: []int64{p.ID}, Text: "Logg"}
	must(t, f.db.SaveDraft(ctx, sub))
	_, err := f.db.Submit(ctx, sub.ID, p.ID)
	must(t, err)
	return sub
}
