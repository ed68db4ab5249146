package web

import (
	"net/url"
	"testing"
)

func TestParseCohortForm(t *testing.T) {
	tests := []struct {
		name   string
		form   url.Values
		errs   []string // fields with errors
		source string
		shift  int
	}{
		{"earlier programme", url.Values{"source": {"programme:12"}, "shift": {"364"}}, nil, "programme:12", 364},
		{"built-in with a start", url.Values{"source": {"builtin:heltidskultur"}, "start": {"2028-01-11"}}, nil, "builtin:heltidskultur", 0},
		{"file", url.Values{"source": {"file"}}, nil, "file", 0},
		{"negative shift", url.Values{"source": {"file"}, "shift": {"-7"}}, nil, "file", -7},
		{"no source", url.Values{}, []string{"source"}, "", 0},
		{"made-up source", url.Values{"source": {"programme:abc"}}, []string{"source"}, "programme:abc", 0},
		{"path in a built-in", url.Values{"source": {"builtin:../etc"}}, []string{"source"}, "builtin:../etc", 0},
		{"programme zero", url.Values{"source": {"programme:0"}}, []string{"source"}, "programme:0", 0},
		{"start not a date", url.Values{"source": {"file"}, "start": {"11.01.2028"}}, []string{"start"}, "file", 0},
		{"start in 1800", url.Values{"source": {"file"}, "start": {"1800-01-01"}}, []string{"start"}, "file", 0},
		{"shift words", url.Values{"source": {"file"}, "shift": {"a week"}}, []string{"shift"}, "file", 0},
		{"shift too far", url.Values{"source": {"file"}, "shift": {"99999999"}}, []string{"shift"}, "file", 99999999},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, errs := parseCohortForm(tt.form)
			var fields []string
			for _, e := range errs {
				fields = append(fields, e.Field)
			}
			if len(fields) != len(tt.errs) || (len(fields) > 0 && fields[0] != tt.errs[0]) {
				t.Errorf("errors %v, want %v", fields, tt.errs)
			}
			if f.Source != tt.source || (len(errs) == 0 && f.Shift != tt.shift) {
				t.Errorf("form %+v", f)
			}
		})
	}
	f, _ := parseCohortForm(url.Values{"source": {"file"}, "part_gatherings": {"1"}, "part_handbook_text": {"1"}})
	if !f.Parts.Gatherings || !f.Parts.HandbookText || f.Parts.Syllabus || !f.PartOn("gatherings") || f.PartOn("ipe") {
		t.Errorf("parts %+v", f.Parts)
	}
}

func FuzzParseCohortForm(f *testing.F) {
	f.Add("builtin:heltidskultur", "Heltid", "2028-01-11", "7", "1")
	f.Add("programme:1", "", "", "-364", "")
	f.Add("file", "\x00", "2028-02-30", "x", "on")
	f.Fuzz(func(t *testing.T, source, name, start, shift, part string) {
		v := url.Values{"source": {source}, "name": {name}, "start": {start}, "shift": {shift}, "part_ipe": {part}}
		form, errs := parseCohortForm(v)
		if len(errs) > 0 {
			return
		}
		if !cohortSource.MatchString(form.Source) || form.Shift < -maxCohortShift || form.Shift > maxCohortShift {
			t.Fatalf("accepted %+v", form)
		}
		if len([]rune(form.Name)) > 300 {
			t.Fatalf("name of %d characters", len([]rune(form.Name)))
		}
	})
}
