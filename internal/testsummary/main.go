// Command testsummary reads `go test -json` on standard input, prints a readable log and a
// summary ending in a line "N passed, N failed, N skipped", and exits non-zero if a test
// or a build failed, or, with CI=true, if any test was skipped.
//
//	go test -json ./... | go run ./internal/testsummary
package main

import (
	"fmt"
	"io"
	"laeringsliv/internal/ci"
	"os"
	"slices"
	"strings"
)

func main() {
	inCI := ci.On()
	res, err := Summarise(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(2)
	}
	problems := verdict(res, inCI)
	writeReport(os.Stdout, res, problems)
	if len(problems) > 0 {
		os.Exit(1)
	}
}

// writeReport prints per-package counts, engine and browser counts, why the run failed if
// it did, and last the totals, which CI reads from the final line.
func writeReport(w io.Writer, res Result, problems []string) {
	fmt.Fprintln(w, "\n=== Summary")
	var names []string
	for name := range res.Packages {
		names = append(names, name)
	}
	slices.Sort(names)
	width := 0
	for _, name := range names {
		width = max(width, len(name))
	}
	for _, name := range names {
		c := res.Packages[name]
		status := "ok"
		if slices.Contains(res.FailedPackages, name) {
			status = "FAIL"
		}
		fmt.Fprintf(w, "%-4s %-*s  %4d passed  %3d failed  %3d skipped\n", status, width, name, c.Passed, c.Failed, c.Skipped)
	}
	for _, eng := range engines {
		fmt.Fprintf(w, "%s: %d passed\n", eng, res.Engines[eng])
	}
	fmt.Fprintf(w, "browser tests: %d ran, %d skipped\n", res.Browser, res.BrowserSkipped)
	if len(problems) > 0 {
		fmt.Fprintln(w, "FAIL:", strings.Join(problems, "; "))
	}
	fmt.Fprintf(w, "%d passed, %d failed, %d skipped\n", res.Total.Passed, res.Total.Failed, res.Total.Skipped)
}

// verdict lists the reasons the run failed; none means it passed.
func verdict(res Result, ci bool) []string {
	var p []string
	if res.Total.Failed > 0 {
		p = append(p, fmt.Sprintf("%d test(s) failed", res.Total.Failed))
	}
	if res.BuildFailed {
		p = append(p, "a package did not build")
	}
	if len(res.FailedPackages) > 0 {
		p = append(p, "failed packages: "+strings.Join(res.FailedPackages, ", "))
	}
	if ci && res.Total.Skipped > 0 {
		p = append(p, fmt.Sprintf("%d test(s) skipped, and CI=true allows no skips", res.Total.Skipped))
	}
	return p
}
