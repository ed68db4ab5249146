//go:build !unix

package loadtest

// raiseFileLimit does nothing where there is no RLIMIT_NOFILE.
func raiseFileLimit(uint64) error { return nil }
