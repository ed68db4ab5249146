package laeringsliv

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Kinds of personal data a note may seem to hold.
const (
	SensitiveNationalID = "national_id"
	SensitivePhone      = "phone"
	SensitiveEmail      = "email"
)

// SensitiveData returns the kinds of personal data that text seems to hold, each at most once,
// in the order national id, phone, e-mail. It warns; it does not block: the writer decides.
// The API answers a note with warnings unless the client confirms.
//
// Numbers are recognised however they are written: digits of any Unicode script, full-width
// forms, and groups split by spaces, dashes, slashes, dots or brackets ("912-34-567",
// "130972-48022", "(+47) 912 34 567"). Dates, times, year ranges and thousands are not
// mistaken for phone numbers.
func SensitiveData(text string) []string {
	text = normalizeSensitive(text)
	var id, phone bool
	for _, run := range digitRuns(text) {
		i, p := run.sensitive()
		id, phone = id || i, phone || p
	}
	var kinds []string
	if id {
		kinds = append(kinds, SensitiveNationalID)
	}
	if phone {
		kinds = append(kinds, SensitivePhone)
	}
	if hasEmail(text) {
		kinds = append(kinds, SensitiveEmail)
	}
	return kinds
}

// normalizeSensitive folds compatibility forms (full-width letters, digits and @, non-breaking
// spaces) with NFKC, turns every decimal digit of any script into its ASCII digit, and lowers
// case.
func normalizeSensitive(text string) string {
	text = norm.NFKC.String(text)
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		if r > unicode.MaxASCII && unicode.IsDigit(r) {
			r = '0' + digitValue(r)
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// digitValue returns the value of a decimal digit. Unicode keeps every script's digits as
// consecutive runs of ten starting at zero, so the value is the distance to the run's start
// modulo ten.
func digitValue(r rune) rune {
	n := rune(0)
	for unicode.IsDigit(r - n - 1) {
		n++
	}
	return n % 10
}

// ValidNationalID reports whether eleven digits form a Norwegian national identity number
// (fødselsnummer or D-number): both control digits must match the mod-11 rule.
func ValidNationalID(d string) bool {
	if len(d) != 11 {
		return false
	}
	n := make([]int, 11)
	for i := range d {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
		n[i] = int(d[i] - '0')
	}
	k1 := control(n[:9], []int{3, 7, 6, 1, 8, 9, 4, 5, 2})
	k2 := control(n[:10], []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})
	return k1 == n[9] && k2 == n[10]
}

// plausibleBirthDate reports whether the first six digits of an identity number can be a
// birth date: a day (plus 40 in a D-number) and a month (plus 40 in an H-number).
func plausibleBirthDate(d string) bool {
	day := atoi(d[0:2])
	month := atoi(d[2:4])
	if day > 40 {
		day -= 40
	}
	if month > 40 {
		month -= 40
	}
	return day >= 1 && day <= 31 && month >= 1 && month <= 12
}

// control returns the mod-11 control digit of digits under weights, or -1 where none exists.
func control(digits, weights []int) int {
	sum := 0
	for i, w := range weights {
		sum += digits[i] * w
	}
	k := 11 - sum%11
	switch k {
	case 11:
		return 0
	case 10:
		return -1
	}
	return k
}

func atoi(s string) int {
	n := 0
	for i := range s {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
