package web

import (
	"net/url"
	"testing"
)

// New passwords are checked against the common list and the person's own words, with a
// message the person can act on; long, uncommon phrases pass.
func TestParsePasswordFormWeak(t *testing.T) {
	name, email := "Kari Nordmann", "kari.nordmann@fjordvik.kommune.no"
	for _, tc := range []struct {
		pw, key string
	}{
		{"1234567890", "error.password_common"},
		{"passordpassord", "error.password_common"},
		{"qwertyuiop123", "error.password_common"},
		{email, "error.password_common"},
		{"Nordmann2026!", "error.password_common"},
		{"kort", "error.password_too_short"},
		{"tre glade ekorn i bjørka", ""},
	} {
		_, errs := parsePasswordForm(url.Values{"new": {tc.pw}, "confirm": {tc.pw}}, name, email)
		got := ""
		if len(errs) > 0 {
			got = errs[0].Key
		}
		if got != tc.key {
			t.Errorf("%q: %q; want %q", tc.pw, got, tc.key)
		}
	}
}
