package web

import "testing"

func TestParseOIDCProviders(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		fail bool
	}{
		{"", 0, false},
		{"name=feide,display=Feide,issuer=https://auth.dataporten.no,client-id=abc,client-secret=s,claim=eduPersonPrincipalName", 1, false},
		{"name=entra,display=Fjordvik kommune,issuer=https://login.microsoftonline.com/tid/v2.0,client-id=a,claim=email,self-register=@Fjordvik.kommune.no;\n" +
			"name=idporten,display=ID-porten,issuer=https://idporten.no,client-id=b", 2, false},
		{"name=test,display=T,issuer=http://127.0.0.1:5556,client-id=a", 1, false},
		{"name=a,display=A,issuer=http://idp.example,client-id=a", 0, true},    // http off loopback
		{"name=A B,display=A,issuer=https://idp.example,client-id=a", 0, true}, // bad name
		{"name=a,display=A,issuer=https://idp.example", 0, true},               // no client id
		{"name=a,display=A,issuer=https://idp.example,client-id=x,claim=upn", 0, true},
		{"name=a,display=A,issuer=https://idp.example,client-id=x,colour=red", 0, true},
		{"name=a,display=A,issuer=https://idp.example,client-id=x,self-register=nodot", 0, true},
		{"name=a,issuer=https://idp.example,client-id=x", 0, true}, // no display name
		{"name=a,display=A,issuer=https://i.example,client-id=x;name=a,display=B,issuer=https://j.example,client-id=y", 0, true},
		{"justtext", 0, true},
	} {
		ps, err := ParseOIDCProviders(tc.in)
		if (err != nil) != tc.fail || len(ps) != tc.n {
			t.Errorf("ParseOIDCProviders(%q) = %d providers, %v; want %d, fail=%v", tc.in, len(ps), err, tc.n, tc.fail)
		}
	}
	ps, _ := ParseOIDCProviders("name=entra,display=E,issuer=https://x.example,client-id=a,self-register=@Fjordvik.no")
	if ps[0].Claim != "sub" || ps[0].SelfRegister != "fjordvik.no" {
		t.Errorf("defaults: %+v", ps[0])
	}
}

func FuzzParseOIDCProviders(f *testing.F) {
	f.Add("name=feide,display=Feide,issuer=https://auth.dataporten.no,client-id=abc,claim=eduPersonPrincipalName")
	f.Add("name=a,display=A,issuer=http://127.0.0.1:1,client-id=x;name=b")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParseOIDCProviders(s)
		if err != nil {
			return
		}
		for _, p := range ps {
			if p.validate() != nil {
				t.Fatalf("accepted an invalid provider %+v from %q", p, s)
			}
		}
	})
}
