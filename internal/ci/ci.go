// Package ci decides, in one place, whether the tests run in continuous integration, where
// nothing may be skipped for a missing dependency. CI is on when the CI environment variable
// is a true value as strconv.ParseBool reads it (1, t, T, TRUE, true, True);
// scripts/install-test-deps.sh accepts the same values.
package ci

import (
	"os"
	"strconv"
)

// On reports whether this is a CI run.
func On() bool {
	on, err := strconv.ParseBool(os.Getenv("CI"))
	return err == nil && on
}
