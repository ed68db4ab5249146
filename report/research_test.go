package report_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"laeringsliv"
	"laeringsliv/report"
)

// A valid synthetic identity number (01010112345 is not; this one passes both checks).
func validID(t *testing.T) string {
	t.Helper()
	for n := 1010100000; n < 1010199999; n++ {
		s := "0" + strconv.Itoa(n)
		if report.ValidIdentityNumber(s) {
			return s
		}
	}
	t.Fatal("no valid number found")
	return ""
}

func TestValidIdentityNumber(t *testing.T) {
	id := validID(t)
	bad := id[:10] + string('0'+(id[10]-'0'+1)%10)
	tests := []struct {
		in   string
		want bool
	}{
		{id, true}, {bad, false}, {"1234567890", false}, {"123456789012", false}, {"0101011234x", false}, {"", false},
	}
	for _, tt := range tests {
		if got := report.ValidIdentityNumber(tt.in); got != tt.want {
			t.Errorf("ValidIdentityNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestRedactIdentityNumbers(t *testing.T) {
	id := validID(t)
	spaced := id[:6] + " " + id[6:]
	bad := id[:10] + string('0'+(id[10]-'0'+1)%10)
	tests := []struct{ in, want string }{
		{"fnr " + id + ".", "fnr " + report.Redacted + "."},
		{spaced, report.Redacted},
		{"konto " + bad, "konto " + bad},
		{"9" + id, "9" + id}, // part of a longer number
		{"ingen tall", "ingen tall"},
	}
	for _, tt := range tests {
		if got := report.RedactIdentityNumbers(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzRedactIdentityNumbers(f *testing.F) {
	f.Add("fnr 01010112345 og 010101 12345")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		out := report.RedactIdentityNumbers(s)
		for i := 0; i+11 <= len(out); i++ {
			w := out[i : i+11]
			before := i == 0 || out[i-1] < '0' || out[i-1] > '9'
			after := i+11 == len(out) || out[i+11] < '0' || out[i+11] > '9'
			if before && after && report.ValidIdentityNumber(w) {
				t.Fatalf("identity number %q left in %q", w, out)
			}
		}
	})
}

// TestResearchExportHasNoNamesOrIDs exports innovations whose text names people and holds an
// identity number, and checks that neither remains while pseudonyms stay stable.
func TestResearchExportHasNoNamesOrIDs(t *testing.T) {
	id := validID(t)
	people := []*laeringsliv.Person{{ID: 1, Name: "Kari Nordmann"}, {ID: 2, Name: "Ola Hansen"}}
	consented := func(id int64) bool { return id == 1 }
	p := report.NewPseudonymizer([]byte("project-key"), people, consented)
	list := []*laeringsliv.Innovation{
		{ID: 1, WorkplaceID: 9, Title: "Karis idé om fast møtetid", CreatedBy: 1, Status: laeringsliv.InnovationTrying,
			Description: "Kari Nordmann og ola foreslo dette. Beboer med fnr " + id + " deltok.", Size: laeringsliv.InnovationSmall},
		{ID: 2, WorkplaceID: 9, Title: "Sang i stua", CreatedBy: 2, OwnerGroup: "Hansen sitt lag"},
	}
	var buf bytes.Buffer
	if err := report.ResearchInnovations(p, list, map[int64]string{9: "Lyngtunet"}).WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, banned := range []string{"Kari", "Nordmann", "Ola", "Hansen", id} {
		if strings.Contains(strings.ToLower(out), strings.ToLower(banned)) {
			t.Errorf("export holds %q:\n%s", banned, out)
		}
	}
	if !strings.Contains(out, p.Pseudonym(1)) || p.Pseudonym(2) != "" || !strings.Contains(out, report.RedactedName) {
		t.Errorf("consent not honoured:\n%s", out)
	}
	if p.Pseudonym(1) != report.NewPseudonymizer([]byte("project-key"), nil, consented).Pseudonym(1) ||
		p.Pseudonym(1) == report.NewPseudonymizer([]byte("other"), nil, consented).Pseudonym(1) {
		t.Error("pseudonyms are not stable per key")
	}
}
