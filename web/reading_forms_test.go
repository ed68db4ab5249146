package web

import (
	"net/url"
	"strings"
	"testing"

	"laeringsliv"
)

func TestParseSyllabusForm(t *testing.T) {
	ok := url.Values{"title": {"Å lære på jobben"}, "authors": {"Nordmann, K."}, "year": {"2016"},
		"language": {"no"}, "pages": {"24"}, "url": {"https://example.org/a.pdf"}, "summary": {"Kort."}}
	with := func(k, v string) url.Values {
		c := url.Values{}
		for kk, vv := range ok {
			c[kk] = vv
		}
		c.Set(k, v)
		return c
	}
	tests := []struct {
		name  string
		form  url.Values
		field string
	}{
		{"valid", ok, ""},
		{"no title", with("title", "  "), "title"},
		{"no authors", with("authors", ""), "authors"},
		{"year not a number", with("year", "tjue"), "year"},
		{"year too early", with("year", "1200"), "year"},
		{"unknown language", with("language", "sv"), "language"},
		{"pages zero", with("pages", "0"), "pages"},
		{"pages not a number", with("pages", "x"), "pages"},
		{"script link", with("url", "javascript:alert(1)"), "url"},
		{"relative link", with("url", "/a.pdf"), "url"},
		{"no link is fine", with("url", ""), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s laeringsliv.SyllabusText
			s.ProgrammeID = 1
			errs := parseSyllabusForm(tt.form, &s)
			got := ""
			if len(errs) > 0 {
				got = errs[0].Field
			}
			if got != tt.field {
				t.Errorf("field %q, want %q (%v)", got, tt.field, errs)
			}
		})
	}
}

func FuzzParseSyllabusForm(f *testing.F) {
	f.Add("title=A&authors=B&year=2000&language=en&pages=3")
	f.Add("year=%FF&pages=-1&url=http://")
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		s := laeringsliv.SyllabusText{ProgrammeID: 1}
		if errs := parseSyllabusForm(v, &s); len(errs) == 0 && s.Validate() != nil {
			t.Fatalf("accepted an invalid text: %+v", s)
		}
	})
}

func TestParseEdit(t *testing.T) {
	tests := []struct {
		body string
		ok   bool
		text string
	}{
		{`{"base":3,"start":1,"end":2,"text":"hei"}`, true, "hei"},
		{`{"base":0,"start":0,"end":0,"text":"a\r\nb\u0000"}`, true, "a\nb"},
		{`{"base":-1,"start":0,"end":0,"text":""}`, false, ""},
		{`{"base":0,"start":2,"end":1,"text":""}`, false, ""},
		{`{"base":0,"start":0,"end":0,"text":"x","extra":1}`, false, ""},
		{`{"base":"1"}`, false, ""},
		{`{"base":0}{"base":1}`, false, ""},
		{`not json`, false, ""},
		{``, false, ""},
		{`{"base":0,"start":0,"end":0,"text":"` + strings.Repeat("x", 70000) + `"}`, false, ""},
	}
	for _, tt := range tests {
		e, err := parseEdit(strings.NewReader(tt.body))
		if (err == nil) != tt.ok || (tt.ok && e.Text != tt.text) {
			t.Errorf("parseEdit(%.40q) = %+v, %v; want ok=%v", tt.body, e, err, tt.ok)
		}
		if err != nil && laeringsliv.ErrorKey(err) != "reading.error.edit_invalid" {
			t.Errorf("error key %q", laeringsliv.ErrorKey(err))
		}
	}
}

func FuzzParseEdit(f *testing.F) {
	f.Add(`{"base":3,"start":1,"end":2,"text":"hei"}`)
	f.Add(`{"base":0,"start":0,"end":0,"text":"\r\n"}`)
	f.Fuzz(func(t *testing.T, body string) {
		e, err := parseEdit(strings.NewReader(body))
		if err == nil && (e.Base < 0 || e.Start < 0 || e.End < e.Start || strings.ContainsRune(e.Text, '\r')) {
			t.Fatalf("accepted %+v", e)
		}
	})
}
