package report

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"laeringsliv"
	"laeringsliv/tabular"
)

// Redacted replaces an identity number found in free text.
const Redacted = "[ID-REDACTED]"

// RedactedName replaces, in free text, the name of a person who has not consented: they get
// no pseudonym, so nothing in the dataset links to them.
const RedactedName = "[NAME-REDACTED]"

// Pseudonymizer replaces people by stable pseudonyms: the same person gets the same
// pseudonym within one research project's exports, and nobody without the key can link a
// pseudonym back to a person or across projects.
type Pseudonymizer struct {
	key       []byte
	consented func(int64) bool
	names     []nameSub // longest names first, so that "Kari Nordmann" goes before "Kari"
}

type nameSub struct {
	name, pseudonym string
	re              *regexp.Regexp // compiled once: an export cleans thousands of texts
}

// NewPseudonymizer returns a pseudonymizer with the export project's secret key and the people
// whose names must not appear in free text; consented says who agreed to take part in the
// research (nil: nobody has).
func NewPseudonymizer(key []byte, people []*laeringsliv.Person, consented func(personID int64) bool) *Pseudonymizer {
	p := &Pseudonymizer{key: key, consented: consented}
	for _, person := range people {
		ps := p.Pseudonym(person.ID)
		if ps == "" {
			ps = RedactedName
		}
		for _, n := range append([]string{person.Name}, strings.Fields(person.Name)...) {
			if len([]rune(n)) >= 2 {
				p.names = append(p.names, nameSub{n, ps, wordPattern(n)})
			}
		}
	}
	sort.SliceStable(p.names, func(i, j int) bool { return len(p.names[i].name) > len(p.names[j].name) })
	return p
}

// Pseudonym returns the stable pseudonym of a person; nobody (0) and anyone who has not
// consented get the empty string.
func (p *Pseudonymizer) Pseudonym(personID int64) string {
	if personID == 0 || p.consented == nil || !p.consented(personID) {
		return ""
	}
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(strconv.FormatInt(personID, 10)))
	return "P-" + hex.EncodeToString(m.Sum(nil))[:12]
}

// Text cleans free text: names of known people become their pseudonyms and identity numbers
// are redacted.
func (p *Pseudonymizer) Text(s string) string {
	for _, n := range p.names {
		s = replaceWord(s, n.re, n.pseudonym)
	}
	return RedactIdentityNumbers(s)
}

// wordPattern matches name as a whole word, case-insensitively, also in the genitive ("Karis").
func wordPattern(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(name) + `s?($|[^\p{L}\p{N}])`)
}

// replaceWord replaces the matches of a wordPattern.
func replaceWord(s string, re *regexp.Regexp, with string) string {
	for {
		out := re.ReplaceAllString(s, "${1}"+strings.ReplaceAll(with, "$", "$$")+"${2}")
		if out == s {
			return out
		}
		s = out // adjacent matches share a separator; repeat until none is left
	}
}

// RedactIdentityNumbers replaces every Norwegian national identity number (fødselsnummer or
// D-number: eleven digits whose two check digits are valid modulo 11, optionally written with a
// space or dot after the date) with Redacted, unless it is part of a longer number. Other
// eleven-digit numbers, such as account numbers that fail the check, are left alone.
func RedactIdentityNumbers(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := identityAt(s, i); n > 0 {
			b.WriteString(Redacted)
			i += n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// identityAt returns the length of a valid identity number starting at byte i, or 0.
func identityAt(s string, i int) int {
	if !isDigit(s, i) || isDigit(s, i-1) {
		return 0
	}
	j := i + 6
	if j > len(s) || strings.IndexFunc(s[i:j], func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return 0
	}
	digits := s[i:j]
	if j < len(s) && (s[j] == ' ' || s[j] == '.') {
		j++
	}
	k := j + 5
	if k > len(s) || strings.IndexFunc(s[j:k], func(r rune) bool { return r < '0' || r > '9' }) >= 0 || isDigit(s, k) {
		return 0
	}
	if !ValidIdentityNumber(digits + s[j:k]) {
		return 0
	}
	return k - i
}

func isDigit(s string, i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }

// ValidIdentityNumber reports whether s is eleven digits with valid mod-11 check digits.
func ValidIdentityNumber(s string) bool {
	if len(s) != 11 {
		return false
	}
	d := make([]int, 11)
	for i, c := range s {
		if c < '0' || c > '9' {
			return false
		}
		d[i] = int(c - '0')
	}
	check := func(weights []int) int {
		sum := 0
		for i, w := range weights {
			sum += w * d[i]
		}
		k := 11 - sum%11
		if k == 11 {
			k = 0
		}
		return k
	}
	k1 := check([]int{3, 7, 6, 1, 8, 9, 4, 5, 2})
	k2 := check([]int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})
	return k1 != 10 && k2 != 10 && k1 == d[9] && k2 == d[10]
}

// ResearchInnovations returns the innovations of a programme as a pseudonymised table: free
// text cleaned, the person who recorded each replaced by a pseudonym when they consented and
// left out otherwise. workplaces names each workplace by id.
func ResearchInnovations(p *Pseudonymizer, list []*laeringsliv.Innovation, workplaces map[int64]string) *tabular.Table {
	t := &tabular.Table{Name: "innovations", Header: []string{"innovation", "workplace", "title", "description",
		"status", "size", "revives_failure", "owner_group", "recorded_by", "recorded_at"}}
	for _, i := range list {
		by := p.Pseudonym(i.CreatedBy)
		t.Rows = append(t.Rows, []any{i.ID, workplaces[i.WorkplaceID], p.Text(i.Title), p.Text(i.Description),
			string(i.Status), string(i.Size), strconv.FormatBool(i.RevivesFailure), p.Text(i.OwnerGroup), by,
			i.CreatedAt.UTC().Format(time.DateOnly)})
	}
	return t
}
