package laeringsliv

import "strings"

// Kinds of personal data a note may seem to hold.
const (
	SensitiveNationalID = "national_id"
	SensitivePhone      = "phone"
	SensitiveEmail      = "email"
)

// SensitiveData returns the kinds of personal data that text seems to hold, each at most once,
// in the order national id, phone, e-mail. It warns; it does not block: the writer decides.
// The web page runs the same rules in JavaScript before sending, and the API answers a note
// with warnings unless the client confirms.
func SensitiveData(text string) []string {
	var id, phone bool
	for _, run := range digitRuns(text) {
		// Spaces both group one number ("987 65 432") and separate two; try every contiguous
		// span of groups.
		for i := range run.groups {
			d := ""
			for j := i; j < len(run.groups) && len(d) <= 12; j++ {
				d += run.groups[j]
				plus := i == 0 && run.plus
				switch {
				case len(d) == 11 && ValidNationalID(d):
					id = true
				case len(d) == 8 && !run.dotted:
					phone = true
				case plus && len(d) == 10 && strings.HasPrefix(d, "47"):
					phone = true
				case i == 0 && len(d) == 12 && strings.HasPrefix(d, "0047"):
					phone = true
				}
			}
		}
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

// digitRun is a number as written: groups of digits split by single spaces ("987 65 432",
// "010190 12345"), perhaps with a leading plus, or with dots (dates, not phone numbers).
type digitRun struct {
	groups []string
	plus   bool
	dotted bool
}

func digitRuns(text string) []digitRun {
	var runs []digitRun
	var cur digitRun
	group := ""
	flush := func() {
		if group != "" {
			cur.groups = append(cur.groups, group)
		}
		if len(cur.groups) > 0 {
			runs = append(runs, cur)
		}
		cur, group = digitRun{}, ""
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case isDigit(c):
			if len(cur.groups) == 0 && group == "" && i > 0 && text[i-1] == '+' {
				cur.plus = true
			}
			group += string(c)
		case (c == ' ' || c == '.') && group != "" && i+1 < len(text) && isDigit(text[i+1]):
			cur.dotted = cur.dotted || c == '.'
			cur.groups = append(cur.groups, group)
			group = ""
		default:
			flush()
		}
	}
	flush()
	return runs
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// hasEmail reports whether a word looks like an address: something@something.tld.
func hasEmail(text string) bool {
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ".,;:!?()[]<>\"'")
		at := strings.IndexByte(w, '@')
		if at <= 0 || at != strings.LastIndexByte(w, '@') {
			continue
		}
		domain := w[at+1:]
		dot := strings.LastIndexByte(domain, '.')
		if dot > 0 && dot < len(domain)-2 {
			return true
		}
	}
	return false
}
