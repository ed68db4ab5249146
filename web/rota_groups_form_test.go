package web

import (
	"html"
	"net/url"
	"regexp"
	"slices"
	"testing"
)

var (
	hiddenRE   = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)
	selectRE   = regexp.MustCompile(`(?s)<select[^>]* name="([^"]+)"[^>]*>(.*?)</select>`)
	selectedRE = regexp.MustCompile(`<option value="([^"]*)" selected>`)
)

func htmlUnescape(s string) string { return html.UnescapeString(s) }

func TestParseGroupWishes(t *testing.T) {
	people := map[int64]bool{1: true, 2: true, 3: true}
	for _, tc := range []struct {
		name   string
		v      url.Values
		wishes int
		fields []string
	}{
		{"empty", url.Values{}, 0, nil},
		{"together", url.Values{"wish-person-0": {"1"}, "wish-other-0": {"2"}, "wish-kind-0": {"together"}}, 1, nil},
		{"apart, kind defaults", url.Values{"wish-person-1": {"1"}, "wish-other-1": {"3"}}, 1, nil},
		{"two rows", url.Values{"wish-person-0": {"1"}, "wish-other-0": {"2"}, "wish-person-3": {" 2 "}, "wish-other-3": {"3"}, "wish-kind-3": {"apart"}}, 2, nil},
		{"unknown person", url.Values{"wish-person-0": {"9"}, "wish-other-0": {"2"}}, 0, []string{"wish-person-0"}},
		{"only one side", url.Values{"wish-person-0": {"1"}}, 0, []string{"wish-other-0"}},
		{"not a number", url.Values{"wish-person-0": {"x"}, "wish-other-0": {"2"}}, 0, []string{"wish-person-0"}},
		{"self", url.Values{"wish-person-0": {"2"}, "wish-other-0": {"2"}}, 0, []string{"wish-other-0"}},
		{"bad kind", url.Values{"wish-person-0": {"1"}, "wish-other-0": {"2"}, "wish-kind-0": {"maybe"}}, 0, []string{"wish-kind-0"}},
		{"row past the form ignored", url.Values{"wish-person-9": {"1"}, "wish-other-9": {"2"}}, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wishes, rows, errs := parseGroupWishes(tc.v, people)
			var fields []string
			for _, e := range errs {
				fields = append(fields, e.Field)
			}
			if len(wishes) != tc.wishes || !slices.Equal(fields, tc.fields) || len(rows) != wishRows {
				t.Fatalf("wishes %v, errors %v, %d rows", wishes, fields, len(rows))
			}
			if len(errs) > 0 && rows[0].Person != short(tc.v.Get("wish-person-0")) {
				t.Errorf("typed value not kept: %q", rows[0].Person)
			}
		})
	}
}

func TestParseGroupAssignment(t *testing.T) {
	people := []int64{1, 2, 3, 4}
	for _, tc := range []struct {
		name   string
		v      url.Values
		groups [][]int64
		fields []string
	}{
		{"two groups", url.Values{"shift-groups": {"2"}, "member-1": {"1"}, "member-2": {"2"}, "member-3": {"1"}, "member-4": {"2"}}, [][]int64{{1, 3}, {2, 4}}, nil},
		{"emptied group left out", url.Values{"shift-groups": {"3"}, "member-1": {"1"}, "member-2": {"3"}, "member-3": {"1"}, "member-4": {"3"}}, [][]int64{{1, 3}, {2, 4}}, nil},
		{"missing count", url.Values{"member-1": {"1"}}, nil, []string{"shift-groups"}},
		{"count too large", url.Values{"shift-groups": {"100000"}}, nil, []string{"shift-groups"}},
		{"person unplaced", url.Values{"shift-groups": {"2"}, "member-1": {"1"}, "member-2": {"2"}, "member-3": {"1"}}, nil, []string{"member-4"}},
		{"group out of range", url.Values{"shift-groups": {"2"}, "member-1": {"3"}, "member-2": {"0"}, "member-3": {"1"}, "member-4": {"-1"}}, nil, []string{"member-1", "member-2", "member-4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			groups, errs := parseGroupAssignment(tc.v, people)
			var fields []string
			for _, e := range errs {
				fields = append(fields, e.Field)
			}
			if !slices.Equal(fields, tc.fields) || len(groups) != len(tc.groups) {
				t.Fatalf("groups %v, errors %v", groups, fields)
			}
			for i := range groups {
				if !slices.Equal(groups[i], tc.groups[i]) {
					t.Errorf("group %d = %v, want %v", i, groups[i], tc.groups[i])
				}
			}
		})
	}
}

// FuzzParseGroupForm: any posted proposal is read without a panic, every wish names two
// different known people, and an accepted assignment places every person exactly once.
func FuzzParseGroupForm(f *testing.F) {
	f.Add("2", "1", "2", "together", "1", "2")
	f.Add("3", "x", "", "apart", "99", "-1")
	f.Fuzz(func(t *testing.T, groups, a, b, kind, m1, m2 string) {
		v := url.Values{"shift-groups": {groups}, "wish-person-0": {a}, "wish-other-0": {b}, "wish-kind-0": {kind},
			"member-1": {m1}, "member-2": {m2}}
		wishes, _, _ := parseGroupWishes(v, map[int64]bool{1: true, 2: true})
		for _, w := range wishes {
			if w.PersonID == w.OtherID || w.PersonID < 1 || w.PersonID > 2 || w.OtherID < 1 || w.OtherID > 2 {
				t.Fatalf("wish accepted: %+v", w)
			}
		}
		gs, errs := parseGroupAssignment(v, []int64{1, 2})
		if len(errs) == 0 {
			n := 0
			for _, g := range gs {
				if len(g) == 0 {
					t.Fatal("empty group")
				}
				n += len(g)
			}
			if n != 2 {
				t.Fatalf("placed %d of 2", n)
			}
		}
	})
}
