package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// videoRequirement is a group requirement that accepts video up to 1 MB.
func (f *fixture) videoRequirement(t *testing.T) *laeringsliv.WorkRequirement {
	req := &laeringsliv.WorkRequirement{ProgrammeID: f.p1.ID, Code: "AK3", Title: "Innovasjonsarbeidet",
		Mode: laeringsliv.ModeIndividual, DueGathering: laeringsliv.GatheringEvaluation,
		FileKinds: []laeringsliv.FileKind{laeringsliv.FileVideo}, MaxBytes: 1 << 20, Assessors: 2}
	must(t, f.db.CreateRequirement(context.Background(), req))
	return req
}

// postMultipart sends the text and a file to the draft endpoint.
func (f *fixture) postMultipart(t *testing.T, c *http.Client, path, text, name string, file []byte) (*http.Response, string) {
	return f.postForm(t, c, path, [][2]string{{"text", text}}, "file", name, bytes.NewReader(file))
}

// movie is a minimal QuickTime file with a movie header.
func movie(media int) []byte {
	box := func(typ string, body []byte) []byte {
		n := 8 + len(body)
		return append([]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n), typ[0], typ[1], typ[2], typ[3]}, body...)
	}
	out := box("ftyp", []byte("qt  \x00\x00\x02\x00qt  "))
	out = append(out, box("moov", box("mvhd", make([]byte, 100)))...)
	return append(out, box("mdat", make([]byte, media))...)
}

func TestDraftSurvivesRefusedFiles(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	req := f.videoRequirement(t)
	c := f.signIn(t, laeringsliv.RoleParticipant)
	base := "/workplaces/" + itoa(f.own.ID) + "/requirements/" + itoa(req.ID)

	// Autosave as typed.
	r, err := http.NewRequest(http.MethodPost, f.srv.URL+base+"/draft", strings.NewReader(url.Values{"text": {"Første linje, æøå"}}.Encode()))
	must(t, err)
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("X-Autosave", "1")
	resp, err := c.Do(r)
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("autosave: %d", resp.StatusCode)
	}

	// A renamed executable is refused; the new text is kept and shown.
	resp, body := f.postMultipart(t, c, base+"/draft", "Andre versjon av teksten", "video.mov", append([]byte("MZ"), make([]byte, 600)...))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Denne filtypen er ikke tillatt her") || !strings.Contains(body, "Andre versjon av teksten") {
		t.Fatalf("wrong type: %d\n%s", resp.StatusCode, body)
	}
	// Too large.
	resp, body = f.postMultipart(t, c, base+"/draft", "Tredje versjon", "stor.mov", movie(2<<20))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "større enn grensen") {
		t.Fatalf("too large: %d\n%s", resp.StatusCode, body)
	}
	subs, err := f.db.FindSubmissions(context.Background(), laeringsliv.SubmissionFilter{RequirementID: req.ID})
	must(t, err)
	if len(subs) != 1 || subs[0].Text != "Tredje versjon" || len(subs[0].Files) != 0 {
		t.Fatalf("draft after refused files: %+v", subs)
	}
	// A real video is accepted, and the client's name is kept for display only.
	resp, _ = f.postMultipart(t, c, base+"/draft", "Fjerde versjon", "../../AK3.mov", movie(1000))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("video: %d", resp.StatusCode)
	}
	subs, _ = f.db.FindSubmissions(context.Background(), laeringsliv.SubmissionFilter{RequirementID: req.ID})
	if len(subs[0].Files) != 1 || subs[0].Files[0].Name != "AK3.mov" || subs[0].Files[0].Kind != laeringsliv.FileVideo || strings.Contains(subs[0].Files[0].Key, "AK3") {
		t.Fatalf("file %+v", subs[0].Files)
	}
	// Teachers and the member fetch the file, with ranges for scrubbing a video.
	fileURL := "/workplaces/" + itoa(f.own.ID) + "/submissions/" + itoa(subs[0].ID) + "/files/" + itoa(subs[0].Files[0].ID)
	for _, role := range []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleTeacher} {
		resp, body := f.do(t, f.signIn(t, role), http.MethodGet, fileURL, nil)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "video/quicktime" || len(body) != len(movie(1000)) ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "AK3.mov") {
			t.Fatalf("%s fetches the file: %d %v", role, resp.StatusCode, resp.Header)
		}
	}
	if resp, _ := f.do(t, f.signIn(t, laeringsliv.RoleLeader), http.MethodGet, fileURL, nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("the leader fetches a participant's file: %d", resp.StatusCode)
	}
	// Submit, then two teachers must agree.
	resp, _ = f.do(t, c, http.MethodPost, base+"/submit", url.Values{})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("submit: %d", resp.StatusCode)
	}
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	assessURL := "/workplaces/" + itoa(f.own.ID) + "/submissions/" + itoa(subs[0].ID)
	resp, body = f.do(t, teacher, http.MethodPost, assessURL, url.Values{"verdict": {"not_approved"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Skriv en tilbakemelding") {
		t.Fatalf("not approved without feedback: %d", resp.StatusCode)
	}
	resp, _ = f.do(t, teacher, http.MethodPost, assessURL, url.Values{"verdict": {"approved"}, "feedback": {"Fin video."}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("assess: %d", resp.StatusCode)
	}
	sub, _ := f.db.FindSubmission(context.Background(), subs[0].ID)
	if sub.Status != laeringsliv.StatusSubmitted {
		t.Fatalf("one of two teachers approved: %s", sub.Status)
	}
	_, body = f.do(t, c, http.MethodGet, "/workplaces/"+itoa(f.own.ID)+"/study", nil)
	if !strings.Contains(body, "Fin video.") {
		t.Error("the participant does not see the feedback")
	}
	_, body = f.do(t, f.signIn(t, laeringsliv.RoleLeader), http.MethodGet, "/workplaces/"+itoa(f.own.ID)+"/study", nil)
	if strings.Contains(body, "Fin video.") || !strings.Contains(body, "Tall for arbeidsplassen") {
		t.Error("the leader sees an individual assessment, or no counts")
	}
}

func TestCalendarFeeds(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	day := time.Date(2017, 9, 12, 6, 30, 0, 0, time.UTC)
	g := &laeringsliv.Gathering{WorkplaceID: f.own.ID, Kind: laeringsliv.GatheringStartUp, Title: "Oppstartsamling på Solsiden",
		Place:  "Møterom «Fjordgløtt», 2. etasje, ved siden av kjøkkenet på avdeling Øst",
		Days:   []laeringsliv.GatheringDay{{Start: day, End: day.Add(7 * time.Hour)}},
		Agenda: []laeringsliv.AgendaItem{{Start: day, Title: "Lapp i hatt"}}}
	must(t, f.db.CreateGathering(ctx, g))
	c := f.signIn(t, laeringsliv.RoleParticipant)
	resp, body := f.do(t, c, http.MethodGet, "/workplaces/"+itoa(f.own.ID)+"/calendar.ics", nil)
	unfolded := strings.ReplaceAll(body, "\r\n ", "")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") ||
		!strings.Contains(unfolded, "DTSTART:20170912T063000Z") || !strings.Contains(unfolded, "Møterom «Fjordgløtt»\\, 2. etasje") {
		t.Fatalf("workplace feed %d:\n%s", resp.StatusCode, body)
	}

	// A personal address, shown once, works without signing in until it is revoked.
	resp, _ = f.do(t, c, http.MethodPost, "/account/calendar", url.Values{"back": {"/workplaces/" + itoa(f.own.ID) + "/gatherings"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create feed: %d", resp.StatusCode)
	}
	_, page := f.do(t, c, http.MethodGet, "/workplaces/"+itoa(f.own.ID)+"/gatherings", nil)
	i := strings.Index(page, "/calendar/")
	if i < 0 {
		t.Fatal("the new address is not shown")
	}
	feed := page[i : i+strings.Index(page[i:], ".ics")+4]
	resp, body = f.do(t, f.client(t), http.MethodGet, feed, nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Oppstartsamling") {
		t.Fatalf("personal feed %d", resp.StatusCode)
	}
	f.do(t, c, http.MethodPost, "/account/calendar/revoke", url.Values{})
	if resp, _ = f.do(t, f.client(t), http.MethodGet, feed, nil); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("revoked feed: %d", resp.StatusCode)
	}
	if resp, _ = f.do(t, c, http.MethodGet, "/workplaces/"+itoa(f.own.ID)+"/gatherings/print", nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("print: %d", resp.StatusCode)
	}

	// A teacher plans the next gathering; it is in the feed at once.
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	resp, _ = f.do(t, teacher, http.MethodPost, "/workplaces/"+itoa(f.own.ID)+"/gatherings", url.Values{"kind": {"evaluation"},
		"title": {"Evalueringssamling"}, "place": {"Kantina"}, "days": {"15.01.2018 09:00-15:00"}, "agenda": {"09:00-10:00 Evaluering med lapp i hatt"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("plan gathering: %d", resp.StatusCode)
	}
	_, body = f.do(t, c, http.MethodGet, "/workplaces/"+itoa(f.own.ID)+"/calendar.ics", nil)
	if !strings.Contains(body, "DTSTART:20180115T080000Z") || !strings.Contains(strings.ReplaceAll(body, "\r\n ", ""), "Evaluering med lapp i hatt") {
		t.Fatalf("the planned gathering is not in the feed:\n%s", body)
	}
}

func TestPriorLearningDecision(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	c := f.signIn(t, laeringsliv.RoleParticipant)
	path := "/workplaces/" + itoa(f.own.ID) + "/prior-learning"
	resp, body := f.do(t, c, http.MethodPost, path, url.Values{"level": {"bachelor"}, "issuer0": {"Kommunen"}, "from0": {"i fjor"}, "pct0": {"80"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Skriv datoen som") || !strings.Contains(body, "Kommunen") {
		t.Fatalf("bad date: %d", resp.StatusCode)
	}
	resp, _ = f.do(t, c, http.MethodPost, path, url.Values{"level": {"bachelor"}, "trade_certificate": {"on"}, "certificate_title": {"Fagbrev helsearbeiderfaget"},
		"issuer0": {"Kommunen"}, "from0": {"01.01.2010"}, "to0": {"31.12.2016"}, "pct0": {"75 %"}, "relevant0": {"on"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("apply: %d", resp.StatusCode)
	}
	apps, err := f.db.FindPriorLearnings(context.Background(), laeringsliv.PriorLearningFilter{PersonID: f.people[laeringsliv.RoleParticipant].ID})
	must(t, err)
	if len(apps) != 1 || len(apps[0].Documents) != 2 {
		t.Fatalf("applications %+v", apps)
	}
	officer := f.signIn(t, laeringsliv.RoleAdmissions)
	decide := "/programmes/" + itoa(f.p1.ID) + "/admissions/" + itoa(apps[0].ID)
	_, body = f.do(t, officer, http.MethodGet, decide, nil)
	if !strings.Contains(body, "oppfyller regelen") {
		t.Fatalf("the rules' suggestion is not shown:\n%s", body)
	}
	resp, _ = f.do(t, officer, http.MethodPost, decide, url.Values{"outcome": {"approved"}, "rationale": {"Fagbrev og over fem årsverk."}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("decide: %d", resp.StatusCode)
	}
	_, body = f.do(t, c, http.MethodGet, path, nil)
	if !strings.Contains(body, "Fagbrev og over fem årsverk.") || !strings.Contains(body, f.people[laeringsliv.RoleAdmissions].Name) {
		t.Fatal("the applicant does not see the decision, or who made it")
	}

	// The exam list for the student system.
	resp, _ = f.do(t, c, http.MethodPost, "/workplaces/"+itoa(f.own.ID)+"/exam", url.Values{"level": {"bachelor"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("register: %d", resp.StatusCode)
	}
	resp, body = f.do(t, officer, http.MethodGet, "/programmes/"+itoa(f.p1.ID)+"/exam-list?format=csv", nil)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "\uFEFFworkplace,person,level,requirements_approved,admission_basis,eligible") ||
		!strings.Contains(body, "prior_learning") {
		t.Fatalf("exam list %d:\n%s", resp.StatusCode, body)
	}
	if resp, _ = f.do(t, officer, http.MethodGet, "/programmes/"+itoa(f.p1.ID)+"/exam-list?format=pdf", nil); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("pdf: %d", resp.StatusCode)
	}
}

// TestStudyErrorKeys checks that every message key the study domain returns is in the
// catalogs (the catalog test only finds keys in templates and error./flash. keys in Go).
func TestStudyErrorKeys(t *testing.T) {
	c, err := loadCatalogs()
	must(t, err)
	keys := []string{"study.error.date_invalid", "submission.error.file_too_large", "submission.error.file_type",
		"submission.error.file_empty", "submission.error.participants_only", "submission.error.exists",
		"submission.error.not_draft", "submission.error.not_member", "submission.error.not_rejected",
		"submission.error.member_invalid", "submission.error.individual", "submission.error.wrong_programme",
		"submission.error.members_required", "submission.error.text_too_long", "submission.error.required",
		"submission.error.nothing_to_submit", "assessment.error.not_submitted", "assessment.error.feedback_required",
		"assessment.error.verdict_invalid", "assessment.error.feedback_too_long", "exam.error.registered",
		"exam.error.result_invalid", "exam.error.qualification_exists", "exam.error.qualification_invalid",
		"requirement.error.code_taken", "requirement.error.due_one_of", "requirement.error.size_invalid",
		"requirement.error.assessors_invalid", "requirement.error.mode_invalid", "requirement.error.file_kind_invalid",
		"requirement.error.code_required", "requirement.error.description_too_long", "requirement.error.required",
		"gathering.error.kind_invalid", "gathering.error.days_required", "gathering.error.day_invalid",
		"gathering.error.place_too_long", "gathering.error.agenda_title_required", "gathering.error.agenda_time_invalid",
		"priorlearning.error.kind_invalid", "priorlearning.error.too_long", "priorlearning.error.from_required",
		"priorlearning.error.to_before_from", "priorlearning.error.outcome_invalid", "priorlearning.error.rationale_required",
		"priorlearning.error.work_years_invalid", "priorlearning.error.no_documents", "priorlearning.error.issuer_required",
		"priorlearning.error.certificate_title", "gathering.my_calendar", "assessment.assess", "admission.error.format", "gathering.error.day_line", "gathering.error.agenda_line"}
	for _, k := range laeringsliv.GatheringKinds() {
		keys = append(keys, "gathering.kind."+string(k))
	}
	for _, k := range laeringsliv.AllFileKinds() {
		keys = append(keys, "file_kind."+string(k))
	}
	for _, s := range []laeringsliv.SubmissionStatus{laeringsliv.StatusDraft, laeringsliv.StatusSubmitted, laeringsliv.StatusApproved, laeringsliv.StatusNotApproved} {
		keys = append(keys, "submission.status."+string(s))
	}
	for _, o := range []laeringsliv.DecisionOutcome{laeringsliv.DecisionApproved, laeringsliv.DecisionRejected, laeringsliv.DecisionMoreDocument} {
		keys = append(keys, "priorlearning.outcome."+string(o))
	}
	for _, d := range []laeringsliv.DocumentKind{laeringsliv.DocTradeCertificate, laeringsliv.DocEmployment, laeringsliv.DocOther} {
		keys = append(keys, "priorlearning.doc."+string(d))
	}
	for _, lang := range []string{"nb", "nn", "en"} {
		for _, k := range keys {
			if !c.keys[lang][k] {
				t.Errorf("catalog %s lacks %q", lang, k)
			}
		}
	}
}
