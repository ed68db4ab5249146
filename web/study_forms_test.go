package web

import (
	"net/url"
	"testing"
	"time"

	"laeringsliv"
)

func TestParsePriorLearningForm(t *testing.T) {
	tests := []struct {
		name   string
		form   url.Values
		docs   int
		fields []string
	}{
		{"certificate and work", url.Values{"level": {"bachelor"}, "trade_certificate": {"on"}, "certificate_title": {"Fagbrev helsearbeiderfaget"},
			"issuer0": {"Vikstrand kommune"}, "from0": {"01.08.2010"}, "pct0": {"75 %"}, "relevant0": {"on"}}, 2, nil},
		{"iso dates and decimal comma", url.Values{"level": {"master"}, "issuer1": {"Privat"}, "from1": {"2010-01-01"}, "to1": {"2012-12-31"}, "pct1": {"62,5"}}, 1, nil},
		{"nothing", url.Values{"level": {"bachelor"}}, 0, []string{"trade_certificate"}},
		{"bad level", url.Values{"level": {"phd"}, "trade_certificate": {"on"}, "certificate_title": {"x"}}, 1, []string{"level"}},
		{"certificate without title", url.Values{"level": {"bachelor"}, "trade_certificate": {"on"}}, 1, []string{"certificate_title"}},
		{"half a row", url.Values{"level": {"bachelor"}, "from2": {"i fjor"}, "pct2": {"120"}}, 1, []string{"issuer2", "from2", "pct2"}},
		{"to before from", url.Values{"level": {"bachelor"}, "issuer0": {"K"}, "from0": {"2015-01-01"}, "to0": {"2014-01-01"}, "pct0": {"100"}}, 1, []string{"to0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, errs := parsePriorLearningForm(tt.form)
			if len(a.Documents) != tt.docs {
				t.Errorf("%d documents, want %d", len(a.Documents), tt.docs)
			}
			if len(errs) != len(tt.fields) {
				t.Fatalf("errors %v, want on %v", errs, tt.fields)
			}
			for i, f := range tt.fields {
				if errs[i].Field != f {
					t.Errorf("error %d on %q, want %q", i, errs[i].Field, f)
				}
			}
		})
	}
}

func FuzzParsePriorLearningForm(f *testing.F) {
	f.Add("bachelor", "Fagbrev", "Kommune", "01.01.2010", "", "80 %")
	f.Add("master", "", "", "2010-13-01", "x", "1e9")
	f.Fuzz(func(t *testing.T, level, title, issuer, from, to, pct string) {
		v := url.Values{"level": {level}, "trade_certificate": {"on"}, "certificate_title": {title},
			"issuer0": {issuer}, "from0": {from}, "to0": {to}, "pct0": {pct}}
		a, errs := parsePriorLearningForm(v)
		if len(errs) > 0 {
			return
		}
		if err := a.Validate(); err != nil && a.WorkplaceID != 0 {
			t.Fatalf("parsed but invalid: %v", err)
		}
		for _, d := range a.Documents {
			if err := d.Validate(); err != nil {
				t.Fatalf("document %+v invalid: %v", d, err)
			}
		}
	})
}

func TestParseDecisionForm(t *testing.T) {
	if _, errs := parseDecisionForm(url.Values{"outcome": {"approved"}, "rationale": {"Fagbrev og fem år."}}); errs != nil {
		t.Error(errs)
	}
	if _, errs := parseDecisionForm(url.Values{"outcome": {"maybe"}, "rationale": {"x"}}); len(errs) != 1 || errs[0].Field != "outcome" {
		t.Error(errs)
	}
	if _, errs := parseDecisionForm(url.Values{"outcome": {"rejected"}}); len(errs) != 1 || errs[0].Field != "rationale" {
		t.Error(errs)
	}
	_ = laeringsliv.DecisionApproved
}

func FuzzParseDraftForm(f *testing.F) {
	f.Add("Refleksjon\r\nlinje 2\x00", "12")
	f.Fuzz(func(t *testing.T, text, member string) {
		in := parseDraftForm(url.Values{"text": {text}, "members": {member}})
		for _, r := range in.Text {
			if r < 0x20 && r != '\n' && r != '\t' {
				t.Fatalf("control character %q kept", r)
			}
		}
		for _, m := range in.Members {
			if m <= 0 {
				t.Fatalf("member %d", m)
			}
		}
	})
}

func FuzzParseRequirementForm(f *testing.F) {
	f.Add("AK1", "Logg", "individual", "2018-01-15", "pdf", "20", "2")
	f.Add("", "", "group", "gathering:evaluation", "video", "-1", "x")
	f.Fuzz(func(t *testing.T, code, title, mode, due, kind, mb, assessors string) {
		req, errs := parseRequirementForm(url.Values{"code": {code}, "title": {title}, "mode": {mode}, "due": {due},
			"file_kinds": {kind}, "max_mb": {mb}, "assessors": {assessors}})
		if len(errs) == 0 && req.MaxBytes < 0 {
			t.Fatalf("negative size %d", req.MaxBytes)
		}
		req.ProgrammeID = 1
		_ = req.Validate() // must not panic
	})
}

func TestParseRequirementForm(t *testing.T) {
	req, errs := parseRequirementForm(url.Values{"code": {"AK3"}, "title": {"Video"}, "mode": {"group"},
		"due": {"gathering:evaluation"}, "file_kinds": {"video", "pdf"}, "max_mb": {"2048"}, "assessors": {"2"}})
	req.ProgrammeID = 1
	if errs != nil || req.Validate() != nil || req.MaxBytes != 2<<30 || !req.Allows(laeringsliv.FileVideo) {
		t.Fatalf("%+v %v %v", req, errs, req.Validate())
	}
	_, errs = parseRequirementForm(url.Values{"due": {"31.02.2018"}, "max_mb": {"ti"}})
	if len(errs) != 2 {
		t.Fatalf("errors %v", errs)
	}
}

func TestParseGatheringForm(t *testing.T) {
	loc := time.FixedZone("CEST", 2*3600)
	ok := url.Values{"kind": {"start_up"}, "title": {"Oppstart"}, "place": {"Møterommet"},
		"days": {"12.09.2017 08:30-15:30\r\n\r\n2017-09-13 8.30–15.00"}, "agenda": {"08:30-09:00 Velkommen\n09:00 Lapp i hatt"}}
	g, errs := parseGatheringForm(ok, loc, 1)
	if errs != nil || len(g.Days) != 2 || len(g.Agenda) != 2 {
		t.Fatalf("%+v %v", g, errs)
	}
	if got := g.Days[0].Start; !got.Equal(time.Date(2017, 9, 12, 6, 30, 0, 0, time.UTC)) || got.Location() != time.UTC {
		t.Errorf("first day starts %v", got)
	}
	if !g.Agenda[1].End.IsZero() || !g.Agenda[1].Start.Equal(time.Date(2017, 9, 12, 7, 0, 0, 0, time.UTC)) {
		t.Errorf("agenda %+v", g.Agenda[1])
	}
	for name, tt := range map[string]struct {
		edit  func(url.Values)
		field string
	}{
		"no days":       {func(v url.Values) { v.Set("days", "") }, "days"},
		"bad day":       {func(v url.Values) { v.Set("days", "i morgen hele dagen") }, "days"},
		"25 o'clock":    {func(v url.Values) { v.Set("days", "12.09.2017 08:30-25:00") }, "days"},
		"ends early":    {func(v url.Values) { v.Set("days", "12.09.2017 15:30-08:30") }, "days"},
		"bad agenda":    {func(v url.Values) { v.Set("agenda", "Velkommen") }, "agenda"},
		"bad kind":      {func(v url.Values) { v.Set("kind", "party") }, "kind"},
		"missing title": {func(v url.Values) { v.Set("title", "") }, "title"},
	} {
		v := url.Values{}
		for k, x := range ok {
			v[k] = append([]string(nil), x...)
		}
		tt.edit(v)
		if _, errs := parseGatheringForm(v, loc, 1); fieldOf(errs, tt.field) == "" {
			t.Errorf("%s: errors %v, want one on %s", name, errs, tt.field)
		}
	}
}

func FuzzParseGatheringForm(f *testing.F) {
	f.Add("start_up", "Oppstart", "12.09.2017 08:30-15:30", "08:30-09:00 Velkommen")
	f.Add("master", "", "2017-02-30 1:1-2:2", "99:99 x")
	f.Fuzz(func(t *testing.T, kind, title, days, agenda string) {
		g, errs := parseGatheringForm(url.Values{"kind": {kind}, "title": {title}, "days": {days}, "agenda": {agenda}}, laeringsliv.Norway(), 1)
		if len(errs) == 0 {
			if err := g.Validate(); err != nil {
				t.Fatalf("accepted an invalid gathering: %v", err)
			}
		}
	})
}
