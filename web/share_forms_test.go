package web

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"laeringsliv"
)

func TestParseShareForm(t *testing.T) {
	digest := strings.Repeat("ab", 16)
	for _, tc := range []struct {
		name, body string
		digest     bool
		want       shareForm
		errs       []string
	}{
		{"innovation", "kind=innovation&ref=12", false, shareForm{Kind: laeringsliv.ShareInnovation, RefID: 12}, nil},
		{"with digest", "kind=chapter&ref=3&digest=" + digest, true, shareForm{Kind: laeringsliv.ShareChapter, RefID: 3, Digest: digest}, nil},
		{"question, spaces", "kind=+ipe_question+&ref=+4+", false, shareForm{Kind: laeringsliv.ShareIPEQuestion, RefID: 4}, nil},
		{"empty", "", false, shareForm{}, []string{"sharing.error.kind_invalid", "sharing.error.ref_invalid"}},
		{"unknown kind", "kind=person&ref=1", false, shareForm{Kind: "person", RefID: 1}, []string{"sharing.error.kind_invalid"}},
		{"negative ref", "kind=innovation&ref=-1", false, shareForm{Kind: laeringsliv.ShareInnovation}, []string{"sharing.error.ref_invalid"}},
		{"ref not a number", "kind=innovation&ref=1e3", false, shareForm{Kind: laeringsliv.ShareInnovation}, []string{"sharing.error.ref_invalid"}},
		{"missing digest", "kind=innovation&ref=2", true, shareForm{Kind: laeringsliv.ShareInnovation, RefID: 2}, []string{"sharing.error.preview_changed"}},
		{"bad digest", "kind=innovation&ref=2&digest=ZZ", true, shareForm{Kind: laeringsliv.ShareInnovation, RefID: 2, Digest: "ZZ"}, []string{"sharing.error.preview_changed"}},
	} {
		v, err := url.ParseQuery(tc.body)
		must(t, err)
		got, errs := parseShareForm(v, tc.digest)
		if got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
		if keys := errKeys(errs); strings.Join(keys, ",") != strings.Join(tc.errs, ",") {
			t.Errorf("%s: errors %v, want %v", tc.name, keys, tc.errs)
		}
	}
}

func TestParseCommentForm(t *testing.T) {
	for _, tc := range []struct {
		name, body, want, err string
	}{
		{"question", "body=Hvordan+kom+dere+i+gang%3F", "Hvordan kom dere i gang?", ""},
		{"trimmed, control removed", "body=+%00Takk%07+", "Takk", ""},
		{"empty", "body=+++", "", "sharing.error.comment_required"},
		{"missing", "", "", "sharing.error.comment_required"},
		{"too long", "body=" + strings.Repeat("x", laeringsliv.MaxShareComment+5), strings.Repeat("x", laeringsliv.MaxShareComment+1), "sharing.error.comment_too_long"},
	} {
		v, err := url.ParseQuery(tc.body)
		must(t, err)
		c := &laeringsliv.ShareComment{ShareID: 1, WorkplaceID: 2}
		errs := parseCommentForm(v, c)
		if c.Body != tc.want || strings.Join(errKeys(errs), ",") != tc.err {
			t.Errorf("%s: body %q errors %v, want %q %q", tc.name, c.Body, errKeys(errs), tc.want, tc.err)
		}
	}
}

func TestParseAdoptForm(t *testing.T) {
	projects := []int64{4, 9}
	for _, tc := range []struct {
		body string
		want int64
		ok   bool
	}{
		{"project_id=9", 9, true},
		{"project_id=+4+", 4, true},
		{"project_id=5", 0, false}, // another workplace's project
		{"project_id=", 0, false},
		{"project_id=x", 0, false},
		{"", 0, false},
	} {
		v, err := url.ParseQuery(tc.body)
		must(t, err)
		got, errs := parseAdoptForm(v, projects)
		if got != tc.want || (len(errs) == 0) != tc.ok {
			t.Errorf("%q: %d %v, want %d ok=%v", tc.body, got, errs, tc.want, tc.ok)
		}
	}
}

func errKeys(errs []FieldErr) []string {
	var keys []string
	for _, e := range errs {
		keys = append(keys, e.Key)
	}
	return keys
}

// FuzzShareForms checks that no input makes the sharing forms panic, accept what they should
// refuse, or refuse with a message that no catalog has.
func FuzzShareForms(f *testing.F) {
	f.Add("kind=innovation&ref=1&digest=" + strings.Repeat("0", 32))
	f.Add("kind=%ff&ref=99999999999999999999&digest=%00")
	f.Add("body=%E2%80%AE&project_id=-0")
	c, err := loadCatalogs()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		sf, all := parseShareForm(v, true)
		if len(all) == 0 && (!sf.Kind.Valid() || sf.RefID <= 0 || !digestPattern.MatchString(sf.Digest)) {
			t.Fatalf("accepted %+v", sf)
		}
		cm := &laeringsliv.ShareComment{ShareID: 1, WorkplaceID: 1}
		if errs := parseCommentForm(v, cm); len(errs) == 0 && (cm.Body == "" || len([]rune(cm.Body)) > laeringsliv.MaxShareComment) {
			t.Fatalf("accepted comment %q", cm.Body)
		} else {
			all = append(all, errs...)
		}
		if id, errs := parseAdoptForm(v, []int64{1, 2}); len(errs) == 0 && id != 1 && id != 2 {
			t.Fatalf("accepted project %d", id)
		} else {
			all = append(all, errs...)
		}
		for _, e := range all {
			for _, lang := range []string{"nb", "nn", "en"} {
				if !c.keys[lang][e.Key] {
					t.Fatalf("no %s message for %q", lang, e.Key)
				}
			}
		}
	})
}

func TestParseGuestsForm(t *testing.T) {
	allowed := []int64{4, 5}
	for _, tc := range []struct {
		body string
		want []int64
		ok   bool
	}{
		{"", nil, true}, // no guests: an ordinary session again
		{"guest=4", []int64{4}, true},
		{"guest=5&guest=4&guest=5", nil, false}, // more values than workplaces
		{"guest=5&guest=4", []int64{5, 4}, true},
		{"guest=3", nil, false}, // the host, or another institution's
		{"guest=x", nil, false},
		{"guest=-4", nil, false},
	} {
		v, err := url.ParseQuery(tc.body)
		must(t, err)
		got, errs := parseGuestsForm(v, allowed)
		if !slices.Equal(got, tc.want) || (len(errs) == 0) != tc.ok {
			t.Errorf("%q: %v %v, want %v ok=%v", tc.body, got, errs, tc.want, tc.ok)
		}
	}
}

func FuzzGuestsForm(f *testing.F) {
	f.Add("guest=4&guest=5")
	f.Add("guest=%00&guest=99999999999999999999")
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		got, errs := parseGuestsForm(v, []int64{4, 5})
		for _, id := range got {
			if id != 4 && id != 5 {
				t.Fatalf("accepted guest %d", id)
			}
		}
		if len(errs) > 0 && got != nil {
			t.Fatalf("refused and accepted at once: %v %v", got, errs)
		}
	})
}
