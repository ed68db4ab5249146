package web

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/sqlstore/sqltest"
)

func TestParseConsentForm(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    bool
		invalid bool
	}{{"yes", true, false}, {"no", false, false}, {"", false, true}, {"YES", false, true}, {"ja", false, true}} {
		got, err := parseConsentForm(url.Values{"consent": {tc.in}})
		if got != tc.want || (err != nil) != tc.invalid {
			t.Errorf("parseConsentForm(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func FuzzParseConsentForm(f *testing.F) {
	f.Add("consent=yes")
	f.Add("consent=no&consent=yes")
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		got, err := parseConsentForm(v)
		if err == nil && got != (v.Get("consent") == "yes") {
			t.Fatalf("%q read as %v", body, got)
		}
		if err != nil && laeringsliv.ErrorKey(err) != "consent.error.choice" {
			t.Fatalf("unexpected error %v", err)
		}
	})
}

// A participant gives consent, sees it, withdraws it; the store follows each step.
func TestConsentFlow(t *testing.T) {
	f := newFixture(t, sqltest.OpenSQLite(t))
	c := f.signIn(t, laeringsliv.RoleParticipant)
	path := "/programmes/" + itoa(f.p1.ID) + "/consent"
	person := f.people[laeringsliv.RoleParticipant].ID
	if _, body := f.do(t, c, "GET", path, nil); !strings.Contains(body, "ikke gitt samtykke") {
		t.Fatal("no consent status shown")
	}
	if resp, _ := f.do(t, c, "POST", path, url.Values{"consent": {"yes"}}); resp.StatusCode != 303 {
		t.Fatalf("give: status %d", resp.StatusCode)
	}
	if _, err := f.db.FindResearchConsent(context.Background(), f.p1.ID, person); err != nil {
		t.Fatalf("consent not stored: %v", err)
	}
	if _, body := f.do(t, c, "GET", path, nil); !strings.Contains(body, "Du har gitt samtykke") {
		t.Error("given consent not shown")
	}
	if resp, body := f.do(t, c, "POST", path, url.Values{"consent": {"kanskje"}}); resp.StatusCode != 422 || !strings.Contains(body, "Velg om du vil") {
		t.Errorf("bad choice: status %d", resp.StatusCode)
	}
	f.do(t, c, "POST", path, url.Values{"consent": {"no"}})
	if _, err := f.db.FindResearchConsent(context.Background(), f.p1.ID, person); laeringsliv.ErrorCode(err) != laeringsliv.ENOTFOUND {
		t.Errorf("withdrawn consent still stored: %v", err)
	}
}
