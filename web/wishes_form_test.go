package web

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"laeringsliv"
)

var wishColleagues = map[int64]bool{2: true, 3: true}

func TestParseWishForm(t *testing.T) {
	for _, tc := range []struct {
		name, other, kind string
		fields            []string
		together          bool
	}{
		{"with", "2", "with", nil, true},
		{"apart", "3", "apart", nil, false},
		{"spaces", " 2 ", " apart ", nil, false},
		{"nobody chosen", "", "with", []string{"other"}, false},
		{"oneself", "1", "with", []string{"other"}, false},
		{"unknown person", "9", "with", []string{"other"}, false},
		{"another workplace's person", "4", "apart", []string{"other"}, false},
		{"not a number", "Ola", "with", []string{"other"}, false},
		{"negative", "-2", "with", []string{"other"}, false},
		{"no kind", "2", "", []string{"kind"}, false},
		{"unknown kind", "2", "together", []string{"kind"}, false},
		{"both wrong", "x", "x", []string{"other", "kind"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := url.Values{"other": {tc.other}, "kind": {tc.kind}}
			form, w, errs := parseWishForm(v, wishColleagues, 1)
			var fields []string
			for _, e := range errs {
				fields = append(fields, e.Field)
			}
			if !slices.Equal(fields, tc.fields) {
				t.Fatalf("fields %v, want %v", fields, tc.fields)
			}
			if tc.fields != nil {
				if w != nil || form.Other != strings.TrimSpace(tc.other) {
					t.Fatalf("refused: %+v %+v", w, form)
				}
				return
			}
			if w.PersonID != 1 || w.Together != tc.together || !wishColleagues[w.OtherID] {
				t.Fatalf("wish %+v", w)
			}
		})
	}
}

func TestWishRoom(t *testing.T) {
	var full []*laeringsliv.ColleagueWish
	for i := range laeringsliv.MaxColleagueWishes {
		full = append(full, &laeringsliv.ColleagueWish{OtherID: int64(10 + i), Together: true})
	}
	for _, tc := range []struct {
		name string
		w    laeringsliv.ColleagueWish
		key  string
	}{
		{"room apart", laeringsliv.ColleagueWish{OtherID: 2}, ""},
		{"with is full", laeringsliv.ColleagueWish{OtherID: 2, Together: true}, "wishes.error.too_many"},
		{"duplicate", laeringsliv.ColleagueWish{OtherID: 10}, "wishes.error.duplicate"},
	} {
		errs := wishRoom(&tc.w, full)
		if (tc.key == "") != (len(errs) == 0) || len(errs) > 0 && errs[0].Key != tc.key {
			t.Errorf("%s: %v, want %q", tc.name, errs, tc.key)
		}
	}
}

// FuzzParseWishForm: any posted wish is refused with a wishes message, or names a colleague
// other than oneself with a known kind.
func FuzzParseWishForm(f *testing.F) {
	f.Add("2", "with")
	f.Add("1", "apart")
	f.Add("99999999999999999999", "\xff")
	f.Fuzz(func(t *testing.T, other, kind string) {
		form, w, errs := parseWishForm(url.Values{"other": {other}, "kind": {kind}}, wishColleagues, 1)
		if len(errs) > 0 {
			for _, e := range errs {
				if w != nil || !strings.HasPrefix(e.Key, "wishes.error.") {
					t.Fatalf("refused %+v with %+v", w, e)
				}
			}
			return
		}
		if w.OtherID == 1 || !wishColleagues[w.OtherID] || w.Together != (form.Kind == wishWith) {
			t.Fatalf("accepted %+v from %+v", w, form)
		}
	})
}
