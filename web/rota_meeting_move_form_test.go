package web

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"laeringsliv"
)

func TestParseMoveForm(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, laeringsliv.Norway())
	ok := func(kv ...string) url.Values {
		v := url.Values{"date": {"2026-12-01"}, "start": {"09:30"}, "minutes": {"45"}, "title": {"Leseverksted"}, "place": {"Stua"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	for _, tc := range []struct {
		name   string
		v      url.Values
		fields string
		start  string // Norwegian local time, when accepted
		length time.Duration
	}{
		{"browser date", ok(), "", "2026-12-01 09:30", 45 * time.Minute},
		{"Norwegian date and dot clock", ok("date", "01.12.2026", "start", "09.30"), "", "2026-12-01 09:30", 45 * time.Minute},
		{"short Norwegian date", ok("date", "1.12.2026"), "", "2026-12-01 09:30", 45 * time.Minute},
		{"a whole day", ok("minutes", "1440", "start", "00:00"), "", "2026-12-01 00:00", 24 * time.Hour},
		{"across midnight", ok("start", "23:00", "minutes", "120"), "", "2026-12-01 23:00", 2 * time.Hour},
		{"spaces", ok("date", " 2026-12-01 ", "minutes", " 45 "), "", "2026-12-01 09:30", 45 * time.Minute},
		{"no date", ok("date", ""), "date", "", 0},
		{"a date that is not", ok("date", "2026-02-30"), "date", "", 0},
		{"a spreadsheet serial is no date", ok("date", "46000"), "date", "", 0},
		{"no time", ok("start", "9"), "start", "", 0},
		{"hour 24", ok("start", "24:00"), "start", "", 0},
		{"minutes as words", ok("minutes", "førtifem"), "minutes", "", 0},
		{"end before start", ok("minutes", "-30"), "minutes", "", 0},
		{"no length", ok("minutes", "0"), "minutes", "", 0},
		{"longer than a day", ok("minutes", "1441"), "minutes", "", 0},
		{"in the past", ok("date", "2026-11-29", "start", "11:59"), "date", "", 0},
		{"earlier today is past", ok("date", "29.11.2026", "start", "08:00"), "date", "", 0},
		{"no title", ok("title", "  "), "title", "", 0},
		{"long title", ok("title", strings.Repeat("a", 201)), "title", "", 0},
		{"long place", ok("place", strings.Repeat("b", 201)), "place", "", 0},
		{"several", ok("date", "x", "start", "y", "minutes", "z"), "date,start,minutes", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, start, end, errs := parseMoveForm(tc.v, now)
			var got []string
			for _, e := range errs {
				got = append(got, e.Field)
			}
			if strings.Join(got, ",") != tc.fields {
				t.Fatalf("errors on %v, want %q", got, tc.fields)
			}
			if f.Date != strings.TrimSpace(tc.v.Get("date")) || f.Title != strings.TrimSpace(tc.v.Get("title")) && len(tc.v.Get("title")) <= 200 {
				t.Fatalf("the form does not keep what was typed: %+v", f)
			}
			if tc.fields != "" {
				return
			}
			if got := start.In(laeringsliv.Norway()).Format("2006-01-02 15:04"); got != tc.start || end.Sub(start) != tc.length {
				t.Fatalf("start %s, length %s", got, end.Sub(start))
			}
		})
	}
}

func FuzzParseMoveForm(f *testing.F) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, laeringsliv.Norway())
	f.Add("2026-12-01", "09:30", "45", "Leseverksted", "Stua")
	f.Add("01.12.2026", "23.59", "1440", "Samling", "")
	f.Add("2026-11-29", "11:59", "-1", "", "x")
	f.Fuzz(func(t *testing.T, date, start, minutes, title, place string) {
		form, s, e, errs := parseMoveForm(url.Values{"date": {date}, "start": {start}, "minutes": {minutes},
			"title": {title}, "place": {place}}, now)
		if len(form.Date) > 20 || len(form.Start) > 20 || len(form.Minutes) > 20 {
			t.Fatal("a short field kept more than 20 bytes")
		}
		if len(errs) > 0 {
			if !s.IsZero() || !e.IsZero() {
				t.Fatal("a refused form gave a time")
			}
			return
		}
		if s.Before(now) || !e.After(s) || e.Sub(s) > laeringsliv.MaxMeetingLength || form.Title == "" {
			t.Fatalf("accepted %q %q %q %q: %s–%s", date, start, minutes, title, s, e)
		}
		mv := laeringsliv.MeetingMove{WorkplaceID: 1, ID: 1, Title: form.Title, Place: form.Place, Start: s, End: e}
		if err := mv.Validate(now); err != nil {
			t.Fatalf("the store would refuse what the form accepts: %v", err)
		}
	})
}
