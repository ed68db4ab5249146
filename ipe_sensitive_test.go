package laeringsliv

import (
	"slices"
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
	} {
		if got := SensitiveData(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("SensitiveData(%q) = %v, want %v", tc.text, got, tc.want)
		}
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
	for _, s := range []string{"15076500565", "+47 987 65 432", "a@b.no", "1.2.3", "+", "@@."} {
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
