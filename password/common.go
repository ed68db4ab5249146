package password

import (
	_ "embed"
	"strings"
	"unicode"
)

// The bundled lists: common.txt is written by scripts/vendor-passwords.sh from a pinned
// package, common-nb.txt by hand. Lines starting with # are comments.
var (
	//go:embed common.txt
	commonList string
	//go:embed common-nb.txt
	commonNB string
	common   = loadList(commonList, commonNB)
)

func loadList(texts ...string) map[string]struct{} {
	m := make(map[string]struct{}, 50000)
	for _, t := range texts {
		for _, line := range strings.Split(t, "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				m[line] = struct{}{}
			}
		}
	}
	return m
}

// minCore is the shortest word that may carry a password; shorter ones are padding around
// nothing ("1234!!!!aaaa").
const minCore = 4

// Weak reports whether pw is a password attackers try first (NIST SP 800-63B 3.1.1.2): on the
// bundled list of common and breached passwords, a listed word with digits or signs around it
// ("sommer2024!"), a short word repeated ("passordpassord", "abcabcabcabc"), or built on one
// of the personal words given (the person's name and e-mail address) with little added. It
// says nothing about length, and demands no mix of character kinds.
func Weak(pw string, personal ...string) bool {
	p := strings.ToLower(strings.TrimSpace(pw))
	if listed(p) {
		return true
	}
	if unit := repeatedUnit(p); unit != "" && (len([]rune(unit)) < minCore || listed(unit)) {
		return true
	}
	core := trimPadding(p)
	if len([]rune(core)) < minCore || listed(core) {
		return true
	}
	if u := repeatedUnit(core); u != "" && (len([]rune(u)) < minCore || listed(u)) {
		return true
	}
	return personalBased(p, personal)
}

func listed(s string) bool {
	_, ok := common[s]
	if !ok {
		_, ok = common[strings.ReplaceAll(s, " ", "")]
	}
	return ok
}

// trimPadding removes digits, signs and spaces from both ends.
func trimPadding(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
}

// repeatedUnit returns the shortest unit that s repeats two or more times, or "".
func repeatedUnit(s string) string {
	rs := []rune(s)
	for n := 1; n <= len(rs)/2; n++ {
		if len(rs)%n != 0 {
			continue
		}
		unit := string(rs[:n])
		if strings.Repeat(unit, len(rs)/n) == s {
			return unit
		}
	}
	return ""
}

// personalBased reports whether pw is mostly made of the person's own words: the whole e-mail
// address, its local part, or a part of the name, with fewer than six other characters.
func personalBased(p string, personal []string) bool {
	var words []string
	for _, w := range personal {
		w = strings.ToLower(strings.TrimSpace(w))
		if w == "" {
			continue
		}
		words = append(words, w)
		if local, _, ok := strings.Cut(w, "@"); ok {
			words = append(words, local)
			w = local
		}
		words = append(words, strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })...)
	}
	squeezed := strings.ReplaceAll(p, " ", "")
	for _, w := range words {
		if len([]rune(w)) < 3 {
			continue
		}
		rest := strings.ReplaceAll(squeezed, strings.ReplaceAll(w, " ", ""), "")
		if rest != squeezed && len([]rune(trimPadding(rest))) < 6 {
			return true
		}
	}
	return false
}
