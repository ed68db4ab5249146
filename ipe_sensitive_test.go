package laeringsliv

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestSensitiveData(t *testing.T) {
	id, phone, email := []string{SensitiveNationalID}, []string{SensitivePhone}, []string{SensitiveEmail}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Vi trenger bedre overlapp mellom vaktene", nil},
		{"Pasient 01019012345 trenger hjelp", nil}, // wrong control digits
		{"Pasient 15076500565 trenger hjelp", id},
		{"fnr 150765 00565.", id},
		{"fnr 130972-48022", id},
		{"fnr 130972 48022", id},
		{"fnr 13.09.72-48022", id},
		{"fnr 130972/48022", id},
		{"fnr (130972) 48022", id},
		{"d-nummer 55076510007", id},
		{"fnr １３０９７２－４８０２２", id},               // full-width digits and dash
		{"fnr ١٣٠٩٧٢٤٨٠٢٢", id},                // Arabic-Indic digits
		{"fnr ১৩০৯৭২৪৮০২২", id},                // Bengali digits
		{"fnr 𝟏𝟑𝟎𝟗𝟕𝟐𝟒𝟖𝟎𝟐𝟐", id},                // mathematical bold digits
		{"99999999999 er ikke et nummer", nil}, // no birth date
		{"Ring 98765432", phone},
		{"Ring 987 65 432 i kveld", phone},
		{"Ring 912-34-567", phone},
		{"Ring 912.34.567", phone},
		{"Ring 912/34/567", phone},
		{"Ring 91 23 45 67", phone},
		{"Ring 9123 4567", phone},
		{"Ring 912 - 34 - 567", phone},
		{"Ring (+47) 912 34 567", phone},
		{"Ring +47 98765432", phone},
		{"Ring +4798765432", phone},
		{"Ring 0047 98765432", phone},
		{"Ring ９１２３４５６７", phone},
		{"Ring ९१२३४५६७", phone}, // Devanagari digits
		{"Ring 912\u00a034\u00a0567", phone},
		{"Ring 912–34–567", phone},     // en dash
		{"Møte 12.03.2024 kl 14", nil}, // a date is not a phone number
		{"Møte 22.03.2024 kl 14", nil},
		{"Møte 22/03/2024", nil},
		{"Møte 22-03-2024", nil},
		{"Møte 2024-03-22", nil},
		{"Møte 22.03.2024 14.00", nil},
		{"Vakt 14.00-15.30", nil},
		{"Vakt 22.00 - 23.30", nil},
		{"Fra 2023-2024", nil},
		{"Budsjett 25 500 000 kr", nil},
		{"Vi var 12 på jobb og 3 syke", nil},
		{"3 av 4 sa ja", nil},
		{"12345678 er ikke et norsk nummer", nil}, // starts with 1
		{"skriv til kari@example.no!", email},
		{"ola (at) nav.no", email},
		{"ola [at] nav.no", email},
		{"ola at nav.no", email},
		{"ola krøllalfa nav.no", email},
		{"ola alfakrøll nav.no", email},
		{"ola(krøllalfa)nav(dot)no", email},
		{"ola.nordmann at nav dot no", email},
		{"ola @ nav.no", email},
		{"ＯＬＡ＠ＮＡＶ．ＮＯ", email},
		{"Jeg foreslår at f.eks. nattevakten rydder", nil},
		{"Oppgaven skal være 2000-3000 ord", nil},
		{"@kari på møtet", nil},
		{"a@b", nil},
		{"15076500565 98765432 ola@nav.no", []string{SensitiveNationalID, SensitivePhone, SensitiveEmail}},
		{"123456789012345", nil},
		{"Ring 912 34 567", phone},
		{"Ring (+47) 987 65 432", phone},
		{"Ring +47-987-65-432", phone},
		{"fnr 130972-48022 må med", id},
		{"fnr 150765/00565", id},
		{"Ring ٩٨٧٦٥٤٣٢", phone},
		{"fnr １５０７６５００５６５", id},
		{"Ring 98\u200b765432", nil}, // a zero-width space splits it beyond a separator
		{"skriv til ola[at]nav.no", email},
		{"ola alfakrøll nav punktum no", email},
		{"ola＠nav.no", email},
		{"ola (at) nav (dot) no", email},
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

// maxFalseAlarmRate bounds the share of ordinary notes (numbers that are no personal data) on
// which the guard warns.
const maxFalseAlarmRate = 0.01

func TestSensitiveDataFalseAlarms(t *testing.T) {
	notes := append(readNotes(t, "testdata/ipe_notes_nb.txt"), readNotes(t, "testdata/ipe_notes_ordinary.txt")...)
	if len(notes) < 200 {
		t.Fatalf("%d ordinary notes, want at least 200", len(notes))
	}
	alarms := 0
	for _, n := range notes {
		if kinds := SensitiveData(n); len(kinds) > 0 {
			alarms++
			t.Logf("false alarm %v: %q", kinds, n)
		}
	}
	rate := float64(alarms) / float64(len(notes))
	t.Logf("false alarms: %d of %d ordinary notes (%.2f %%, bound %.2f %%)",
		alarms, len(notes), 100*rate, 100*maxFalseAlarmRate)
	if rate > maxFalseAlarmRate {
		t.Errorf("false-alarm rate %.2f %% above %.2f %%", 100*rate, 100*maxFalseAlarmRate)
	}
}

func readNotes(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var notes []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if line := strings.TrimSpace(s.Text()); line != "" && !strings.HasPrefix(line, "#") {
			notes = append(notes, line)
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return notes
}

func TestValidNationalID(t *testing.T) {
	for d, want := range map[string]bool{
		"15076500565": true,
		"13097248022": true,
		"55076510007": true,
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

func TestDigitValue(t *testing.T) {
	for _, zero := range []rune{'٠', '۰', '०', '০', '๐', '０', '𝟎', '𝟘'} {
		for v := rune(0); v < 10; v++ {
			if got := digitValue(zero + v); got != v {
				t.Errorf("digitValue(%U) = %d, want %d", zero+v, got, v)
			}
		}
	}
}

func FuzzSensitiveData(f *testing.F) {
	for _, s := range []string{"15076500565", "+47 987 65 432", "a@b.no", "1.2.3", "+", "@@.",
		"130972-48022", "912-34-567", "ola (at) nav.no", "１２３", "14.00-15.30", "ola at nav dot no"} {
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
		// Normalising is idempotent, so a text and its normal form get the same verdict.
		if n := normalizeSensitive(s); !slices.Equal(SensitiveData(n), kinds) {
			t.Fatalf("normal form %q judged %v, text %v", n, SensitiveData(n), kinds)
		}
	})
}
