package laeringsliv

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseEmbeds(t *testing.T) {
	tests := []struct {
		body    string
		want    []Embed
		wantErr bool
	}{
		{"Tekst uten innebygging", nil, false},
		{"{{innovation 12}}", []Embed{{Line: 1, Kind: EmbedInnovation, ID: 12}}, false},
		{"a\n  {{ipe 3 frozen}}  ", []Embed{{Line: 2, Kind: EmbedIPE, ID: 3, Frozen: true}}, false},
		{"{{chart participation}}", []Embed{{Line: 1, Kind: EmbedChart, Chart: "participation"}}, false},
		{"Inline {{innovation 1}} is text", nil, false},
		{"{{innovation}}", nil, true},
		{"{{innovation -1}}", nil, true},
		{"{{innovation x}}", nil, true},
		{"{{ipe 3 thawed}}", nil, true},
		{"{{chart Deltakelse}}", nil, true},
		{"{{person 1}}", nil, true},
		{"{{}}", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseEmbeds(tt.body)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseEmbeds(%q) error = %v", tt.body, err)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("ParseEmbeds(%q) = %+v, want %+v", tt.body, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("ParseEmbeds(%q)[%d] = %+v, want %+v", tt.body, i, got[i], tt.want[i])
			}
		}
	}
}

func FuzzParseEmbeds(f *testing.F) {
	for _, s := range []string{"{{innovation 12}}", "{{ipe 3 frozen}}", "{{chart a-b}}", "{{x}}", "{{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		list, err := ParseEmbeds(body)
		if err != nil && ErrorCode(err) != EINVALID {
			t.Fatalf("error %v is not a field error", err)
		}
		for _, e := range list {
			if e.Line < 1 || (e.ID <= 0) == (e.Kind != EmbedChart) {
				t.Fatalf("bad embed %+v", e)
			}
		}
	})
}

func TestMergeChapterBody(t *testing.T) {
	base := "# Innledning\n\nFørste avsnitt.\n\nAndre avsnitt.\n"
	other := strings.Replace(base, "Første avsnitt.", "Første avsnitt, skrevet om.", 1)
	mine := strings.Replace(base, "Andre avsnitt.", "Andre avsnitt og mer.", 1)
	got, err := MergeChapterBody([]string{base, other}, mine)
	if err != nil {
		t.Fatal(err)
	}
	want := "# Innledning\n\nFørste avsnitt, skrevet om.\n\nAndre avsnitt og mer.\n"
	if got != want {
		t.Errorf("merged = %q, want %q", got, want)
	}
	// Two saves missed, both insertions at the same place kept.
	third := other + "Tredje.\n"
	got, err = MergeChapterBody([]string{base, other, third}, base+"Mitt.\n")
	if err != nil || !strings.Contains(got, "Tredje.") || !strings.Contains(got, "Mitt.") || !strings.Contains(got, "skrevet om") {
		t.Errorf("merged = %q, %v", got, err)
	}
}

func FuzzMergeChapterBody(f *testing.F) {
	f.Add("abc", "abXc", "aYbc")
	f.Fuzz(func(t *testing.T, base, other, mine string) {
		if !utf8.ValidString(base) || !utf8.ValidString(other) || !utf8.ValidString(mine) {
			return
		}
		got, err := MergeChapterBody([]string{base, other}, mine)
		if err != nil {
			t.Fatalf("merge: %v", err)
		}
		if mine == base && got != other {
			t.Fatalf("an unchanged save changed the other's text: %q", got)
		}
	})
}

func TestLineDiff(t *testing.T) {
	got := LineDiff("a\nb\nc\n", "a\nc\nd\n")
	want := []DiffLine{{DiffSame, "a"}, {DiffRemoved, "b"}, {DiffSame, "c"}, {DiffAdded, "d"}}
	if len(got) != len(want) {
		t.Fatalf("LineDiff = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if d := LineDiff("", "x"); len(d) != 1 || d[0].Op != DiffAdded {
		t.Errorf("LineDiff from empty = %+v", d)
	}
}

func TestChapterValidate(t *testing.T) {
	c := &HandbookChapter{HandbookID: 1, Title: "Innledning", Body: "x"}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	c.Body = strings.Repeat("x", MaxChapterBody+1)
	if ErrorKey(c.Validate()) != "error.handbook_body_too_long" {
		t.Errorf("too long body accepted")
	}
	c.Body, c.Title = "", " "
	if ErrorKey(c.Validate()) != "error.title_required" {
		t.Errorf("empty title accepted")
	}
}
