package web

import (
	"strings"
	"testing"
)

// cssString quotes a chapter title for the running heads' stylesheet: whatever the title, the
// result is one CSS string with no quote, backslash sequence end or line break left raw.
func TestCSSString(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Vaktskifte", `"Vaktskifte"`},
		{`Lapp "i" hatten`, `"Lapp \22 i\22  hatten"`},
		{"Ny\nlinje", `"Ny linje"`},
		{"}</style>", `"\7d \3c \2f style\3e "`},
		{"Å", `"\c5 "`},
	} {
		if got := cssString(tt.in); got != tt.want {
			t.Errorf("cssString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func FuzzCSSString(f *testing.F) {
	for _, s := range []string{"Vaktskifte", `"\`, "}\n@import", "\x00\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := cssString(s)
		inner := got[1 : len(got)-1]
		if !strings.HasPrefix(got, `"`) || !strings.HasSuffix(got, `"`) || strings.ContainsAny(inner, "\"'\n\r;{}<>") {
			t.Errorf("cssString(%q) = %s", s, got)
		}
	})
}
