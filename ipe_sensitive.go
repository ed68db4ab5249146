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
// People write numbers in many ways: digits from any script or full width, groups split by
// spaces, dashes, slashes, dots or brackets ("912-34-567", "130972-48022", "(+47) 987 65 432"),
// and e-mail addresses spelt out ("ola (at) nav.no", "ola krøllalfa nav punktum no"). The text is
// first normalised (NFKC, every decimal digit to ASCII, spelt-out "at" and "dot" to symbols);
// dates (12.03.2024, 2024-03-12, 12/03/24) are not phone numbers.
func SensitiveData(text string) []string {
	text = normalizeForGuard(text)
	var id, phone bool
	for _, run := range digitRuns(text) {
		// Separators both group one number ("987 65 432") and separate two; try every
		// contiguous span of groups.
		for i := range run.groups {
			d := ""
			for j := i; j < len(run.groups) && len(d) <= 12; j++ {
				d += run.groups[j]
				plus := i == 0 && run.plus
				date := run.dated && i == 0 && j == len(run.groups)-1
				switch {
				case len(d) == 11 && ValidNationalID(d):
					id = true
				case len(d) == 8 && !date && !run.dotted:
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

// spelledAt and spelledDot are the ways people write "@" and "." to fool a filter or because
// their keyboard hides them; matched case-insensitively, as whole words where they are words.
var (
	spelledAt  = []string{"(at)", "[at]", "{at}", "<at>", " at ", "krøllalfa", "alfakrøll", "krøll-alfa", "alfa-krøll"}
	spelledDot = []string{"(dot)", "[dot]", "{dot}", " dot ", "(punktum)", "[punktum]", " punktum "}
)

// normalizeForGuard folds text into the forms the rules below look for.
func normalizeForGuard(text string) string {
	text = norm.NFKC.String(text)
	var b strings.Builder
	for _, r := range text {
		if r > unicode.MaxASCII && unicode.IsDigit(r) {
			r = '0' + digitValue(r)
		}
		b.WriteRune(r)
	}
	text = b.String()
	lower := strings.ToLower(text)
	if !strings.ContainsAny(lower, "(ad[{<kd ") {
		return text
	}
	for _, list := range [][]string{spelledAt, spelledDot} {
		sym := "@"
		if list[0] == "(dot)" {
			sym = "."
		}
		for _, w := range list {
			for {
				i := strings.Index(lower, w)
				if i < 0 {
					break
				}
				// Keep the byte offsets of text and lower in step: replace in both.
				text = text[:i] + sym + text[i+len(w):]
				lower = lower[:i] + sym + lower[i+len(w):]
			}
		}
	}
	// "ola @ nav.no": an at sign with spaces around it joins its neighbours.
	return strings.NewReplacer(" @ ", "@", "@ ", "@", " @", "@", " . ", ".").Replace(text)
}

// digitValue is the value of a decimal digit of any script: Unicode keeps each script's
// digits in one run of ten from zero, so the value is the distance to the run's zero.
func digitValue(r rune) rune {
	v := rune(0)
	for v < 9 && unicode.IsDigit(r-v-1) {
		v++
	}
	return v % 10
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

// digitRun is a number as written: groups of digits split by short separators ("987 65 432",
// "010190-12345", "912-34-567", "(+47) 98765432"), perhaps with a leading plus. Dotted runs
// (with a dot or slash between groups) and runs shaped like a date are not phone numbers.
type digitRun struct {
	groups []string
	plus   bool
	dotted bool
	dated  bool
}

// groupSeparators may stand between the digit groups of one number, at most two in a row.
const groupSeparators = " .-/()\u00a0\u2010\u2011\u2012\u2013"

func digitRuns(text string) []digitRun {
	var runs []digitRun
	var cur digitRun
	group := ""
	flush := func() {
		if group != "" {
			cur.groups = append(cur.groups, group)
		}
		if len(cur.groups) > 0 {
			cur.dated = looksLikeDate(cur.groups)
			runs = append(runs, cur)
		}
		cur, group = digitRun{}, ""
	}
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c >= '0' && c <= '9':
			if len(cur.groups) == 0 && group == "" && plusBefore(rs, i) {
				cur.plus = true
			}
			group += string(c)
		case group != "" && strings.ContainsRune(groupSeparators, c):
			j := i
			for j < len(rs) && j-i < 2 && strings.ContainsRune(groupSeparators, rs[j]) {
				j++
			}
			if j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				sep := string(rs[i:j])
				cur.dotted = cur.dotted || strings.ContainsAny(sep, "./")
				cur.groups = append(cur.groups, group)
				group = ""
				i = j - 1
				continue
			}
			flush()
		default:
			flush()
		}
	}
	flush()
	return runs
}

// plusBefore reports whether a "+" (perhaps after an opening bracket) leads the digit at i.
func plusBefore(rs []rune, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch rs[k] {
		case '+':
			return true
		case '(':
			continue
		}
		return false
	}
	return false
}

// looksLikeDate reports whether three groups form a calendar date, day first or year first
// (12-03-2024, 2024-03-12, 12 03 24).
func looksLikeDate(g []string) bool {
	if len(g) != 3 {
		return false
	}
	day, month, year := g[0], g[1], g[2]
	if len(g[0]) == 4 {
		year, month, day = g[0], g[1], g[2]
	}
	if (len(year) != 4 && len(year) != 2) || len(month) > 2 || len(day) > 2 {
		return false
	}
	m, d := atoiSmall(month), atoiSmall(day)
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

func atoiSmall(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

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
