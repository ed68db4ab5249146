package laeringsliv

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestSensitiveData(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Vi trenger bedre overlapp mellom vaktene", nil},
		{"Pasient 01019012345 trenger hjelp", nil}, // wrong control digits
		{"Pasient 15076500565 trenger hjelp", []string{SensitiveNationalID}},
		{"fnr 150765 00565.", []string{SensitiveNationalID}},
		{"Ring 98765432", []string{SensitivePhone}},
		{"Ring 987 65 432 i kveld", []string{SensitivePhone}},
		{"Ring +47 98765432", []string{SensitivePhone}},
		{"Ring +4798765432", []string{SensitivePhone}},
		{"Ring 0047 98765432", []string{SensitivePhone}},
		{"Møte 12.03.2024 kl 14", nil}, // a date is not a phone number
		{"Vi var 12 på jobb og 3 syke", nil},
		{"skriv til kari@example.no!", []string{SensitiveEmail}},
		{"@kari på møtet", nil},
		{"a@b", nil},
		{"15076500565 98765432 ola@nav.no", []string{SensitiveNationalID, SensitivePhone, SensitiveEmail}},
		{"123456789012345", nil},
		// Numbers written with dashes, slashes, brackets, other digits.
		{"Ring 912-34-567", []string{SensitivePhone}},
		{"Ring 912 34 567", []string{SensitivePhone}},
		{"Ring (+47) 987 65 432", []string{SensitivePhone}},
		{"Ring +47-987-65-432", []string{SensitivePhone}},
		{"fnr 130972-48022 må med", []string{SensitiveNationalID}},
		{"fnr 130972 48022", []string{SensitiveNationalID}},
		{"fnr 150765/00565", []string{SensitiveNationalID}},
		{"Ring ９８７６５４３２", []string{SensitivePhone}}, // full width
		{"Ring ٩٨٧٦٥٤٣٢", []string{SensitivePhone}}, // Arabic-Indic digits
		{"Ring ९८७६५४३२", []string{SensitivePhone}}, // Devanagari digits
		{"fnr １５０７６５００５６５", []string{SensitiveNationalID}},
		{"Ring 98\u200b765432", nil}, // a zero-width space splits it beyond a separator
		// E-mail written out.
		{"skriv til ola (at) nav.no", []string{SensitiveEmail}},
		{"skriv til ola[at]nav.no", []string{SensitiveEmail}},
		{"skriv til ola krøllalfa nav.no", []string{SensitiveEmail}},
		{"ola alfakrøll nav punktum no", []string{SensitiveEmail}},
		{"ola @ nav.no", []string{SensitiveEmail}},
		{"ola＠nav.no", []string{SensitiveEmail}}, // full-width at sign
		{"ola (at) nav (dot) no", []string{SensitiveEmail}},
		// Dates and other ordinary numbers.
		{"Møte 2024-03-12 kl 14", nil},
		{"Møte 12-03-2024", nil},
		{"Møte 12/03/2024", nil},
		{"Møte 12.03.24 og 13.03.24", nil},
		{"Vi var 3 av 4 på jobb", nil},
		{"rom 201-210", nil},
	} {
		if got := SensitiveData(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("SensitiveData(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestSensitiveDataFalseAlarms runs the guard over realistic notes, full of dates, times, room
// numbers, counts and amounts but without personal data, and bounds how often it warns.
func TestSensitiveDataFalseAlarms(t *testing.T) {
	data, err := os.ReadFile("testdata/ipe_notes_nb.txt")
	if err != nil {
		t.Fatal(err)
	}
	notes, alarms := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		notes++
		if kinds := SensitiveData(line); len(kinds) > 0 {
			alarms++
			t.Logf("false alarm %v: %s", kinds, line)
		}
	}
	rate := float64(alarms) / float64(notes)
	t.Logf("false alarms: %d of %d realistic notes (%.1f%%)", alarms, notes, 100*rate)
	if notes < 200 || rate > 0.01 {
		t.Fatalf("false alarms on %d of %d notes (bound 1%% of at least 200)", alarms, notes)
	}
}

func TestValidNationalID(t *testing.T) {
	for d, want := range map[string]bool{
		"15076500565": true,
		"15076500566": false,
		"1507650056":  false,
		"1507650056x": false,
		"41076500581": false,
	} {
		if got := ValidNationalID(d); got != want {
			t.Errorf("ValidNationalID(%s) = %v, want %v", d, got, want)
		}
	}
}

func FuzzSensitiveData(f *testing.F) {
	for _, s := range []string{"15076500565", "+47 987 65 432", "a@b.no", "1.2.3", "+", "@@.", "130972-48022",
		"ola (at) nav.no", "９８７６５４３２", "(+47) 987", "krøllalfa", "2024-03-12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kinds := SensitiveData(s)
		if len(kinds) > 3 {
			t.Fatalf("%d kinds", len(kinds))
		}
		for _, k := range kinds {
			if k != SensitiveNationalID && k != SensitivePhone && k != SensitiveEmail {
				t.Fatalf("kind %q", k)
			}
		}
	})
}
