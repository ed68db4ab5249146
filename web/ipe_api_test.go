package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// Teachers and leaders of the workplace run any session; the participant who created one
// runs it too (the fixture's sessions are created by the participant).
var ipeFacilitators = []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleTeacher,
	laeringsliv.RoleLeader, laeringsliv.RoleAdmin}

// Everyone in the workplace sees its sessions and the projector view; a teacher of the
// programme does too. Admissions (programme scope) does not: the notes are the staff's.
var ipeViewers = []laeringsliv.Role{laeringsliv.RoleParticipant, laeringsliv.RoleContributor, laeringsliv.RoleTeacher,
	laeringsliv.RoleLeader, laeringsliv.RoleUnionRep, laeringsliv.RoleAdmin}

// newIPESession creates a draft session in wp, created by the fixture's participant.
func (f *fixture) newIPESession(t testing.TB, wp *laeringsliv.Workplace) *laeringsliv.IPESession {
	t.Helper()
	s := &laeringsliv.IPESession{WorkplaceID: wp.ID, Kind: laeringsliv.IPEKindCapture, Question: "Hva fungerer?",
		CreatedBy: f.people[laeringsliv.RoleParticipant].ID}
	must(t, f.db.CreateIPESession(context.Background(), s, []string{"Gruppe 1", "Gruppe 2"}, nil))
	return s
}

// api sends a JSON request with a bearer token and decodes the answer into out (may be nil).
func (f *fixture) api(t testing.TB, c *http.Client, method, path, token string, body any, out any) int {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, f.srv.URL+path, rd)
	must(t, err)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.Do(req)
	must(t, err)
	defer resp.Body.Close()
	if out != nil {
		_ = json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode
}

func TestIPEAPIFlow(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	sess := f.newIPESession(t, f.own)
	c := f.client(t)
	facilitator := f.signIn(t, laeringsliv.RoleTeacher)
	var errBody apiErrorBody
	if code := f.api(t, c, "POST", "/api/v1/join", "", map[string]string{"code": "ZZZZZZ"}, &errBody); code != 404 || errBody.Error.Code != "unknown_code" {
		t.Fatalf("unknown code: %d %+v", code, errBody)
	}
	if code := f.api(t, c, "POST", "/api/v1/join", "", "not an object", &errBody); code != 422 || errBody.Error.Code != "bad_json" {
		t.Fatalf("bad body: %d %+v", code, errBody)
	}
	var tokens []string
	for range 4 {
		var j JoinResponse
		if code := f.api(t, c, "POST", "/api/v1/join", "", map[string]string{"code": strings.ToLower(sess.JoinCode)}, &j); code != 201 {
			t.Fatalf("join: %d", code)
		}
		tokens = append(tokens, j.Token)
	}
	base := "/api/v1/sessions/" + itoa(sess.ID)
	if code := f.api(t, c, "POST", base+"/notes", tokens[0], map[string]string{"text": "x"}, &errBody); code != 422 || errBody.Error.Code != "wrong_phase" {
		t.Fatalf("note in draft: %d %+v", code, errBody)
	}
	if code := f.api(t, c, "POST", base+"/notes", "", map[string]string{"text": "x"}, &errBody); code != 401 {
		t.Fatalf("no token: %d", code)
	}
	phase := func(from laeringsliv.IPEPhase, want int) {
		t.Helper()
		if code := f.api(t, facilitator, "POST", base+"/phase", "", phaseRequest{From: from}, &errBody); code != want {
			t.Fatalf("phase from %s: %d, want %d (%+v)", from, code, want, errBody)
		}
	}
	phase(laeringsliv.IPEPhaseDraft, 200)
	phase(laeringsliv.IPEPhaseDraft, 409)

	if code := f.api(t, c, "POST", base+"/notes", tokens[0], map[string]string{"text": "  "}, &errBody); code != 422 || errBody.Error.Code != "note_empty" {
		t.Fatalf("empty note: %d %+v", code, errBody)
	}
	if code := f.api(t, c, "POST", base+"/notes", tokens[0], map[string]string{"text": strings.Repeat("å", 501)}, &errBody); code != 422 || errBody.Error.Code != "note_too_long" {
		t.Fatalf("long note: %d %+v", code, errBody)
	}
	if code := f.api(t, c, "POST", base+"/notes", tokens[0], map[string]string{"text": "Ring 98765432"}, &errBody); code != 422 ||
		errBody.Error.Code != "personal_data" || len(errBody.Error.Kinds) != 1 {
		t.Fatalf("phone: %d %+v", code, errBody)
	}
	for i, tok := range tokens[:2] {
		if code := f.api(t, c, "POST", base+"/notes", tok, noteRequest{Text: "Notat " + itoa(int64(i)) + " 98765432", Confirm: true}, nil); code != 201 {
			t.Fatalf("note: %d", code)
		}
	}
	// A phone that lost the answer sends the note again under its key: stored once.
	keyed := noteRequest{Text: "Notat med nøkkel", Key: "Zm9vYmFyYmF6cXV4cXV1eA"}
	for range 3 {
		if code := f.api(t, c, "POST", base+"/notes", tokens[0], keyed, &errBody); code != 201 {
			t.Fatalf("keyed note: %d %+v", code, errBody)
		}
	}
	if hat, err := f.db.FindIPEHat(context.Background(), sess.ID); err != nil || hat.Notes != 3 {
		t.Fatalf("hat after a note sent three times under one key: %+v %v; want 3 notes", hat, err)
	}
	if code := f.api(t, c, "POST", base+"/notes", tokens[0], noteRequest{Text: "x", Key: "kort"}, &errBody); code != 422 ||
		errBody.Error.Code != "key_invalid" {
		t.Fatalf("bad key: %d %+v", code, errBody)
	}
	phase(laeringsliv.IPEPhaseCapture, 422) // two writers: the hat stays closed
	if code := f.api(t, c, "POST", base+"/notes", tokens[2], map[string]string{"text": "<script>alert(1)</script>"}, nil); code != 201 {
		t.Fatalf("note: %d", code)
	}
	phase(laeringsliv.IPEPhaseCapture, 200)

	// Turns: tokens 0 and 2 share the first group, seats 1 and 2.
	var turnState IPEState
	if code := f.api(t, c, "GET", base, tokens[2], nil, &turnState); code != 200 || turnState.Seat != 2 || turnState.Groups[0].Turn != 1 {
		t.Fatalf("turn state: %d seat %d groups %+v", code, turnState.Seat, turnState.Groups)
	}
	if code := f.api(t, c, "POST", base+"/draws", tokens[2], nil, &errBody); code != 422 || errBody.Error.Code != "not_your_turn" {
		t.Fatalf("draw out of turn: %d %+v", code, errBody)
	}
	var d DrawJSON
	if code := f.api(t, c, "POST", base+"/draws", tokens[0], nil, &d); code != 201 || d.Text == "" {
		t.Fatalf("draw: %d %+v", code, d)
	}
	if code := f.api(t, c, "POST", base+"/passes", tokens[0], passRequest{Seat: 2}, nil); code != 200 {
		t.Fatalf("pass: %d", code)
	}
	if code := f.api(t, c, "POST", base+"/passes", tokens[2], passRequest{Seat: 2}, &errBody); code != 409 || errBody.Error.Code != "turn_changed" {
		t.Fatalf("second pass: %d %+v", code, errBody)
	}
	if code := f.api(t, c, "POST", base+"/reflections", tokens[0], noteRef{Note: d.Note, Text: "Godt forslag"}, nil); code != 200 {
		t.Fatalf("reflect: %d", code)
	}
	if code := f.api(t, c, "POST", base+"/votes", tokens[0], noteRef{Note: "'; DROP TABLE x"}, &errBody); code != 422 {
		t.Fatalf("bad note id: %d", code)
	}
	phase(laeringsliv.IPEPhaseDraw, 200)
	if code := f.api(t, c, "POST", base+"/votes", tokens[0], noteRef{Note: d.Note}, nil); code != 201 {
		t.Fatalf("vote: %d", code)
	}
	var st IPEState
	if code := f.api(t, c, "GET", base, tokens[0], nil, &st); code != 200 || st.Spent != 1 || st.Hat.Writers != 3 {
		t.Fatalf("state: %d %+v", code, st)
	}
	for _, g := range st.Groups {
		for _, dr := range g.Draws {
			if dr.Votes != nil {
				t.Fatal("votes shown before the plenum")
			}
		}
	}
	phase(laeringsliv.IPEPhaseVote, 200)
	f.api(t, c, "GET", base, tokens[1], nil, &st)
	if st.Phase != laeringsliv.IPEPhasePlenum || len(st.Groups[0].Draws)+len(st.Groups[1].Draws) != 1 {
		t.Fatalf("plenum state %+v", st)
	}
}

func TestDecodeJSON(t *testing.T) {
	for _, tc := range []struct {
		body string
		ok   bool
	}{
		{`{"text":"hei"}`, true},
		{`{"text":"hei","confirm":true}`, true},
		{`{"text":1}`, false},
		{`{"txt":"hei"}`, false},
		{`{"text":"a"} {"text":"b"}`, false},
		{``, false},
		{`[]`, false},
		{`null`, true},
	} {
		var n noteRequest
		if err := decodeJSON([]byte(tc.body), &n); (err == nil) != tc.ok {
			t.Errorf("decodeJSON(%q) = %v, want ok=%v", tc.body, err, tc.ok)
		}
	}
}

func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{`{"text":"hei"}`, `{"code":"ABC-DEF"}`, `{"note":"aaaaaaaaaaaaaaaa","text":"x"}`, `{`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var n noteRequest
		if decodeJSON(b, &n) == nil {
			_, _ = laeringsliv.CleanNote(n.Text)
		}
		var j joinRequest
		if decodeJSON(b, &j) == nil {
			_ = laeringsliv.NormalizeJoinCode(j.Code)
		}
		var r noteRef
		if decodeJSON(b, &r) == nil {
			_ = r.validate()
		}
	})
}

// The facilitator's pages render; a note holding HTML is shown as text; redaction and export work.
func TestIPEPages(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	ctx := context.Background()
	sess := f.newIPESession(t, f.own)
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	path := ipePath(sess)
	for _, p := range []string{"/workplaces/" + itoa(f.own.ID) + "/ipe", "/workplaces/" + itoa(f.own.ID) + "/ipe/new", path, path + "/screen", "/ipe?code=" + sess.JoinCode} {
		if resp, body := f.do(t, teacher, "GET", p, nil); resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", p, resp.StatusCode, body)
		}
	}
	if resp, _ := f.do(t, teacher, "POST", path+"/phase", url.Values{"from": {"draft"}}); resp.StatusCode != 303 {
		t.Fatalf("phase: %d", resp.StatusCode)
	}
	for i := range 3 {
		p, pToken, err := f.db.JoinIPE(ctx, sess.ID, 0)
		must(t, err)
		p.Token = pToken
		_, err = f.db.AddIPENote(ctx, p, "<script>alert("+itoa(int64(i))+")</script> Ola")
		must(t, err)
	}
	f.do(t, teacher, "POST", path+"/phase", url.Values{"from": {"capture"}})
	_, body := f.do(t, teacher, "GET", path, nil)
	if strings.Contains(body, "<script>alert(") || !strings.Contains(body, "&lt;script&gt;alert(") {
		t.Fatal("a note's HTML was not escaped on the console")
	}
	notes, err := f.db.FindIPENotes(ctx, sess.ID)
	must(t, err)
	if resp, _ := f.do(t, teacher, "POST", path+"/notes/"+notes[0].ID+"/redact", url.Values{"text": {"[sladdet]"}}); resp.StatusCode != 303 {
		t.Fatalf("redact: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, teacher, "POST", path+"/notes/"+notes[0].ID+"/redact", url.Values{"text": {""}}); resp.StatusCode != 422 {
		t.Fatalf("empty redaction: %d", resp.StatusCode)
	}
	_, err = f.db.DrawIPENote(ctx, sess.ID, firstGroupID(t, f, sess.ID))
	must(t, err)
	resp, csv := f.do(t, teacher, "GET", path+"/export?format=csv", nil)
	if resp.StatusCode != 200 || !strings.Contains(csv, "Gruppe 1") || strings.Count(csv, "alert(") != 2 || !strings.Contains(csv, "[sladdet]") {
		t.Fatalf("export: %d %q", resp.StatusCode, csv)
	}
	if resp, _ := f.do(t, teacher, "GET", path+"/export?format=pdf", nil); resp.StatusCode != 422 {
		t.Fatalf("bad format: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, teacher, "GET", path+"/export?format=xlsx", nil); resp.StatusCode != 200 {
		t.Fatalf("xlsx: %d", resp.StatusCode)
	}
}

func firstGroupID(t *testing.T, f *fixture, sessionID int64) int64 {
	groups, err := f.db.FindIPEGroups(context.Background(), sessionID)
	must(t, err)
	return groups[0].ID
}

// A facilitator's program moves a session on with a personal API token; an unknown one is
// refused.
func TestIPEPhaseWithAPIToken(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	sess := f.newIPESession(t, f.own)
	token := laeringsliv.NewAPIToken()
	must(t, f.db.CreateAPIToken(context.Background(), &laeringsliv.APIToken{PersonID: f.people[laeringsliv.RoleLeader].ID,
		TokenHash: laeringsliv.HashToken(token)}))
	path := "/api/v1/sessions/" + itoa(sess.ID) + "/phase"
	c := f.client(t)
	if code := f.api(t, c, "POST", path, laeringsliv.NewAPIToken(), phaseRequest{From: laeringsliv.IPEPhaseDraft}, nil); code != 303 {
		t.Fatalf("unknown token: %d, want a redirect to sign in", code)
	}
	var out map[string]string
	if code := f.api(t, c, "POST", path, token, phaseRequest{From: laeringsliv.IPEPhaseDraft}, &out); code != 200 || out["phase"] != "capture" {
		t.Fatalf("with token: %d %v", code, out)
	}
	other := f.newIPESession(t, f.fgn)
	if code := f.api(t, c, "POST", "/api/v1/sessions/"+itoa(other.ID)+"/phase", token, phaseRequest{From: laeringsliv.IPEPhaseDraft}, nil); code != 403 {
		t.Fatalf("foreign workplace: %d", code)
	}
}
