package web

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// TestEditRequirement: a programme teacher changes a requirement; a bad size keeps what was
// typed; another programme's requirement is not found.
func TestEditRequirement(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	teacher := &laeringsliv.Person{InstitutionID: f.inst.ID, Name: "Programmelærer", Email: "pl@x.no"}
	must(t, f.db.CreatePerson(ctx, teacher))
	must(t, f.db.CreateMembership(ctx, &laeringsliv.Membership{PersonID: teacher.ID, Role: laeringsliv.RoleTeacher, ProgrammeID: f.p1.ID}))
	c := f.signInAs(t, teacher)
	req := f.videoRequirement(t)
	path := "/programmes/" + itoa(f.p1.ID) + "/requirements/" + itoa(req.ID)

	resp, body := f.do(t, c, http.MethodGet, path+"/edit", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `value="Innovasjonsarbeidet"`) || !strings.Contains(body, `value="video" id="k-video" checked`) {
		t.Fatalf("edit page %d:\n%s", resp.StatusCode, body)
	}
	form := requirementValues(req)
	form.Set("title", "Innovasjonsarbeidet – video")
	form.Set("max_mb", "mange")
	resp, body = f.do(t, c, http.MethodPost, path, form)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Innovasjonsarbeidet – video") {
		t.Fatalf("bad size: %d", resp.StatusCode)
	}
	form.Set("max_mb", "500")
	form.Add("file_kinds", "pdf")
	if resp, _ = f.do(t, c, http.MethodPost, path, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	got, err := f.db.FindRequirement(ctx, req.ID)
	must(t, err)
	if got.Title != "Innovasjonsarbeidet – video" || got.MaxBytes != 500<<20 || !got.Allows(laeringsliv.FilePDF) || got.Assessors != 2 {
		t.Fatalf("saved %+v", got)
	}
	_, body = f.do(t, c, http.MethodGet, "/programmes/"+itoa(f.p1.ID)+"/requirements", nil)
	if !strings.Contains(body, `href="`+path+`/edit"`) {
		t.Fatal("the list does not link to the edit page")
	}
	foreign := &laeringsliv.WorkRequirement{ProgrammeID: f.p2.ID, Code: "AK1", Title: "Logg", Mode: laeringsliv.ModeIndividual,
		DueAt: time.Now(), Assessors: 1}
	must(t, f.db.CreateRequirement(ctx, foreign))
	if resp, _ = f.do(t, c, http.MethodGet, "/programmes/"+itoa(f.p1.ID)+"/requirements/"+itoa(foreign.ID)+"/edit", nil); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("another programme's requirement: %d", resp.StatusCode)
	}
}

// TestRequirementValuesRoundTrip: what the edit form shows reads back as the same requirement.
func TestRequirementValuesRoundTrip(t *testing.T) {
	winter, _ := laeringsliv.ParseDate("15.01.2018")
	summer, _ := laeringsliv.ParseDate("15.06.2018")
	for _, req := range []*laeringsliv.WorkRequirement{
		{Code: "AK1", Title: "Refleksjonslogg", Description: "Velg et prosjekt.\nSkriv.", Mode: laeringsliv.ModeIndividual,
			DueAt: endOfDay(winter), Assessors: 1},
		{Code: "AK2", Title: "Presentasjon", Mode: laeringsliv.ModeGroup, DueAt: endOfDay(summer),
			FileKinds: []laeringsliv.FileKind{laeringsliv.FilePDF, laeringsliv.FileOffice}, MaxBytes: 50 << 20, Assessors: 2},
		{Code: "AK3", Title: "Video", Mode: laeringsliv.ModeGroup, DueGathering: laeringsliv.GatheringEvaluation,
			FileKinds: []laeringsliv.FileKind{laeringsliv.FileVideo}, MaxBytes: laeringsliv.MaxUploadBytes, Assessors: 2},
	} {
		got, errs := parseRequirementForm(requirementValues(req))
		if errs != nil || !reflect.DeepEqual(got, req) {
			t.Errorf("%s: %+v %v, want %+v", req.Code, got, errs, req)
		}
		if d := dueValue(req); req.DueGathering == "" && d != req.DueAt.In(laeringsliv.Norway()).Format("02.01.2006") {
			t.Errorf("%s: due shows %q", req.Code, d)
		}
	}
	if d := dueValue(&laeringsliv.WorkRequirement{DueAt: endOfDay(summer)}); d != "15.06.2018" {
		t.Errorf("a summer deadline shows as %q", d)
	}
}

func FuzzRequirementValuesRoundTrip(f *testing.F) {
	f.Add("AK1", "Logg", "tekst", "individual", "15.01.2018", int64(20), 1, "pdf")
	f.Add("AK3", "Video", "", "group", "gathering:evaluation", int64(4096), 2, "video")
	f.Fuzz(func(t *testing.T, code, title, desc, mode, due string, mb int64, assessors int, kind string) {
		req, errs := parseRequirementForm(url.Values{"code": {code}, "title": {title}, "description": {desc}, "mode": {mode},
			"due": {due}, "max_mb": {itoa(mb)}, "assessors": {itoa(int64(assessors))}, "file_kinds": {kind}})
		if len(errs) > 0 {
			return
		}
		again, errs := parseRequirementForm(requirementValues(req))
		if len(errs) > 0 || !reflect.DeepEqual(again, req) {
			t.Fatalf("%+v read back as %+v %v", req, again, errs)
		}
	})
}
