package web

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"laeringsliv"
)

var timeToday = time.Date(2018, 1, 20, 0, 0, 0, 0, time.UTC)

func TestParseTimeForm(t *testing.T) {
	ok := func(kv ...string) url.Values {
		v := url.Values{"day": {"2018-01-19"}, "minutes": {"45"}, "activity": {"study"}, "source": {"work"}, "note": {"Leste kapittel 3"}}
		for i := 0; i < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	for _, tc := range []struct {
		name    string
		v       url.Values
		fields  []string
		minutes int
		own     bool
	}{
		{"minutes", ok(), nil, 45, false},
		{"hours and minutes, own time", ok("minutes", "1:30", "source", "own"), nil, 90, true},
		{"Norwegian date", ok("day", "19.01.2018"), nil, 45, false},
		{"today", ok("day", "2018-01-20"), nil, 45, false},
		{"innovation, no note", ok("activity", "innovation", "note", ""), nil, 45, false},
		{"spaces", ok("minutes", " 20 ", "day", " 2018-01-19 "), nil, 20, false},
		{"longest", ok("minutes", "960"), nil, 960, false},
		{"tomorrow", ok("day", "2018-01-21"), []string{"day"}, 0, false},
		{"no date", ok("day", ""), []string{"day"}, 0, false},
		{"American date", ok("day", "01/19/2018"), []string{"day"}, 0, false},
		{"spreadsheet serial", ok("day", "43119"), []string{"day"}, 0, false},
		{"ancient", ok("day", "1999-12-31"), []string{"day"}, 0, false},
		{"zero minutes", ok("minutes", "0"), []string{"minutes"}, 0, false},
		{"too long", ok("minutes", "961"), []string{"minutes"}, 0, false},
		{"negative", ok("minutes", "-5"), []string{"minutes"}, 0, false},
		{"words", ok("minutes", "en time"), []string{"minutes"}, 0, false},
		{"decimal", ok("minutes", "1,5"), []string{"minutes"}, 0, false},
		{"bad clock", ok("minutes", "1:5"), []string{"minutes"}, 0, false},
		{"minutes past 59", ok("minutes", "1:75"), []string{"minutes"}, 0, false},
		{"unknown activity", ok("activity", "sleep"), []string{"activity"}, 0, false},
		{"no source", ok("source", ""), []string{"source"}, 0, false},
		{"note too long", ok("note", strings.Repeat("æ", 201)), []string{"note"}, 0, false},
		{"everything wrong", url.Values{"day": {"x"}, "minutes": {"x"}, "activity": {"x"}, "source": {"x"}}, []string{"day", "minutes", "activity", "source"}, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form, rec, errs := parseTimeForm(tc.v, timeToday)
			var fields []string
			for _, e := range errs {
				fields = append(fields, e.Field)
			}
			if !slices.Equal(fields, tc.fields) {
				t.Fatalf("errors on %v, want %v", fields, tc.fields)
			}
			if len(errs) > 0 {
				if rec != nil || form.Minutes != strings.TrimSpace(tc.v.Get("minutes")) {
					t.Errorf("refused form: record %v, typed minutes %q not kept", rec, form.Minutes)
				}
				return
			}
			if rec.Minutes != tc.minutes || rec.OwnTime != tc.own || rec.Validate() != nil {
				t.Errorf("record %+v", rec)
			}
		})
	}
}

// FuzzParseTimeForm: any posted entry is either refused with a message per field, or gives
// a record the domain accepts, dated no later than today.
func FuzzParseTimeForm(f *testing.F) {
	f.Add("2018-01-19", "45", "study", "work", "Leste")
	f.Add("19.01.2018", "1:30", "innovation", "own", "")
	f.Add("2018-02-30", "99999999999999999999", "x", "", "\xff")
	f.Fuzz(func(t *testing.T, day, minutes, activity, source, note string) {
		v := url.Values{"day": {day}, "minutes": {minutes}, "activity": {activity}, "source": {source}, "note": {note}}
		form, rec, errs := parseTimeForm(v, timeToday)
		if len(errs) > 0 {
			if rec != nil {
				t.Fatal("record with errors")
			}
			for _, e := range errs {
				if !strings.HasPrefix(e.Key, "timerecord.error.") {
					t.Fatalf("key %q", e.Key)
				}
			}
			if !utf8.ValidString(form.Note) && utf8.ValidString(note) {
				t.Fatal("cut split a character")
			}
			return
		}
		if err := rec.Validate(); err != nil || rec.Day.After(timeToday) || rec.Activity != laeringsliv.TimeActivity(form.Activity) {
			t.Fatalf("accepted %+v: %v", rec, err)
		}
	})
}
