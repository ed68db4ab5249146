package web

import (
	"net/url"
	"strings"
	"testing"
)

func TestParseForgotForm(t *testing.T) {
	for _, tc := range []struct {
		in    string
		email string
		ok    bool
	}{
		{"kari@fjordvik.no", "kari@fjordvik.no", true},
		{"  Kari@Fjordvik.NO ", "kari@fjordvik.no", true},
		{"", "", false},
		{"kari", "kari", false},
		{"kari@", "kari@", false},
		{strings.Repeat("a", 300) + "@x.no", "", false},
	} {
		email, errs := parseForgotForm(url.Values{"email": {tc.in}})
		if (len(errs) == 0) != tc.ok || (tc.email != "" && email != tc.email) {
			t.Errorf("parseForgotForm(%q) = %q, %v; want %q ok=%v", tc.in, email, errs, tc.email, tc.ok)
		}
	}
}

func FuzzParseForgotForm(f *testing.F) {
	f.Add("kari@fjordvik.no")
	f.Add("<script>@x")
	f.Fuzz(func(t *testing.T, s string) {
		email, errs := parseForgotForm(url.Values{"email": {s}})
		if len(errs) == 0 && (len(email) > 254 || !strings.Contains(email, "@")) {
			t.Fatalf("accepted %q as %q", s, email)
		}
	})
}
