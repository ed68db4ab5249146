package sqlstore

import (
	"errors"
	"fmt"

	"laeringsliv"
)

func notFound() error {
	return &laeringsliv.Error{Code: laeringsliv.ENOTFOUND, Key: "error.not_found"}
}

func invalid(key string) error { return &laeringsliv.Error{Code: laeringsliv.EINVALID, Key: key} }

func conflict(key string) error { return &laeringsliv.Error{Code: laeringsliv.ECONFLICT, Key: key} }

// wrap adds the operation to a driver error. Application errors pass through unchanged: their
// code and key are what callers look at, and they are never logged.
func wrap(op string, err error) error {
	var e *laeringsliv.Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}
