package web

import (
	"strings"
	"testing"

	"laeringsliv"
)

func TestRenderMarkdownSanitises(t *testing.T) {
	tests := []struct{ md, want, notWant string }{
		{"# Tittel\n\nTekst med *vekt*.", "<em>vekt</em>", ""},
		{"<script>alert(1)</script>", "", "<script"},
		{"[lenke](javascript:alert(1))", "", "javascript:"},
		{"![Et bilde av vaktrommet](/files/abc)", `alt="Et bilde av vaktrommet"`, ""},
		{"<img src=x onerror=alert(1)>", "", "onerror"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "<table>", ""},
	}
	for _, tt := range tests {
		got, err := renderMarkdown(tt.md)
		if err != nil {
			t.Fatal(err)
		}
		if tt.want != "" && !strings.Contains(string(got), tt.want) {
			t.Errorf("renderMarkdown(%q) = %s, want %s", tt.md, got, tt.want)
		}
		if tt.notWant != "" && strings.Contains(string(got), tt.notWant) {
			t.Errorf("renderMarkdown(%q) = %s, has %s", tt.md, got, tt.notWant)
		}
	}
}

func TestChapterSegments(t *testing.T) {
	segs, err := chapterSegments("Før\n{{innovation 7 frozen}}\nEtter\n{{chart participation}}", "/i/")
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 4 || segs[1].Embed == nil || segs[1].Embed.ID != 7 || !segs[1].Embed.Frozen ||
		segs[3].Embed == nil || segs[3].Embed.Kind != laeringsliv.EmbedChart || !strings.Contains(string(segs[2].HTML), "Etter") {
		t.Errorf("segments = %+v", segs)
	}
	if _, err := chapterSegments("{{ipe nope}}", "/i/"); laeringsliv.ErrorKey(err) != "error.handbook_embed_invalid" {
		t.Errorf("bad embed: %v", err)
	}
}

func FuzzChapterSegments(f *testing.F) {
	f.Add("# T\n{{innovation 1}}\n<script>x</script>")
	f.Fuzz(func(t *testing.T, body string) {
		segs, err := chapterSegments(body, "/i/")
		if err != nil {
			return
		}
		for _, s := range segs {
			if strings.Contains(strings.ToLower(string(s.HTML)), "<script") {
				t.Fatalf("script in output: %s", s.HTML)
			}
		}
	})
}
