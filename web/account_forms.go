package web

import (
	"net/url"

	"laeringsliv"
)

// parseForgotForm reads the e-mail address of the request for a reset link.
func parseForgotForm(v url.Values) (string, []FieldErr) {
	email := laeringsliv.NormalizeEmail(text(v, "email", 254))
	if !laeringsliv.ValidEmail(email) {
		return email, []FieldErr{{"email", "error.email_invalid"}}
	}
	return email, nil
}
