package laeringsliv

import "regexp"

// Ways of writing @ and . in an address to dodge filters, in normalised (lower-case) text.
var (
	bracketedAt  = regexp.MustCompile(`\s*[(\[{<]\s*(?:at|krøllalfa|alfakrøll|snabel-?a)\s*[)\]}>]\s*`)
	spelledAt    = regexp.MustCompile(`\s+(?:krøllalfa|alfakrøll)\s+`)
	bracketedDot = regexp.MustCompile(`\s*[(\[{<]\s*(?:dot|punktum|prikk)\s*[)\]}>]\s*`)
	spelledDot   = regexp.MustCompile(`\s+(?:dot|punktum)\s+`)
)

// An address: a local part, @ (perhaps spaced), and a domain of labels ending in a top-level
// domain of letters.
var (
	emailAddress = regexp.MustCompile(`[\pL\pN._%+-]+\s*@\s*(?:[\pL\pN-]+\.)+\pL{2,}`)
	// "ola at nav.no": the bare word "at" is common in Norwegian ("foreslår at f.eks."), so it
	// counts only before a domain whose labels are at least two characters and whose top-level
	// domain is a common one.
	bareAtAddress = regexp.MustCompile(`[\pL\pN._%+-]+\s+at\s+(?:[\pL\pN-]{2,}\.)+(?:no|com|net|org|se|dk|fi|is|eu|uk|de|io|info|edu|gov)\b`)
)

// hasEmail reports whether normalised text holds something that reads as an e-mail address.
func hasEmail(text string) bool {
	text = bracketedAt.ReplaceAllString(text, "@")
	text = spelledAt.ReplaceAllString(text, "@")
	text = bracketedDot.ReplaceAllString(text, ".")
	text = spelledDot.ReplaceAllString(text, ".")
	return emailAddress.MatchString(text) || bareAtAddress.MatchString(text)
}
