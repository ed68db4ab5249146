package web

import (
	"net/url"
	"testing"

	"laeringsliv"
)

func TestParseInnovationForm(t *testing.T) {
	valid := func() url.Values {
		return url.Values{"title": {"Ny turnusplan"}, "project_id": {"7"}, "size": {"small"}, "status": {"idea"}}
	}
	for _, tc := range []struct{ key, val, field string }{
		{"", "", ""},
		{"title", "  ", "title"},
		{"project_id", "8", "project_id"}, // a project of another workplace
		{"project_id", "sju", "project_id"},
		{"size", "huge", "size"},
		{"status", "done", "status"},
		{"status", "", ""},   // a new innovation starts as an idea
		{"idea_id", "4", ""}, // the former idea list is gone: the field is ignored
	} {
		v := valid()
		if tc.key != "" {
			v.Set(tc.key, tc.val)
		}
		i := &laeringsliv.Innovation{WorkplaceID: 1}
		errs := parseInnovationForm(v, i, []int64{7})
		if got := firstField(errs); got != tc.field {
			t.Errorf("%s=%q: first error %q (%v); want %q", tc.key, tc.val, got, errs, tc.field)
		}
	}
	i := &laeringsliv.Innovation{WorkplaceID: 1}
	v := valid()
	v.Set("revives_failure", "on")
	v.Del("status")
	v.Set("idea_id", "4")
	if errs := parseInnovationForm(v, i, []int64{7}); len(errs) != 0 || !i.RevivesFailure || i.Status != laeringsliv.InnovationIdea || len(i.Links) != 0 {
		t.Errorf("errors %v, revives %v, status %q", errs, i.RevivesFailure, i.Status)
	}
}

func TestParseStatusForm(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{{"trying", true}, {"implemented", true}, {"", false}, {"Trying", false}, {"idea\x00", true}} {
		s, errs := parseStatusForm(url.Values{"status": {tc.in}})
		if (len(errs) == 0) != tc.ok {
			t.Errorf("%q: status %q errors %v; want ok=%v", tc.in, s, errs, tc.ok)
		}
	}
}

func TestParseTimelineForm(t *testing.T) {
	valid := func() url.Values {
		return url.Values{"kind": {"all_hands"}, "occurred_at": {"2017-03-14"}, "title": {"Allmøte"}, "cycle": {"2"}}
	}
	for _, tc := range []struct{ key, val, field string }{
		{"", "", ""},
		{"cycle", "", ""},
		{"cycle", "to", "cycle"},
		{"cycle", "100", "cycle"},
		{"occurred_at", "14.03.2017", "occurred_at"},
		{"occurred_at", "1066-10-14", "occurred_at"},
		{"kind", "party", "kind"},
		{"title", "", "title"},
	} {
		v := valid()
		if tc.key != "" {
			v.Set(tc.key, tc.val)
		}
		e := &laeringsliv.TimelineEntry{WorkplaceID: 1}
		if got := firstField(parseTimelineForm(v, e)); got != tc.field {
			t.Errorf("%s=%q: first error %q; want %q", tc.key, tc.val, got, tc.field)
		}
	}
	e := &laeringsliv.TimelineEntry{WorkplaceID: 1}
	parseTimelineForm(valid(), e)
	if d := e.OccurredAt.In(laeringsliv.Norway()); d.Day() != 14 || d.Month() != 3 || e.Cycle != 2 {
		t.Errorf("date %v cycle %d", d, e.Cycle)
	}
}

func TestParseFieldBookForm(t *testing.T) {
	for _, tc := range []struct {
		form  url.Values
		field string
	}{
		{url.Values{"observed_at": {"2017-03-14"}, "body": {"Stemningen var god."}}, ""},
		{url.Values{"observed_at": {"2017-03-14"}, "body": {" "}}, "body"},
		{url.Values{"body": {"x"}}, "observed_at"},
	} {
		e := &laeringsliv.FieldBookEntry{WorkplaceID: 1}
		if got := firstField(parseFieldBookForm(tc.form, e)); got != tc.field {
			t.Errorf("%v: first error %q; want %q", tc.form, got, tc.field)
		}
	}
}

func TestParsePrequalForm(t *testing.T) {
	for _, tc := range []struct {
		form  url.Values
		met   bool
		field string
	}{
		{url.Values{"criterion": {"unions"}, "met": {"yes"}}, true, ""},
		{url.Values{"criterion": {"potential"}, "met": {"no"}, "note": {"For tidlig"}}, false, ""},
		{url.Values{"criterion": {"unions"}}, false, "met"}, // no answer is not "not met"
		{url.Values{"criterion": {"weather"}, "met": {"yes"}}, true, "criterion"},
	} {
		s := &laeringsliv.PrequalSignOff{WorkplaceID: 1, SignedBy: 2}
		errs := parsePrequalForm(tc.form, s)
		if got := firstField(errs); got != tc.field || (got == "" && s.Met != tc.met) {
			t.Errorf("%v: first error %q met %v; want %q met %v", tc.form, got, s.Met, tc.field, tc.met)
		}
	}
}

func TestParseParticipationForm(t *testing.T) {
	for _, tc := range []struct {
		form  url.Values
		field string
	}{
		{url.Values{"kind": {"shift_teams"}, "reasons": {"Helgeturnus"}}, ""},
		{url.Values{"kind": {"shift_teams"}}, "reasons"},
		{url.Values{"kind": {"everyone"}, "reasons": {"x"}}, "kind"},
	} {
		m := &laeringsliv.ParticipationModel{WorkplaceID: 1}
		if got := firstField(parseParticipationForm(tc.form, m)); got != tc.field {
			t.Errorf("%v: first error %q; want %q", tc.form, got, tc.field)
		}
	}
}

func firstField(errs []FieldErr) string {
	if len(errs) == 0 {
		return ""
	}
	return errs[0].Field
}

// FuzzInnovationForms feeds arbitrary bodies to the innovation work's form parsers: none may
// panic, and every error key must be one the catalogs have.
func FuzzInnovationForms(f *testing.F) {
	f.Add("title=x&project_id=1&size=small&status=idea&revives_failure=on")
	f.Add("kind=plan&occurred_at=2017-03-14&cycle=99&title=x&body=y&observed_at=2017-01-01")
	f.Add("criterion=unions&met=yes&note=%00&reasons=x")
	f.Add("occurred_at=9999-99-99&cycle=-1&kind=%ff")
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
		all = append(all, parseInnovationForm(v, &laeringsliv.Innovation{WorkplaceID: 1}, []int64{1})...)
		_, errs := parseStatusForm(v)
		all = append(all, errs...)
		all = append(all, parseTimelineForm(v, &laeringsliv.TimelineEntry{WorkplaceID: 1})...)
		all = append(all, parseFieldBookForm(v, &laeringsliv.FieldBookEntry{WorkplaceID: 1})...)
		all = append(all, parsePrequalForm(v, &laeringsliv.PrequalSignOff{WorkplaceID: 1, SignedBy: 1})...)
		all = append(all, parseParticipationForm(v, &laeringsliv.ParticipationModel{WorkplaceID: 1})...)
		for _, e := range all {
			if !c.keys["nb"][e.Key] {
				t.Fatalf("error key %q is not in the catalog", e.Key)
			}
		}
	})
}
