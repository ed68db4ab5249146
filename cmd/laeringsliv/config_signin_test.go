package main

import (
	"errors"
	"testing"
)

// The sign-in and operations flags: valid settings pass, bad ones are usage errors.
func TestParseServeConfigSignIn(t *testing.T) {
	const feide = "name=feide,display=Feide,issuer=https://auth.dataporten.no,client-id=a,claim=eduPersonPrincipalName"
	for _, tc := range []struct {
		args []string
		env  map[string]string
		ok   bool
	}{
		{[]string{"--trusted-proxies", "127.0.0.1,10.0.0.0/8"}, nil, true},
		{nil, map[string]string{"LAERINGSLIV_TRUSTED_PROXIES": "::1"}, true},
		{[]string{"--trusted-proxies", "proxy.local"}, nil, false},
		{[]string{"--admin-addr", "off"}, nil, true},
		{[]string{"--metrics-token", "short"}, nil, false},
		{[]string{"--metrics-token", "a-long-enough-token"}, nil, true},
		{[]string{"--read-timeout", "5s", "--write-timeout", "1m"}, nil, true},
		{[]string{"--read-timeout", "-1s"}, nil, false},
		{[]string{"--oidc", feide}, nil, true},
		{nil, map[string]string{"LAERINGSLIV_OIDC": feide + ";name=x,display=X,issuer=https://x.example,client-id=b"}, true},
		{[]string{"--oidc", "name=feide"}, nil, false},
		{[]string{"--no-password-login"}, nil, false},
		{[]string{"--no-password-login", "--oidc", feide}, nil, true},
		{[]string{"--device-key", "too short"}, nil, false},
		{[]string{"--device-key", "0123456789abcdef0123456789abcdef"}, nil, true},
	} {
		_, err := parseServeConfig(tc.args, env(tc.env))
		if (err == nil) != tc.ok || (err != nil && !errors.Is(err, errUsage)) {
			t.Errorf("%v %v: err = %v; want ok=%v", tc.args, tc.env, err, tc.ok)
		}
	}
}
