package laeringsliv_test

import (
	"strings"
	"testing"

	"laeringsliv"
)

func TestImageMarkdown(t *testing.T) {
	for _, tt := range []struct {
		alt  string
		want string
	}{
		{"Tavla", "![Tavla](image:3)"},
		{" [lenke](x) ", `![\[lenke\](x)](image:3)`},
		{"to\nlinjer", "![to linjer](image:3)"},
		{`skrå \`, `![skrå \\](image:3)`},
	} {
		if got := laeringsliv.ImageMarkdown(3, tt.alt); got != tt.want {
			t.Errorf("ImageMarkdown(%q) = %s, want %s", tt.alt, got, tt.want)
		}
	}
}

// FuzzImageMarkdown: whatever the alt text, the Markdown is one line with one image that ends
// at the image's own reference.
func FuzzImageMarkdown(f *testing.F) {
	for _, s := range []string{"Tavla", "]](x)", "\\", "a\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, alt string) {
		md := laeringsliv.ImageMarkdown(7, alt)
		if strings.ContainsAny(md, "\n\r") || !strings.HasSuffix(md, "](image:7)") {
			t.Errorf("ImageMarkdown(%q) = %q", alt, md)
		}
		inner := md[2 : len(md)-len("](image:7)")]
		for i := 0; i < len(inner); i++ {
			if inner[i] == '\\' {
				i++
				continue
			}
			if inner[i] == '[' || inner[i] == ']' {
				t.Errorf("unescaped bracket in %q", md)
			}
		}
	})
}

func TestValidateImageAlt(t *testing.T) {
	for _, tt := range []struct {
		alt string
		key string
	}{
		{"Tavla", ""},
		{"  ", "error.handbook_image_alt_required"},
		{strings.Repeat("å", 501), "error.handbook_image_alt_too_long"},
	} {
		err := laeringsliv.ValidateImageAlt(tt.alt)
		if tt.key == "" && err != nil || tt.key != "" && laeringsliv.ErrorKey(err) != tt.key {
			t.Errorf("ValidateImageAlt(%q) = %v, want %q", tt.alt, err, tt.key)
		}
	}
}
