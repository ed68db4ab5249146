package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"laeringsliv"
)

func httptestRequest(method, target string, body io.Reader) *http.Request {
	return httptest.NewRequest(method, target, body)
}

func TestSafeNext(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "/"},
		{"/", "/"},
		{"/workplaces/3", "/workplaces/3"},
		{"/workplaces/3?x=1", "/workplaces/3?x=1"},
		{"//evil.example/", "/"},
		{"/\\evil.example", "/"},
		{"https://evil.example/", "/"},
		{"javascript:alert(1)", "/"},
		{"workplaces", "/"},
		{"/" + strings.Repeat("a", 3000), "/"},
	} {
		if got := safeNext(tc.in); got != tc.want {
			t.Errorf("safeNext(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/", "//x", "/\\x", "http://x", "/a?b=c#d", "/%2F%2Fx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := safeNext(in)
		u, err := url.Parse(got)
		if err != nil || u.Host != "" || u.Scheme != "" || !strings.HasPrefix(got, "/") ||
			strings.HasPrefix(got, "//") || strings.HasPrefix(got, "/\\") {
			t.Fatalf("safeNext(%q) = %q leaves the site", in, got)
		}
	})
}

func TestText(t *testing.T) {
	v := url.Values{"a": {"  Åse\x00 Øvre\x07 "}, "b": {"x\xffy"}, "c": {strings.Repeat("æ", 300)}}
	if got := text(v, "a", 100); got != "Åse Øvre" {
		t.Errorf("text(a) = %q", got)
	}
	if got := text(v, "b", 100); got != "xy" {
		t.Errorf("text(b) = %q", got)
	}
	if got := text(v, "c", 200); utf8.RuneCountInString(got) != 200 {
		t.Errorf("text(c) has %d runes", utf8.RuneCountInString(got))
	}
}

func TestParseProgrammeForm(t *testing.T) {
	for _, tc := range []struct {
		name  string
		form  url.Values
		field string // first error's field, "" for none
	}{
		{"valid", url.Values{"name": {"MDI"}, "start_year": {"2016"}, "end_year": {"2019"}, "ects": {"15"}, "level": {"bachelor"}}, ""},
		{"no name", url.Values{"name": {" "}, "start_year": {"2016"}, "end_year": {"2019"}, "ects": {"15"}, "level": {"bachelor"}}, "name"},
		{"year text", url.Values{"name": {"MDI"}, "start_year": {"tjue"}, "end_year": {"2019"}, "ects": {"15"}, "level": {"bachelor"}}, "start_year"},
		{"end before start", url.Values{"name": {"MDI"}, "start_year": {"2019"}, "end_year": {"2016"}, "ects": {"15"}, "level": {"master"}}, "end_year"},
		{"bad level", url.Values{"name": {"MDI"}, "start_year": {"2016"}, "end_year": {"2019"}, "ects": {"15"}, "level": {"phd"}}, "level"},
		{"ects zero", url.Values{"name": {"MDI"}, "start_year": {"2016"}, "end_year": {"2019"}, "ects": {"0"}, "level": {"bachelor"}}, "ects"},
		{"empty", url.Values{}, "start_year"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p laeringsliv.Programme
			errs := parseProgrammeForm(tc.form, &p)
			got := ""
			if len(errs) > 0 {
				got = errs[0].Field
			}
			if got != tc.field {
				t.Errorf("first error field = %q (%v); want %q", got, errs, tc.field)
			}
		})
	}
}

func TestParseWorkplaceForm(t *testing.T) {
	valid := func() url.Values {
		return url.Values{"name": {"Solsiden"}, "municipality": {"Fjordvik"}, "service_kind": {"home_care"},
			"programme_id": {"1"}, "ftes": {"16,5"}}
	}
	var w laeringsliv.Workplace
	if errs := parseWorkplaceForm(valid(), &w); len(errs) != 0 || w.FTEs != 16.5 {
		t.Fatalf("valid form: %v, FTEs %v", errs, w.FTEs)
	}
	for _, tc := range []struct{ key, val, field string }{
		{"ftes", "mange", "ftes"},
		{"ftes", "NaN", "ftes"},
		{"ftes", "-1", "ftes"},
		{"service_kind", "casino", "service_kind"},
		{"programme_id", "x", "programme_id"},
		{"municipality", "", "municipality"},
	} {
		v := valid()
		v.Set(tc.key, tc.val)
		var w laeringsliv.Workplace
		if errs := parseWorkplaceForm(v, &w); fieldOf(errs, tc.field) == "" {
			t.Errorf("%s=%q: errors %v lack field %s", tc.key, tc.val, errs, tc.field)
		}
	}
}

func TestParseAcceptForm(t *testing.T) {
	for _, tc := range []struct {
		name   string
		form   url.Values
		fields []string
	}{
		{"valid", url.Values{"name": {"Kari"}, "email": {"Kari@Fjordvik.kommune.no"}, "password": {"lang nok passord"}, "confirm": {"lang nok passord"}}, nil},
		{"short password", url.Values{"name": {"Kari"}, "email": {"k@x.no"}, "password": {"kort"}, "confirm": {"kort"}}, []string{"password"}},
		{"mismatch", url.Values{"name": {"Kari"}, "email": {"k@x.no"}, "password": {"lang nok passord"}, "confirm": {"lang nok passore"}}, []string{"confirm"}},
		{"all missing", url.Values{}, []string{"name", "email", "password"}},
		{"display name email", url.Values{"name": {"K"}, "email": {"Kari <k@x.no>"}, "password": {"lang nok passord"}, "confirm": {"lang nok passord"}}, []string{"email"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, errs := parseAcceptForm(tc.form)
			if len(errs) != len(tc.fields) {
				t.Fatalf("errors %v; want fields %v", errs, tc.fields)
			}
			for _, field := range tc.fields {
				if fieldOf(errs, field) == "" {
					t.Errorf("no error for %s in %v", field, errs)
				}
			}
			if tc.name == "valid" && f.Email != "kari@fjordvik.kommune.no" {
				t.Errorf("email not normalised: %q", f.Email)
			}
		})
	}
}

func TestParsePasswordForm(t *testing.T) {
	_, errs := parsePasswordForm(url.Values{"current": {"x"}, "new": {"et langt passord"}, "confirm": {"et langt passord"}})
	if len(errs) != 0 {
		t.Errorf("valid: %v", errs)
	}
	_, errs = parsePasswordForm(url.Values{"new": {"et langt passord"}, "confirm": {"noe annet helt"}})
	if fieldOf(errs, "confirm") == "" {
		t.Errorf("mismatch: %v", errs)
	}
	_, errs = parsePasswordForm(url.Values{"new": {"kort"}, "confirm": {"kort"}})
	if fieldOf(errs, "new") != "error.password_too_short" {
		t.Errorf("short: %v", errs)
	}
}

// FuzzForms feeds arbitrary bodies to every form parser: none may panic, and every error key
// must be one the catalogs have.
func FuzzForms(f *testing.F) {
	f.Add("name=MDI&start_year=2016&end_year=2019&ects=15&level=bachelor&ftes=16,5&programme_id=1")
	f.Add("email=a%40b.no&password=x&confirm=y&role=teacher")
	f.Add("%zz&&==&name=%00")
	c, err := loadCatalogs()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		var all []FieldErr
		var p laeringsliv.Programme
		all = append(all, parseProgrammeForm(v, &p)...)
		var w laeringsliv.Workplace
		all = append(all, parseWorkplaceForm(v, &w)...)
		var inv laeringsliv.Invitation
		inv.WorkplaceID = 1
		all = append(all, parseInvitationForm(v, &inv)...)
		_, errs := parseAcceptForm(v)
		all = append(all, errs...)
		_, errs = parsePasswordForm(v)
		all = append(all, errs...)
		_ = parseLoginForm(v)
		for _, e := range all {
			if !c.keys["nb"][e.Key] {
				t.Fatalf("error key %q is not in the catalog", e.Key)
			}
		}
	})
}
