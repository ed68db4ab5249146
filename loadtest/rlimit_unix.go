//go:build unix

package loadtest

import (
	"fmt"
	"syscall"
)

// raiseFileLimit makes room for need open files in this process: every participant's
// event stream is a socket, and the usual soft limit of 1,024 stops a run of thousands of
// participants with "too many open files". It raises the soft limit towards the hard one
// (Go since 1.19 already raises it to the hard limit at start-up; this says so when the hard
// limit itself is too low, which only `ulimit -Hn` or limits.conf as root can change).
func raiseFileLimit(need uint64) error {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return err
	}
	if lim.Cur >= need {
		return nil
	}
	lim.Cur = min(need, lim.Max)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return err
	}
	if lim.Cur < need {
		return fmt.Errorf("open-file limit %d is below the %d this run needs; raise the hard limit (ulimit -Hn) or run fewer participants", lim.Cur, need)
	}
	return nil
}
