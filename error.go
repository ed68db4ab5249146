package laeringsliv

import (
	"errors"
	"fmt"
)

// Error codes. Each maps to one HTTP status in the web package.
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EFORBIDDEN    = "forbidden"
	EUNAUTHORIZED = "unauthorized"
	ERATELIMIT    = "rate_limited"
)

// Error is the one error type of the application. Key names a message in the i18n catalogs,
// so the text shown to a user is always in the user's language and never comes from Go code.
// Field, when set, names the form field the error belongs to.
type Error struct {
	Code  string
	Key   string
	Field string
	Err   error // wrapped cause, for logs only; never shown
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Key, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Key)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and message key.
func Errorf(code, key string) *Error { return &Error{Code: code, Key: key} }

// FieldError returns an EINVALID error tied to a form field.
func FieldError(field, key string) *Error { return &Error{Code: EINVALID, Key: key, Field: field} }

// ErrorCode returns the code of an application error, or EINTERNAL for any other error.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorKey returns the message key of an application error, or the generic internal key.
func ErrorKey(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Key != "" {
		return e.Key
	}
	return "error.internal"
}
