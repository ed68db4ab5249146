package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

// TestTeacherAppliesOnBehalf: a teacher files an application for a participant, who then sees
// it as their own with the teacher named; a person outside the workplace is refused.
func TestTeacherAppliesOnBehalf(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	teacher := f.signIn(t, laeringsliv.RoleTeacher)
	path := "/workplaces/" + itoa(f.own.ID) + "/prior-learning/on-behalf"
	part := f.people[laeringsliv.RoleParticipant]
	form := url.Values{"level": {"master"}, "trade_certificate": {"on"}, "certificate_title": {"Fagbrev helsearbeiderfaget"},
		"issuer0": {"Sandnes kommune"}, "from0": {"01.08.2012"}, "pct0": {"60"}, "relevant0": {"on"}}

	form.Set("person_id", itoa(f.people[laeringsliv.RoleLeader].ID)) // not a participant
	resp, body := f.do(t, teacher, http.MethodPost, path, form)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Velg en deltaker") || !strings.Contains(body, "Sandnes kommune") {
		t.Fatalf("a leader as applicant: %d", resp.StatusCode)
	}
	form.Set("person_id", itoa(part.ID))
	if resp, _ = f.do(t, teacher, http.MethodPost, path, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("apply: %d", resp.StatusCode)
	}
	apps, err := f.db.FindPriorLearnings(context.Background(), laeringsliv.PriorLearningFilter{PersonID: part.ID})
	must(t, err)
	if len(apps) != 1 || apps[0].CreatedBy != f.people[laeringsliv.RoleTeacher].ID || len(apps[0].Documents) != 2 {
		t.Fatalf("applications %+v", apps)
	}
	_, body = f.do(t, teacher, http.MethodGet, path, nil)
	if !strings.Contains(body, part.Name+": ") {
		t.Fatal("the teacher does not see the workplace's application")
	}
	_, body = f.do(t, f.signIn(t, laeringsliv.RoleParticipant), http.MethodGet, "/workplaces/"+itoa(f.own.ID)+"/prior-learning", nil)
	if !strings.Contains(body, "Søkt av "+f.people[laeringsliv.RoleTeacher].Name) || !strings.Contains(body, "Sandnes kommune") {
		t.Fatal("the participant does not see the application as theirs, with who filed it")
	}
}

func TestParseParticipant(t *testing.T) {
	people := []*laeringsliv.Person{{ID: 7}, {ID: 9}}
	for _, tc := range []struct {
		in   string
		want int64
	}{{"7", 7}, {" 9 ", 9}, {"8", 0}, {"", 0}, {"-7", 0}, {"7x", 0}, {"99999999999999999999", 0}} {
		got, err := parseParticipant(url.Values{"person_id": {tc.in}}, people)
		if got != tc.want || (err == nil) != (tc.want != 0) {
			t.Errorf("%q: %d, %v", tc.in, got, err)
		}
	}
}

func FuzzParseParticipant(f *testing.F) {
	for _, s := range []string{"7", "", "-1", "0x7", "\x00"} {
		f.Add(s)
	}
	people := []*laeringsliv.Person{{ID: 7}}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := parseParticipant(url.Values{"person_id": {s}}, people)
		if (err == nil) != (id == 7) {
			t.Fatalf("%q: %d %v", s, id, err)
		}
	})
}
