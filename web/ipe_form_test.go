package web

import (
	"net/url"
	"testing"
)

func TestParseIPEForm(t *testing.T) {
	for _, tc := range []struct {
		form   url.Values
		field  string // first error, "" for none
		groups int
	}{
		{url.Values{"kind": {"capture"}, "question": {"Hva går bra?"}, "grouping": {"random"}}, "", 1},
		{url.Values{"kind": {"capture"}, "question": {"Hva går bra?"}, "grouping": {"hand"}, "groups": {"4"}, "k": {"5"}}, "", 4},
		{url.Values{"kind": {"capture"}, "question": {""}, "grouping": {"hand"}}, "question", 1},
		{url.Values{"kind": {"nope"}, "question": {"q"}}, "kind", 1},
		{url.Values{"kind": {"capture"}, "question": {"q"}, "k": {"2"}}, "k", 1},
		{url.Values{"kind": {"capture"}, "question": {"q"}, "k": {"tre"}}, "k", 1},
		{url.Values{"kind": {"capture"}, "question": {"q"}, "vote_budget": {"0"}}, "vote_budget", 1},
		{url.Values{"kind": {"capture"}, "question": {"q"}, "groups": {"51"}}, "groups", 51},
		{url.Values{"kind": {"capture"}, "question": {"q"}, "phase_minutes": {"-1"}}, "phase_minutes", 1},
		{url.Values{"kind": {"evaluate_idea"}, "question": {"q"}}, "evaluates", 1},
		{url.Values{"kind": {"evaluate_idea"}, "question": {"q"}, "evaluates": {"3"}}, "", 1},
	} {
		_, s, groups, errs := parseIPEForm(tc.form)
		got := ""
		if len(errs) > 0 {
			got = errs[0].Field
		}
		if got != tc.field || groups != tc.groups {
			t.Errorf("parseIPEForm(%v) = first error %q, groups %d; want %q, %d (%+v)", tc.form, got, groups, tc.field, tc.groups, s)
		}
	}
}

func FuzzParseIPEForm(f *testing.F) {
	f.Add("capture", "Hva går bra?", "hand", "3", "3", "3", "0", "")
	f.Fuzz(func(t *testing.T, kind, q, grouping, groups, k, budget, minutes, evaluates string) {
		_, s, n, errs := parseIPEForm(url.Values{"kind": {kind}, "question": {q}, "grouping": {grouping},
			"groups": {groups}, "k": {k}, "vote_budget": {budget}, "phase_minutes": {minutes}, "evaluates": {evaluates}})
		if len(errs) == 0 && (s.K < 3 || n < 1 || n > maxIPEGroups) {
			t.Fatalf("accepted %+v with %d groups", s, n)
		}
	})
}
